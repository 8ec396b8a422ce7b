/**
 * `<veche-poll>` in every state a designer needs, each reached through the contract's MSW mocks
 * over the demo region (src/mocks) — never a hand-written response. City theme, locale, dark,
 * contrast and motion come from the toolbar.
 *
 * Each poll type (single choice, multiple choice, scale, survey) is shown in every state that
 * looks different for it: open, already voted, just voted, closed, upcoming, signed out, the vote
 * failing and the connection dropping while voting. States that look the same for every type
 * (loading, not found, a failed load, a part that is loading or failed) have one story each.
 * Polls are picked from the demo region by type and state, never by a hand-written id.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { waitFor } from 'storybook/test';
import { problemResponse } from '../src/mocks/http.js';
import { createMockBackend, fixtureIds, MockDb, mockToken, scenarios } from '../src/mocks/index.js';
import '../src/widgets/poll/define.js';
import { VechePoll, type PollParts } from '../src/widgets/poll/veche-poll.js';
import { STORY_API } from './support/story-api.js';

const polls = fixtureIds.polls;
const citizens = fixtureIds.citizens;
const LOGIN_URL = 'https://portal.example/login?return=/veche';

/** The demo backend at `api`, built on its first request: one takes a tenth of a second to build, and this file defines dozens. */
function demoBackend(api: string): RequestHandler {
  let handlers: RequestHandler[] | undefined;
  return http.all(`${api}/*`, ({ request }) => getResponse((handlers ??= createMockBackend({ baseUrl: api }).handlers), request.clone()));
}

/**
 * A demo backend of the story's own, with scenario handlers in front (`front` gets its base URL),
 * so that a vote cast in one story does not change what the next one shows. A story that
 * answers also gets a base URL of its own, `${STORY_API}/<story>`: the poll keys its draft by
 * `api`, and Storybook (like the story check) switches stories within one page, where the element
 * left behind flushes its draft as it goes — an offline vote would otherwise be restored, and
 * sent, by the next story that shows the same poll.
 */
const backend = (front: (api: string) => RequestHandler[] = () => [], story?: string) => {
  const api = story ? `${STORY_API}/${story}` : STORY_API;
  return { storyApi: api, msw: { handlers: [...front(api), demoBackend(api)] } };
};

const votes = (api: string) => `${api}/polls/:id/votes`;
/** The poll loads; only the vote meets a dead connection. */
const offlineVote = (api: string) => [http.post(votes(api), () => HttpResponse.error())];
/** The poll loads; the vote, and every retry of it, gets a 500 problem document. */
const failingVote = (api: string) => [
  http.post(votes(api), ({ request }) => problemResponse(500, 'internal', 'Внутренняя ошибка сервера', { instance: new URL(request.url).pathname })),
];

interface Args {
  poll: string;
  citizen: string | null;
}

