/// <reference types="vite/client" />
/**
 * Every story renders inside a wrapper that carries the toolbar's choices the way a portal page
 * would: `data-veche-theme="<city> dark contrast vision kids"` (the theme files select on it) and
 * `lang`. Mocked backends come from MSW: `parameters.msw.handlers` per story.
 *
 * Docs: every widget gets an autodocs page whose attribute, property, event, part, CSS property
 * and slot tables come from custom-elements.json (`npm run analyze`); each story's paste snippet
 * (the HTML a webmaster copies) is shown in the docs and in the story's Code panel.
 */
import { ArgTypes, Description, Primary, Source, Subtitle, Title } from '@storybook/addon-docs/blocks';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { createElement, Fragment } from 'react';
import { html, nothing, render, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { problemResponse } from '../src/mocks/http.js';
import { STORY_API } from '../stories/support/story-api.js';
import '../src/themes/index.css';
import './preview.css';
import { pasteSnippet } from './paste-snippet.js';

// Generated, not committed: a fresh clone builds Storybook before `npm run analyze` has run.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const CITIES = [
  { value: 'default', title: 'Veche default' },
  { value: 'moscow', title: 'Moscow — red' },
  { value: 'kazan', title: 'Kazan — green' },
  { value: 'ural', title: 'Ural — blue' },
  { value: 'altai', title: 'Altai — mountains' },
];

