/**
 * The toolbar's "reduced motion" switch. A page cannot change what the
 * `prefers-reduced-motion` media query answers, so while it is on:
 * - `matchMedia('(prefers-reduced-motion: reduce)')` answers true, for motion driven by script;
 * - every shadow root in the story gets a sheet that stops CSS animations and
 *   transitions, as the widgets' own `@media (prefers-reduced-motion: reduce)` rules would.
 * To check the widgets' real media queries, emulate the preference in the browser
 * (Chromium DevTools › Rendering › Emulate CSS prefers-reduced-motion); the
 * Storybook test does that for stories with `globals: {motion: 'reduce'}`.
 */
let reduce = false;
let frame = 0;
const sheet = new CSSStyleSheet();
sheet.replaceSync(
  '*, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }',
);

const realMatchMedia = window.matchMedia.bind(window);
window.matchMedia = (query: string): MediaQueryList => {
  if (reduce && /prefers-reduced-motion\s*:\s*reduce/.test(query)) return realMatchMedia('all');
  if (reduce && /prefers-reduced-motion\s*:\s*no-preference/.test(query)) return realMatchMedia('not all');
  return realMatchMedia(query);
};

function stopMotion(root: ParentNode): void {
  for (const el of root.querySelectorAll('*')) {
    const shadow = el.shadowRoot;
    if (!shadow) continue;
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    stopMotion(shadow);
  }
}

function removeSheet(root: ParentNode): void {
  for (const el of root.querySelectorAll('*')) {
    const shadow = el.shadowRoot;
    if (!shadow) continue;
    shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
    removeSheet(shadow);
  }
}

/** Turns the simulated preference on or off for everything in the document. */
export function setReducedMotion(on: boolean): void {
  if (on === reduce) return;
  reduce = on;
  cancelAnimationFrame(frame);
  if (on) {
    // Widgets render after the decorator runs and may add shadow roots later: keep applying.
    const tick = () => {
      stopMotion(document);
      frame = requestAnimationFrame(tick);
    };
    tick();
  } else removeSheet(document);
}
