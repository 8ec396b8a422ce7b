/**
 * `<veche-poll>` in every state a designer needs, each reached through the contract's MSW mocks
 * over the demo region (src/mocks) — never a hand-written response. City theme, locale, dark,
 * contrast and motion come from the toolbar.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { waitFor } from 'storybook/test';
import { createMockBackend, fixtureIds, mockToken, scenarios } from '../src/mocks/index.js';
import '../src/widgets/poll/define.js';
import { VechePoll, type PollParts } from '../src/widgets/poll/veche-poll.js';
import { STORY_API } from './support/story-api.js';

const polls = fixtureIds.polls;
const LOGIN_URL = 'https://portal.example/login?return=/veche';

/**
 * A fresh demo backend with scenario handlers in front. Stories that vote get their own, so
 * that a vote cast in one story does not change what the next one shows.
 */
const backend = (...front: RequestHandler[]) => ({
  msw: { handlers: [...front, ...createMockBackend({ baseUrl: STORY_API }).handlers] },
});

interface Args {
  poll: string;
  citizen: string | null;
}

const meta: Meta<Args> = {
  title: 'Widgets/Poll',
  component: 'veche-poll',
  render: ({ poll, citizen }) =>
    html`<veche-poll
      api=${STORY_API}
      poll=${poll}
      login-url=${LOGIN_URL}
      .getToken=${citizen ? () => mockToken(citizen) : undefined}
    ></veche-poll>`,
  args: { poll: polls.openSingle, citizen: fixtureIds.citizens.newcomer },
  argTypes: {
    poll: { control: 'text', description: 'Poll id (`poll` attribute)' },
    citizen: { control: 'text', description: 'Demo citizen signed in through `getToken` (empty: none)' },
  },
  parameters: backend(),
};
export default meta;

type Story = StoryObj<Args>;

/** Waits until the (first) poll's shadow root shows `selector`, and returns that element. */
async function find(canvas: HTMLElement, selector: string, tag = 'veche-poll'): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(selector);
      if (!found) throw new Error(`no ${selector} yet`);
      return found;
    },
    { timeout: 8000 },
  );
}

const shows = (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await find(canvasElement, selector);
  };

/** Chooses the first option and presses the vote button, as a citizen would. */
async function vote(canvas: HTMLElement): Promise<void> {
  (await find(canvas, '[part~="option"] input')).click();
  (await find(canvas, '[part~="submit"]')).click();
}

