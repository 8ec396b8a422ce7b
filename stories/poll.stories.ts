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
import { STORY_API } from './support/story-api.js';

const polls = fixtureIds.polls;
const LOGIN_URL = 'https://portal.example/login?return=/veche';

/** Option pictures of the demo region, drawn as a neutral placeholder so no story hits the network. */
const pictures = http.get('https://img.zarechye.example/*', () =>
  new HttpResponse('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#c9d6e8"/></svg>', {
    headers: { 'Content-Type': 'image/svg+xml' },
  }),
);

/** A fresh demo backend for the story, with scenario handlers in front. */
const backend = (...front: RequestHandler[]) => ({
  msw: { handlers: [...front, pictures, ...createMockBackend({ baseUrl: STORY_API }).handlers] },
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

const shows = (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await waitFor(
      () => {
        if (!canvasElement.querySelector('veche-poll')?.shadowRoot?.querySelector(selector)) throw new Error(`no ${selector} yet`);
      },
      { timeout: 8000 },
    );
  };

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
export const SignedOut: Story = { args: { citizen: null }, parameters: backend(...scenarios.signedOut(STORY_API)), play: shows('form') };
/** Two polls pasted on one page work independently. */
export const TwoOnOnePage: Story = {
  render: ({ citizen }) => html`<div class="veche-story-stack">
    <veche-poll api=${STORY_API} poll=${polls.openSingle} .getToken=${() => mockToken(citizen ?? 'olga')}></veche-poll>
    <veche-poll api=${STORY_API} poll=${polls.survey} .getToken=${() => mockToken(citizen ?? 'olga')}></veche-poll>
  </div>`,
  play: shows('form'),
};