const meta: Meta<Args> = {
  title: 'Widgets/Poll',
  component: 'veche-poll',
  render: ({ poll, citizen }, { parameters }) =>
    html`<veche-poll
      api=${(parameters.storyApi as string | undefined) ?? STORY_API}
      poll=${poll}
      login-url=${LOGIN_URL}
      .getToken=${citizen ? () => mockToken(citizen) : undefined}
    ></veche-poll>`,
  args: { poll: polls.openSingle, citizen: citizens.newcomer },
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

/** Waits until the poll is in the custom state `state`, as a page styles it: `veche-poll:state(voted)`. */
async function inState(canvas: HTMLElement, state: string): Promise<void> {
  await waitFor(
    () => {
      if (!canvas.querySelector('veche-poll')?.matches(`:state(${state})`)) throw new Error(`not :state(${state}) yet`);
    },
    { timeout: 8000 },
  );
}

const shows = (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await find(canvasElement, selector);
  };

// ------------------------------------------------------------------ polls by type and state

type PollType = 'single' | 'multiple' | 'scale' | 'survey';
type DemoPoll = MockDb['region']['polls'][number];

/** The demo region as the mocks serve it, to pick a poll of a type in a state. */
const demo = new MockDb();
const typeOf = (p: DemoPoll): PollType => (p.kind === 'survey' ? 'survey' : p.questions[0]!.type);
const status = (p: DemoPoll) => demo.pollStatus(p);
const votedBy = (citizen: string) => (p: DemoPoll) => p.ballots.some((b) => b.citizenId === citizen);

/** The first poll of `type` that passes a test, trying the tests in order. */
function pollOf(type: PollType, what: string, ...tests: Array<(p: DemoPoll) => boolean>): DemoPoll {
  for (const test of tests) {
    const found = demo.region.polls.find((p) => typeOf(p) === type && test(p));
    if (found) return found;
  }
  throw new Error(`poll stories: the demo region has no ${type} poll ${what}`);
}

/** Open, and nobody of the demo citizens but the residents has voted: the polls the docs and tests answer. */
const openPolls: Record<PollType, string> = { single: polls.openSingle, multiple: polls.openMultiple, scale: polls.openScale, survey: polls.survey };
const open = (type: PollType): DemoPoll => demo.poll(openPolls[type])!;

/**
 * Answers a poll as a citizen would: the first option; in a survey, the first option of each
 * required question (the optional ones are skipped) step by step up to the review.
 */
async function answer(canvas: HTMLElement, poll: DemoPoll): Promise<void> {
  const { questions } = poll;
  if (questions.length === 1) return void (await find(canvas, '[part~="option"] input')).click();
  for (const question of questions) {
    // The step's question is on screen once its inputs are (they are named by the question).
    const first = await find(canvas, `fieldset input[name="${question.id}"]`);
    if (question.required) first.click();
    (await find(canvas, '[part~="submit"]')).click();
  }
  await find(canvas, 'form .review');
}

/** Answers and presses the vote (or, in a survey's review, the send) button. */
async function vote(canvas: HTMLElement, poll: DemoPoll): Promise<void> {
  await answer(canvas, poll);
  (await find(canvas, '[part~="submit"]')).click();
}

/** Voted earlier (as anna): the confirmation with the receipt and its check, and her choice marked in the results. */
function alreadyVoted(type: PollType): Story {
  const anna = citizens.active;
  // Open where the demo region has one she voted in; its only scale poll she voted in is closed.
  const poll = pollOf(type, `voted in by ${anna}`, (p) => votedBy(anna)(p) && status(p) === 'open', votedBy(anna));
  return {
    args: { poll: poll.id, citizen: anna },
    play: async ({ canvasElement }) => {
      await inState(canvasElement, 'voted');
      await find(canvasElement, '[part~="confirmation"] [part~="receipt"]');
      await find(canvasElement, demo.resultsVisible(poll, true) ? '[part~="result-mine"]' : 'dl.review');
    },
  };
}

/** Votes in the open poll of `type`: the confirmation, then the results where the policy shows them, else when it will. */
function justVoted(type: PollType): Story {
  const poll = open(type);
  return {
    args: { poll: poll.id },
    parameters: backend(undefined, `just-voted-${type}`),
    play: async ({ canvasElement }) => {
      await vote(canvasElement, poll);
      await inState(canvasElement, 'voted');
      await find(canvasElement, '[part~="confirmation"] [part~="receipt"]');
      await find(canvasElement, demo.resultsVisible(poll, true) ? '[part~="result-mine"]' : '[part~="results-note"]');
    },
  };
}

/** A closed poll of `type` whose policy shows its results: the final results. */
function closed(type: PollType): Story {
  const poll = pollOf(type, 'closed with its results shown', (p) => status(p) === 'closed' && demo.resultsVisible(p, false));
  return {
    args: { poll: poll.id },
    play: async ({ canvasElement }) => {
      await inState(canvasElement, 'closed');
      await find(canvasElement, '[part~="results"]');
    },
  };
}

/** A poll of `type` not open yet: when it opens, and no form. */
function upcoming(type: PollType): Story {
  const poll = pollOf(type, 'upcoming', (p) => status(p) === 'upcoming');
  return {
    args: { poll: poll.id },
    play: async ({ canvasElement }) => {
      await inState(canvasElement, 'upcoming');
      await find(canvasElement, '[part~="status"][role="status"]');
    },
  };
}

/** Nobody signed in votes in the open poll of `type`: `veche-auth-required`, then the call to sign in. */
function signedOut(type: PollType): Story {
  const poll = open(type);
  return {
    args: { poll: poll.id, citizen: null },
    parameters: backend(scenarios.signedOut, `signed-out-${type}`),
    play: async ({ canvasElement }) => {
      await vote(canvasElement, poll);
      await inState(canvasElement, 'signed-out');
      await find(canvasElement, 'form [part~="sign-in"]');
    },
  };
}

/** The vote in the open poll of `type` fails on the server: the error in the form, the answers kept, the button retries. */
function voteFailed(type: PollType): Story {
  const poll = open(type);
  return {
    args: { poll: poll.id },
    parameters: backend(failingVote, `vote-failed-${type}`),
    play: async ({ canvasElement }) => {
      await vote(canvasElement, poll);
      await find(canvasElement, 'form [part~="error"]');
    },
  };
}

/** The connection drops while voting in the open poll of `type`: the offline notice; the answers go out when back online. */
function offline(type: PollType): Story {
  const poll = open(type);
  return {
    args: { poll: poll.id },
    parameters: backend(offlineVote, `offline-${type}`),
    play: async ({ canvasElement }) => {
      await vote(canvasElement, poll);
      await inState(canvasElement, 'offline');
      await find(canvasElement, 'form [part~="offline"]');
    },
  };
}

// ------------------------------------------------------------------ open

/** Single choice with a picture and a description on an option; results after voting. */
export const OpenSingle: Story = { play: shows('input[type=radio]') };
/** Multiple choice, 1 to 2 options: the limit is explained and enforced; live results below. */
export const OpenMultiple: Story = { args: { poll: polls.openMultiple }, play: shows('input[type=checkbox]') };
/** A 1–5 scale: a radio group, arrow keys move the value. */
export const OpenScale: Story = { args: { poll: polls.openScale }, play: shows('.scale') };
/** A five-question survey: progress, required questions, back/next and a review step. */
export const Survey: Story = { args: { poll: polls.survey }, play: shows('#step') };
/** The survey's review step: every answer listed with a button to change it, before sending. */
export const SurveyReview: Story = {
  args: { poll: polls.survey },
  parameters: backend(undefined, 'survey-review'),
  play: async ({ canvasElement }) => answer(canvasElement, open('survey')),
};
/**
 * An answer being changed from the review: the question, with "Back to review" (not "Next") as
 * its primary action, so the questions after it are not walked through again; "Back" still works.
 */
export const SurveyEditFromReview: Story = {
  args: { poll: polls.survey },
  parameters: backend(undefined, 'survey-edit-from-review'),
  play: async ({ canvasElement }) => {
    await answer(canvasElement, open('survey'));
    // The third question's "edit": two questions follow it that the citizen need not see again.
    (await find(canvasElement, '.review div:nth-child(3) button')).click();
    await find(canvasElement, 'fieldset');
  },
};
/** Live results policy: everyone sees the current results, also before voting. */
export const LiveResults: Story = { args: { poll: polls.openLive }, play: shows('[part~="results"]') };
/** Hidden results policy: nobody sees results. */
export const HiddenResults: Story = { args: { poll: polls.openHidden }, play: shows('form ~ [part~="results-note"]') };

// ------------------------------------------------------------------ already voted

/** Already voted, single choice: her answer marked in the results, the receipt and a button to check it. */
export const AlreadyVoted: Story = alreadyVoted('single');
/** Already voted, multiple choice: her choices marked in the live results, the receipt and its check. */
export const AlreadyVotedMultiple: Story = alreadyVoted('multiple');
/** Already voted on a scale (a closed poll: the final results with her value marked), the receipt and its check. */
export const AlreadyVotedScale: Story = alreadyVoted('scale');
/** Already voted in a survey: her answers marked in each question's results, the receipt and its check. */
export const AlreadyVotedSurvey: Story = alreadyVoted('survey');

// ------------------------------------------------------------------ just voted

/** Just voted, single choice: the confirmation, points earned, the receipt, and the results (shown after voting). */
export const VotedWithResults: Story = justVoted('single');
/** Just voted, multiple choice: the confirmation, points and receipt, and the live results with the choices marked. */
export const JustVotedMultiple: Story = justVoted('multiple');
/** Just voted on a scale whose results come after closing: the confirmation, the answer given, and when the results come. */
export const JustVotedScale: Story = justVoted('scale');
/** Just sent a survey, its required questions answered: the confirmation, points and receipt, and the results. */
export const JustVotedSurvey: Story = justVoted('survey');

// ------------------------------------------------------------------ closed

/** Closed single choice with results after closing: the final results. */
export const Closed: Story = closed('single');
/** Closed multiple choice: the final results. */
export const ClosedMultiple: Story = closed('multiple');
/** Closed scale: the final results per value and the average. */
export const ClosedScale: Story = closed('scale');
/** Closed survey: the final results of every question. */
export const ClosedSurvey: Story = closed('survey');
/** Closed with hidden results. */
export const ClosedHidden: Story = { args: { poll: polls.closedHidden }, play: shows('[part~="results-note"]') };

// ------------------------------------------------------------------ upcoming

/** Single choice, not open yet: when it opens. */
export const Upcoming: Story = upcoming('single');
/** Multiple choice, not open yet: when it opens. */
export const UpcomingMultiple: Story = upcoming('multiple');
/** Scale, not open yet: when it opens. */
export const UpcomingScale: Story = upcoming('scale');
/** Survey, not open yet: when it opens. */
export const UpcomingSurvey: Story = upcoming('survey');

// ------------------------------------------------------------------ signed out

/**
 * Signed out: the form works; voting fires `veche-auth-required` and shows the sign-in call to
 * action. Choose an option and vote to see it.
 */
export const SignedOut: Story = signedOut('single');
/** Signed out, multiple choice: voting shows the sign-in call to action, the choices kept. */
export const SignedOutMultiple: Story = signedOut('multiple');
/** Signed out, scale: voting shows the sign-in call to action, the value kept. */
export const SignedOutScale: Story = signedOut('scale');
/** Signed out, survey: the whole survey can be answered; sending it from the review shows the sign-in call to action. */
export const SignedOutSurvey: Story = signedOut('survey');

// ------------------------------------------------------------------ the vote fails

/** The server fails the vote (500): the error in the citizen's words, the choice kept, "vote" becomes "retry". */
export const VoteFailed: Story = voteFailed('single');
/** The server fails a multiple-choice vote: the error, the choices kept, a retry. */
export const VoteFailedMultiple: Story = voteFailed('multiple');
/** The server fails a scale vote: the error, the value kept, a retry. */
export const VoteFailedScale: Story = voteFailed('scale');
/** The server fails a survey sent from its review: the error under the review, the answers kept, a retry. */
export const VoteFailedSurvey: Story = voteFailed('survey');

// ------------------------------------------------------------------ offline

/** The connection dropped while voting: the answers are kept and go out when back online. */
export const Offline: Story = offline('single');
/** Offline while voting, multiple choice: the notice; the choices go out when back online. */
export const OfflineMultiple: Story = offline('multiple');
/** Offline while voting on a scale: the notice; the value goes out when back online. */
export const OfflineScale: Story = offline('scale');
/** Offline while sending a survey: the notice under the review; the answers go out when back online. */
export const OfflineSurvey: Story = offline('survey');

// ------------------------------------------------------------------ the same for every type

/** No poll with this id. */
export const NotFound: Story = { parameters: backend(scenarios.notFound), play: shows('[part~="not-found"]') };
/** Waiting for the backend: a skeleton reserving the poll's height. */
export const Loading: Story = { parameters: backend(scenarios.loading), play: shows('[aria-busy="true"]') };
/** The backend fails: a message and a retry. */
export const BackendError: Story = { parameters: backend(scenarios.serverError), play: shows('[part~="retry"]') };
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
