/**
 * Every story: the manifest for controls and docs, toolbar globals for
 * language (sets `<html lang>`, which every widget follows), light/dark theme
 * (the page's `color-scheme` only: the widgets' tokens carry their own dark
 * values) and reduced motion.
 */
import { setCustomElementsManifest } from '@storybook/web-components';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/index.js';
import { setReducedMotion } from '../stories/support/motion.js';
import '../stories/support/pending-fetch.js';
import { portalArgTypes } from '../stories/support/story-kit.js';

setCustomElementsManifest(manifest);

const withGlobals: Decorator = (storyFn, context) => {
  const { lang = 'vi', theme = 'light', motion = 'no-preference' } = context.globals;
  const root = document.documentElement;
  root.lang = lang;
  root.dataset.theme = theme;
  root.dataset.motion = motion;
  root.style.colorScheme = theme;
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  setReducedMotion(motion === 'reduce');
  return storyFn();
};

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of the widgets (sets <html lang>)',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'vi', title: 'Tiếng Việt' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    theme: {
      description: 'Light or dark page (color-scheme)',
      toolbar: { title: 'Theme', icon: 'contrast', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
    motion: {
      description: 'Simulated prefers-reduced-motion',
      toolbar: { title: 'Motion', icon: 'transfer', items: [{ value: 'no-preference', title: 'Motion' }, { value: 'reduce', title: 'Reduced motion' }], dynamicTitle: true },
    },
  },
  initialGlobals: { lang: 'vi', theme: 'light', motion: 'no-preference' },
  decorators: [withGlobals],
  argTypesEnhancers: [portalArgTypes],
  parameters: {
    controls: { expanded: true },
    docs: { source: { excludeDecorators: true } },
    a11y: { test: 'error' },
  },
};

export default preview;
