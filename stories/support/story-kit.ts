/**
 * What every widget's stories file shares, so that file only lists its stories:
 *
 *   export default {
 *     title: 'Widgets/portal-news-list',   // literal: Storybook's indexer reads these three statically
 *     component: 'portal-news-list',
 *     tags: ['autodocs'],
 *     ...widgetMeta({ src: feed('news.json') }),
 *   } satisfies Meta;
 *   export const Default = story();
 *   export const Cards = story({ layout: 'cards' });
 *   export const Loading = story({ src: pendingFeed() }, { children: html`<a href="#">Tin tức</a>` });
 *
 * Controls and the docs table come from custom-elements.json: each attribute is
 * a control under its attribute name (`show-date`), set as an attribute, so the
 * docs' "Show code" is the HTML a webmaster pastes. Properties without an
 * attribute (`items`) are set as properties. `portal-*` events are logged in
 * the Actions panel.
 */
import { getCustomElements } from '@storybook/web-components';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { render as litRender, type TemplateResult } from 'lit';
import { PENDING_PREFIX } from './pending-fetch.js';
import { applyTokens, redAndGold, type Tokens } from './themes.js';

interface Attribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
}
interface Member {
  kind: string;
  name: string;
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
  type?: { text: string };
}
interface Declaration {
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: { name: string }[];
  slots?: { name: string }[];
}

/** The manifest entry of `tag` (set by .storybook/preview.ts from custom-elements.json). */
export function declarationOf(tag: string): Declaration {
  const manifest = getCustomElements() as { modules: { declarations?: Declaration[] }[] } | undefined;
  const found = manifest?.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!found) throw new Error(`${tag} is not in custom-elements.json: run npm run manifest`);
  return found;
}

/** URL of a static fixture in stories/fixtures (served at /fixtures). */
export const feed = (file: string): string => `/fixtures/${file}`;

let pending = 0;
/** A document URL that never answers: the widget stays in its loading state. */
export const pendingFeed = (): string => `${PENDING_PREFIX}${++pending}.json`;

/** `portal-load` → `onPortalLoad`, the argument name Storybook gives an event's action. */
const handlerName = (event: string) => `on${event.replace(/(^|-)(\w)/g, (_, _sep, c: string) => c.toUpperCase())}`;

/** The control that fits a manifest type: a select for a union of string literals. */
function control(type = ''): Record<string, unknown> {
  const parts = type.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined');
  if (parts.length > 1 && parts.every((p) => /^'[^']*'$/.test(p)))
    return { control: 'select', options: parts.map((p) => p.slice(1, -1)) };
  if (parts[0] === 'boolean') return { control: 'boolean' };
  if (parts[0] === 'number') return { control: 'number' };
  if (parts[0] === 'string') return { control: 'text' };
  return { control: false };
}

/** argTypes from the manifest: one control per attribute; properties that mirror an attribute are hidden. */
function argTypesOf(decl: Declaration): NonNullable<Meta['argTypes']> {
  const argTypes: NonNullable<Meta['argTypes']> = {};
  for (const m of decl.members ?? []) {
    if (m.kind !== 'field' || m.static) continue;
    if (m.attribute) argTypes[m.name] = { table: { disable: true } };
    else if (m.readonly) argTypes[m.name] = { control: false };
    else argTypes[m.name] = control(m.type?.text);
  }
  for (const a of decl.attributes ?? []) argTypes[a.name] = control(a.type?.text);
  for (const s of decl.slots ?? []) if (s.name) argTypes[s.name] = { control: false };
  return argTypes;
}

export interface StoryOptions {
  /** Light-DOM children: the fallback a webmaster writes, or slotted content. */
  children?: TemplateResult;
}

/** Builds the element from args: attributes as attributes, other properties as properties, events to actions. */
export function renderWidget(args: Record<string, unknown>, context: StoryContext): HTMLElement {
  const tag = context.component as string;
  const decl = declarationOf(tag);
  const el = document.createElement(tag);
  const attributes = new Map((decl.attributes ?? []).map((a) => [a.name, a]));
  const events = new Map((decl.events ?? []).map((e) => [handlerName(e.name), e.name]));
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    const attribute = attributes.get(key);
    if (attribute) {
      if (typeof value === 'boolean') el.toggleAttribute(key, value);
      else if (value !== '') el.setAttribute(key, String(value));
    } else if (events.has(key) && typeof value === 'function') {
      el.addEventListener(events.get(key)!, value as EventListener);
    } else if ((decl.members ?? []).some((m) => m.name === key && !m.readonly)) {
      (el as unknown as Record<string, unknown>)[key] = value;
    }
  }
  const options = (context.parameters.portal ?? {}) as StoryOptions;
  if (options.children) litRender(options.children, el);
  return el;
}