/** The theme words for the wrapper, in the order a webmaster would write them. */
function themeWords(globals: Record<string, unknown>): string {
  return [
    globals.city !== 'default' ? globals.city : '',
    globals.scheme === 'dark' ? 'dark' : '',
    globals.contrast === 'on' ? 'contrast' : '',
    globals.vision === 'on' ? 'vision' : '',
    globals.kids === 'on' ? 'kids' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/*
 * `prefers-reduced-motion` cannot be switched from script, and page CSS cannot reach into shadow
 * roots; so, only here, every shadow root created while the toggle is on also adopts the rules
 * core applies under `@media (prefers-reduced-motion: reduce)`. Lit adopts its own styles right
 * after `attachShadow`, so the extra sheet is added a microtask later.
 */
let reducedMotion = false;
const reducedMotionSheet = new CSSStyleSheet();
reducedMotionSheet.replaceSync(`*, *::before, *::after {
  animation-duration: 0.01ms !important;
  animation-iteration-count: 1 !important;
  transition-duration: 0.01ms !important;
  scroll-behavior: auto !important;
}`);
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attachShadow.call(this, init);
  if (reducedMotion) queueMicrotask(() => (root.adoptedStyleSheets = [...root.adoptedStyleSheets, reducedMotionSheet]));
  return root;
};

const withVecheContext: Decorator = (story, { globals }) => {
  const locale = String(globals.locale ?? 'ru');
  const theme = themeWords(globals);
  reducedMotion = globals.motion === 'reduce';
  // Widgets follow `<html lang>`; the page's language must also be right for screen readers.
  document.documentElement.lang = locale;
  // A new wrapper per combination: every element re-reads its theme and locale from scratch.
  const key = `${theme}|${locale}|${reducedMotion}`;
  return html`${keyed(
    key,
    html`<div class="veche-story" lang=${locale} data-veche-theme=${theme}>${story() as TemplateResult}</div>`,
  )}`;
};

/**
 * The mocked backend of the story being shown. Stories of a file may each have a backend of
 * their own under `${STORY_API}/<story>` (`parameters.storyApi`); a request elsewhere under
 * `${STORY_API}` then comes from a widget of an earlier story, sent just before it was removed
 * and arriving after this story's handlers replaced that story's.
 */
let shownStoryApi = STORY_API;
/** Every story backend of its own shown so far on this page. */
const ownStoryApis = new Set<string>();
const under = (path: string, api: string) => path === api || path.startsWith(`${api}/`);
/**
 * Whether a request belongs to the shown story: under its backend, and not under another story's
 * own backend (which, when the shown story uses the root `${STORY_API}`, is also under it).
 */
const underStoryApi = (path: string) => under(path, shownStoryApi) && ![...ownStoryApis].some((api) => api !== shownStoryApi && under(path, api));

/**
 * Behind every story's own handlers: a request of a story that has ended gets a quiet 404 — its
 * widget is gone, and a 4xx makes no outbox keep it. The predicate leaves the shown story's
 * requests unmatched (a matching handler that answers nothing would let them pass through
 * silently), so one without a handler of its own still reaches `onUnhandledRequest`.
 */
const endedStoryRequest = http.all(
  ({ request }) => {
    const path = new URL(request.url).pathname;
    return path.startsWith(`${STORY_API}/`) && !underStoryApi(path);
  },
  ({ request }) => {
    const path = new URL(request.url).pathname;
    return problemResponse(404, 'not-found', `Запрос сценария, который уже закрыт: ${path}`, { instance: path });
  },
);

const mockedBackend = mswLoader(async () => {
  const worker = setupWorker(endedStoryRequest);
  await worker.start({
    quiet: true,
    onUnhandledRequest(request) {
      // A story that calls its mocked backend without a handler is a broken story: say so
      // loudly, with the request on the first line (a console error fails
      // `npm run test:storybook`, which reports first lines). Storybook's own requests for
      // modules and assets go to the network as usual.
      const path = new URL(request.url).pathname;
      if (path.startsWith(`${STORY_API}/`)) console.error(`[MSW] ${request.method} ${path}: no handler in this story's mocked backend`);
    },
  });
  return worker;
});

const preview: Preview = {
  globalTypes: {
    city: {
      description: 'City theme preset (src/themes/<city>.css)',
      toolbar: { title: 'City', icon: 'paintbrush', items: CITIES, dynamicTitle: true },
    },
    locale: {
      description: 'Language of the widgets (sets lang on the story and <html>)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'ru', right: 'ru', title: 'Русский' },
          { value: 'en', right: 'en', title: 'English' },
          { value: 'tt', right: 'tt', title: 'Татарча' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme (theme word "dark")',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    contrast: {
      description: 'High contrast (theme word "contrast")',
      toolbar: {
        title: 'High contrast',
        icon: 'eye',
        items: [
          { value: 'off', title: 'Normal contrast' },
          { value: 'on', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
    vision: {
      description: 'Visually-impaired mode (theme word "vision"): large type, 7:1 contrast, larger targets',
      toolbar: {
        title: 'Visually impaired',
        icon: 'eyeclose',
        items: [
          { value: 'off', title: 'Standard version' },
          { value: 'on', title: 'Version for the visually impaired' },
        ],
        dynamicTitle: true,
      },
    },
    kids: {
      description: 'Kids mode (theme word "kids"): friendlier palette, larger targets, rounder',
      toolbar: {
        title: 'Kids',
        icon: 'heart',
        items: [
          { value: 'off', title: 'Adults' },
          { value: 'on', title: 'Kids (6–14)' },
        ],
        dynamicTitle: true,
      },
    },
    motion: {
      description: 'Emulates prefers-reduced-motion: reduce inside the widgets',
      toolbar: {
        title: 'Motion',
        icon: 'play',
        items: [
          { value: 'auto', title: 'Animations on' },
          { value: 'reduce', title: 'Reduced motion' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { city: 'default', locale: 'ru', scheme: 'light', contrast: 'off', vision: 'off', kids: 'off', motion: 'auto' },
  tags: ['autodocs'],
  decorators: [withVecheContext],
  /**
   * Every story starts from empty widget storage (drafts, queued votes, ratings, pledges), and
   * leaving it removes its widgets at once (drafts flushed, outbox retry timers cleared) rather
   * than when the next story renders: nothing one story leaves or sends in the background lands
   * in the next, which may use the same backend URL and citizen.
   */
  beforeEach: ({ canvasElement }) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('veche:')) localStorage.removeItem(key);
    return () => render(nothing, canvasElement);
  },
  loaders: [
    (context) => {
      shownStoryApi = (context.parameters.storyApi as string | undefined) ?? STORY_API;
      if (shownStoryApi !== STORY_API) ownStoryApis.add(shownStoryApi);
      return mockedBackend(context);
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    docs: {
      // The paste snippet, in the docs page and in each story's Code panel.
      codePanel: true,
      source: { transform: pasteSnippet, language: 'html' },
      // One story per page: stories of a file use different mocked backends, which cannot run
      // side by side in one page; every state has its own story in the sidebar.
      page: () =>
        createElement(
          Fragment,
          null,
          createElement(Title),
          createElement(Subtitle),
          createElement(Description),
          createElement(Primary),
          createElement(Source),
          createElement(ArgTypes),
        ),
    },
    // Violations fail `npm run test:storybook`, which runs axe on every story itself.
    a11y: { test: 'error' },
  },
};

export default preview;
