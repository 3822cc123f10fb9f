/** Made by vite.cdn.config.ts from the one list of widgets (build/entries.js): `portal-<name>` → the import that defines it. */
declare module 'virtual:portal-widgets/definers' {
  const definers: Record<string, () => Promise<unknown>>;
  export default definers;
}
