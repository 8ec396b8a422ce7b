/**
 * The building blocks every widget shares, shown on a story-only element made from core alone
 * (stories/support/core-states.ts). Each state is reached the way a widget reaches it: through
 * its configuration or through the core API client talking to a mocked backend.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { components } from '../src/core/api-schema.js';
import { defineElement } from '../src/core/define.js';
import { VecheStoryCitizen } from './support/core-states.js';
import { STORY_API } from './support/story-api.js';
import { VecheStoryTokens } from './support/token-palette.js';

// Registered here, not in the support modules: package.json `sideEffects` marks every module
// outside the define modules as side-effect free, so a bare `import './x.js'` would be dropped.
defineElement('veche-story-citizen', VecheStoryCitizen);
defineElement('veche-story-tokens', VecheStoryTokens);

type Me = components['schemas']['Me'];

const LOGIN_URL = 'https://portal.example/login?return=/veche';

const citizen: Me = {
  id: 'c-1042',
  displayName: 'Айгуль Хасанова',
  roles: ['citizen'],
  agencyId: null,
  contact: { name: 'Айгуль Хасанова' },
};

const problem = (status: number, title: string, detail: string) =>
  HttpResponse.json(
    { type: `https://veche.dev/problems/${status}`, title, status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

/** Waits until the element in the story has rendered `selector` inside its shadow root. */
async function rendered(canvasElement: HTMLElement, tag: string, selector: string): Promise<Element> {
  return waitFor(
    () => {
      const found = canvasElement.querySelector(tag)?.shadowRoot?.querySelector(selector);
      if (!found) throw new Error(`<${tag}> has not rendered ${selector} yet`);
      return found;
    },
    { timeout: 8000 },
  );
}

const meta: Meta = {
  title: 'Foundations/Core states',
  render: (args) => html`<veche-story-citizen api=${args.api} login-url=${args.loginUrl}></veche-story-citizen>`,
  args: { api: STORY_API, loginUrl: LOGIN_URL },
  argTypes: {
    api: { control: 'text', description: 'Backend base URL (`api` attribute)' },
    loginUrl: { control: 'text', description: "The portal's sign-in page (`login-url` attribute)" },
  },
};
export default meta;

type Story = StoryObj;

/** What a citizen sees when everything works: the backend answered. */
export const Ready: Story = {
  parameters: { msw: { handlers: [http.get(`${STORY_API}/me`, () => HttpResponse.json(citizen))] } },
  play: async ({ canvasElement }) => {
    const status = await rendered(canvasElement, 'veche-story-citizen', 'p.status');
    await expect(status.textContent).toContain(citizen.displayName);
  },
};

/**
 * A widget pasted with a bad `api` value: a polite notice instead of a blank box, and one console
 * error for the webmaster naming the attribute and what it accepts.
 */
export const ConfigurationError: Story = {
  args: { api: 'ftp://files.example/veche' },
  parameters: {
    // The console error is the feature here: the story check requires it instead of failing on it.
    expectedConsoleErrors: ['"api" is "ftp://files.example/veche"'],
  },
  play: async ({ canvasElement }) => {
    await rendered(canvasElement, 'veche-story-citizen', '.status.error');
  },
};

/**
 * The backend says 401: the widget fires the cancelable `veche-auth-required` event and, when the
 * host does not take over, links to the portal's own sign-in page (`login-url`).
 */
export const SignInRequired: Story = {
  parameters: {
    msw: {
      handlers: [http.get(`${STORY_API}/me`, () => problem(401, 'Unauthorized', 'Sign in through the portal.'))],
    },
  },
  play: async ({ canvasElement }) => {
    const link = await rendered(canvasElement, 'veche-story-citizen', 'a[part~="sign-in-link"]');
    await expect(link.getAttribute('href')).toBe(LOGIN_URL);
  },
};

/**
 * The backend fails with a problem document (after the client's own retries): a clear message,
 * a `veche-error` event for the host, an assertive announcement, and a retry button.
 */
export const BackendErrorWithRetry: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get(`${STORY_API}/me`, () => problem(500, 'Internal Server Error', 'The citizen registry is unavailable.')),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await rendered(canvasElement, 'veche-story-citizen', 'button[part~="retry"]');
  },
};

/** Waiting for the backend: a skeleton at the final size, so the page does not shift. */
export const Loading: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get(`${STORY_API}/me`, async () => {
          await delay('infinite');
          return HttpResponse.json(citizen);
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await rendered(canvasElement, 'veche-story-citizen', '[aria-busy="true"] .skeleton');
  },
};

/** The colours of the theme chosen in the toolbar, as a widget receives them. */
export const Tokens: Story = {
  render: () => html`<veche-story-tokens></veche-story-tokens>`,
  play: async ({ canvasElement }) => {
    await rendered(canvasElement, 'veche-story-tokens', '.swatch');
  },
};