type Story = StoryObj;

/** The rest of a widget's default export (its title, component and tags are written out: see above). */
export function widgetMeta(args: Record<string, unknown> = {}, extra: Partial<Meta> = {}): Partial<Meta> {
  return { render: renderWidget, args, ...extra };
}

/**
 * Project-wide argTypes enhancer (.storybook/preview.ts): refines the argTypes
 * Storybook extracted from the manifest for every `portal-*` component.
 */
export const portalArgTypes = Object.assign(
  (context: { component?: unknown; argTypes: NonNullable<Meta['argTypes']> }) => {
    const tag = context.component;
    if (typeof tag !== 'string' || !tag.startsWith('portal-')) return context.argTypes;
    const refined = { ...context.argTypes };
    for (const [name, argType] of Object.entries(argTypesOf(declarationOf(tag)))) refined[name] = { ...refined[name], ...argType };
    return refined;
  },
  // After Storybook's own inference, so these controls win.
  { secondPass: true },
);

/** A story: its args on top of the meta's, and options such as fallback children. */
export function story(args: Record<string, unknown> = {}, options: StoryOptions & Partial<Story> = {}): Story {
  const { children, ...rest } = options;
  return { args, ...rest, parameters: { ...rest.parameters, portal: { children } } };
}

/** Wraps a story in an element that sets theme tokens, as a page would on an ancestor. */
export function themed(base: Story, tokens: Tokens = redAndGold): Story {
  return {
    ...base,
    decorators: [
      ...((base.decorators as Story['decorators'][]) ?? []),
      (storyFn) => {
        const wrapper = document.createElement('div');
        applyTokens(wrapper, tokens);
        wrapper.style.padding = '1rem';
        wrapper.style.background = tokens['--portal-color-surface'] ?? '';
        const result = storyFn();
        if (result instanceof Node) wrapper.append(result);
        else litRender(result as TemplateResult, wrapper);
        return wrapper;
      },
    ] as Story['decorators'],
  };
}

/**
 * Puts a `<portal-news-list id=…>` (with `listArgs` as attributes) after the
 * story's widget, for the widgets that filter a list through `for` (search,
 * archive). `choose`, if given, runs on the widget once the list has loaded —
 * the state a reader's choice leads to, reached through the widget's own API.
 */
export function withNewsList(
  base: Story,
  id: string,
  listArgs: Record<string, string | number | boolean> = {},
  choose?: (widget: HTMLElement) => Promise<unknown>,
): Story {
  return {
    ...base,
    args: { ...base.args, for: id },
    decorators: [
      ...((base.decorators as Story['decorators'][]) ?? []),
      (storyFn) => {
        const wrapper = document.createElement('div');
        // Apart, as on a page: the widget's last control and the list's first link are separate targets (WCAG 2.5.8).
        wrapper.style.display = 'grid';
        wrapper.style.gap = '1.5rem';
        const list = document.createElement('portal-news-list');
        list.id = id;
        for (const [name, value] of Object.entries(listArgs))
          if (typeof value === 'boolean') list.toggleAttribute(name, value);
          else list.setAttribute(name, String(value));
        const result = storyFn();
        if (result instanceof Node) wrapper.append(result);
        else litRender(result as TemplateResult, wrapper);
        wrapper.append(list);
        return wrapper;
      },
    ] as Story['decorators'],
    play: choose
      ? async ({ canvasElement, component }) => {
          const widget = canvasElement.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(component as string);
          const list = canvasElement.querySelector<HTMLElement & { allItems: unknown[] }>(`#${id}`);
          if (!widget || !list) return;
          await widget.updateComplete;
          for (let waited = 0; !list.allItems?.length && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
          await choose(widget);
        }
      : base.play,
  };
}
