/**
 * Registers a tag unless it is already registered: a page that loads the CDN
 * bundle and a per-widget entry, or two copies of the library, must not throw.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