/** Single choice with a picture and a description on an option; results after voting. */
export const OpenSingle: Story = { play: shows('input[type=radio]') };
/** Multiple choice, 1 to 2 options: the limit is explained and enforced; live results below. */
export const OpenMultiple: Story = { args: { poll: polls.openMultiple }, play: shows('input[type=checkbox]') };
/** A 1–5 scale: a radio group, arrow keys move the value. */
export const OpenScale: Story = { args: { poll: polls.openScale }, play: shows('.scale') };
/** A five-question survey: progress, required questions, back/next and a review step. */
export const Survey: Story = { args: { poll: polls.survey }, play: shows('#step') };
/** Live results policy: everyone sees the current results, also before voting. */
export const LiveResults: Story = { args: { poll: polls.openLive }, play: shows('[part~="results"]') };
/** Hidden results policy: nobody sees results. */
export const HiddenResults: Story = { args: { poll: polls.openHidden }, play: shows('form') };
/** Already voted: my answers or results, the receipt and a button to check it. */
export const AlreadyVoted: Story = {
  args: { poll: polls.alreadyVotedBy.anna, citizen: fixtureIds.citizens.active },
  play: shows('[part~="receipt"]'),
};
/** Just voted: the confirmation, points earned, the receipt, and results the policy allows. */
export const VotedWithResults: Story = {
  parameters: backend(),
  play: async ({ canvasElement }) => {
    await vote(canvasElement);
    await find(canvasElement, '[part~="confirmation"]');
    await find(canvasElement, '[part~="results"]');
  },
};
/** The connection dropped while voting: the answers are kept and go out when back online. */
export const Offline: Story = {
  parameters: {
    // The poll loaded; only the vote meets a dead connection.
    ...backend(http.post(`${STORY_API}/polls/:id/votes`, () => HttpResponse.error())),
    expectedConsoleErrors: ['Failed to load resource'],
  },
  play: async ({ canvasElement }) => {
    await vote(canvasElement);
    await find(canvasElement, '[part~="offline"], [part~="error"]');
  },
};
/** The survey's review step: every answer listed with a link to change it, before sending. */
export const SurveyReview: Story = {
  args: { poll: polls.survey },
  parameters: backend(),
  play: async ({ canvasElement }) => {
    for (let step = 0; step < 5; step++) {
      const input = await find(canvasElement, 'fieldset input');
      input.click();
      (await find(canvasElement, '[part~="submit"]')).click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await find(canvasElement, '.review, [part~="review"]');
  },
};
/** Closed with results after closing: the final results. */
export const Closed: Story = { args: { poll: polls.closed }, play: shows('[part~="results"]') };
/** Closed with hidden results. */
export const ClosedHidden: Story = { args: { poll: polls.closedHidden }, play: shows('[part~="results-note"]') };
/** Not open yet: when it opens. */
export const Upcoming: Story = { args: { poll: polls.upcoming }, play: shows('[part~="status"]') };
/** No poll with this id. */
export const NotFound: Story = { parameters: backend(...scenarios.notFound(STORY_API)), play: shows('[part~="not-found"]') };
/** Waiting for the backend: a skeleton reserving the poll's height. */
export const Loading: Story = { parameters: backend(...scenarios.loading(STORY_API)), play: shows('[aria-busy="true"]') };
/** The backend fails: a message and a retry. */
export const BackendError: Story = { parameters: backend(...scenarios.serverError(STORY_API)), play: shows('[part~="retry"]') };
/**
 * Signed out: the form works; voting fires `veche-auth-required` and shows the sign-in call to
 * action. Choose an option and vote to see it.
 */
export const SignedOut: Story = {
  args: { citizen: null },
  parameters: backend(...scenarios.signedOut(STORY_API)),
  play: async ({ canvasElement }) => {
    await vote(canvasElement);
    await find(canvasElement, '[part~="sign-in"]');
  },
};
/** Two polls pasted on one page work independently. */
export const TwoOnOnePage: Story = {
  render: ({ citizen }) => html`<div class="veche-story-stack">
    <veche-poll api=${STORY_API} poll=${polls.openSingle} .getToken=${() => mockToken(citizen ?? 'olga')}></veche-poll>
    <veche-poll api=${STORY_API} poll=${polls.survey} .getToken=${() => mockToken(citizen ?? 'olga')}></veche-poll>
  </div>`,
  play: shows('form'),
};

/**
 * A poll whose lazily loaded parts (`names`: the view, the review, the results) never arrive or
 * fail; the others load as usual. The page's module cache would otherwise hand a part over at
 * once after the first story that used it.
 */
function withParts(tag: string, names: Array<keyof PollParts>, load: () => Promise<never>): string {
  if (!customElements.get(tag)) {
    customElements.define(
      tag,
      class extends VechePoll {
        protected override importPart<K extends keyof PollParts>(name: K): Promise<PollParts[K]> {
          return names.includes(name) ? load() : super.importPart(name);
        }
      },
    );
  }
  return tag;
}

const never = () => new Promise<never>(() => {});
const failed = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

/**
 * A poll whose code is on its way (a slow connection): the view, which shows every state, and
 * the results. The poll waits in its skeleton, which keeps its place, rather than showing a hole
 * that grows when the code arrives.
 */
export const PartLoading: Story = {
  args: { poll: polls.closed },
  render: ({ poll }) => {
    withParts('veche-poll-part-loading', ['view', 'results'], never);
    return html`<veche-poll-part-loading api=${STORY_API} poll=${poll}></veche-poll-part-loading>`;
  },
  play: async ({ canvasElement }) => {
    await find(canvasElement, '[part~="base"][aria-busy="true"]', 'veche-poll-part-loading');
  },
};
/** The results could not be loaded (the connection dropped): the standard error with a retry, in the poll. */
export const PartFailed: Story = {
  args: { poll: polls.closed },
  render: ({ poll }) => {
    withParts('veche-poll-part-failed', ['results'], failed);
    return html`<veche-poll-part-failed api=${STORY_API} poll=${poll}></veche-poll-part-failed>`;
  },
  play: async ({ canvasElement }) => {
    await find(canvasElement, '[part~="retry"]', 'veche-poll-part-failed');
  },
};
/** The poll's view could not be loaded: the standard error with a retry in the poll's place. */
export const ViewFailed: Story = {
  render: ({ poll }) => {
    withParts('veche-poll-view-failed', ['view'], failed);
    return html`<veche-poll-view-failed api=${STORY_API} poll=${poll}></veche-poll-view-failed>`;
  },
  play: async ({ canvasElement }) => {
    await find(canvasElement, '[part~="retry"]', 'veche-poll-view-failed');
  },
};
