/**
 * `<veche-complaint-status>` in every state a designer needs, each reached through the contract's
 * MSW mocks over the demo region (src/mocks) — never a hand-written response.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { RequestHandler } from 'msw';
import { waitFor } from 'storybook/test';
import { LazyPart } from '../src/core/lazy-part.js';
import { ApiError } from '../src/core/problem.js';
import { createMockBackend, fixtureIds, mockToken, scenarios, type MockBackend } from '../src/mocks/index.js';
import '../src/widgets/complaint-status/define.js';
import { refusedForNow, STORY_API } from './support/story-api.js';

const complaints = fixtureIds.complaints;
const LOGIN_URL = 'https://portal.example/login?return=/veche';
const DAY = 86_400_000;

/** The demo region's resolved complaint, moved back inside its confirmation period. */
const confirmable = (backend: MockBackend) => {
  const c = backend.db.complaints.find((x) => x.id === complaints.resolved)!;
  const resolved = [...c.history].reverse().find((h) => h.status === 'resolved')!;
  resolved.at = new Date(Date.now() - DAY).toISOString();
  return backend;
};

/** Two small PNGs standing in for the author's photos of what is still wrong. */
const DISPUTE_PHOTOS = [
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFUlEQVR42mOYtuoEHDGgcKKiUuAIAMFuFKE9MverAAAAAElFTkSuQmCC',
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAG0lEQVR42mNwc3OryIsCIiCDAc4CkgxwFhABAP59DUmCpZv7AAAAAElFTkSuQmCC',
];

/** The demo region's disputed complaint, with the photos its author sent with the dispute. */
const disputedWithPhotos = (backend: MockBackend) => {
  const c = backend.db.complaints.find((x) => x.id === complaints.disputed)!;
  const ids = DISPUTE_PHOTOS.map((base64, i) => {
    const id = `m-dispute-${i + 1}`;
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    backend.db.media.set(id, { id, citizenId: c.citizenId, contentType: 'image/png', bytes, createdAt: c.confirmation!.at });
    return id;
  });
  backend.db.complaintMedia.set(c.id, { ...backend.db.complaintMediaOf(c.id), confirmation: ids });
  return backend;
};

const backend = (...front: RequestHandler[]) => ({ msw: { handlers: [...front, ...createMockBackend({ baseUrl: STORY_API }).handlers] } });

interface Args {
  complaint: string;
  mine: boolean;
  citizen: string | null;
}

const meta: Meta<Args> = {
  title: 'Widgets/Complaint status',
  component: 'veche-complaint-status',
  render: ({ complaint, mine, citizen }) =>
    html`<veche-complaint-status
      api=${STORY_API}
      complaint=${complaint}
      ?mine=${mine}
      page-size="3"
      login-url=${LOGIN_URL}
      .getToken=${citizen ? () => mockToken(citizen) : undefined}
    ></veche-complaint-status>`,
  args: { complaint: complaints.submitted, mine: false, citizen: fixtureIds.citizens.active },
  argTypes: {
    complaint: { control: 'text', description: 'Complaint id (`complaint` attribute)' },
    mine: { control: 'boolean', description: 'List the signed-in citizen\'s complaints (`mine`)' },
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
        if (!canvasElement.querySelector('veche-complaint-status')?.shadowRoot?.querySelector(selector)) throw new Error(`no ${selector} yet`);
      },
      { timeout: 8000 },
    );
  };

/** Just filed: routed to the agency, days left until the answer is due. */
export const Submitted: Story = { play: shows('[part~="countdown"]') };
/** In progress and past its deadline: the overdue countdown. */
export const Overdue: Story = { args: { complaint: complaints.inProgress, citizen: fixtureIds.citizens.some }, play: shows('.countdown.overdue') };
/** Resolved by the agency, waiting for the author: confirm the fix or dispute it (comment, photo). */
export const WaitingForConfirmation: Story = {
  args: { complaint: complaints.resolved, citizen: fixtureIds.citizens.author },
  parameters: { msw: { handlers: confirmable(createMockBackend({ baseUrl: STORY_API })).handlers } },
  play: shows('[part~="confirm"]'),
};
/** Waiting to be sent (the backend refuses for now; offline looks the same): the author's answer waits in the outbox, with a button to send it now, and goes out by itself later. */
export const ConfirmationQueued: Story = {
  args: { complaint: complaints.resolved, citizen: fixtureIds.citizens.author },
  parameters: {
    msw: { handlers: [refusedForNow(`${STORY_API}/complaints/:id/confirmation`), ...confirmable(createMockBackend({ baseUrl: STORY_API })).handlers] },
  },
  play: async (context) => {
    await shows('[part~="confirm"] [part~="submit"]')!(context);
    context.canvasElement.querySelector('veche-complaint-status')!.shadowRoot!.querySelector<HTMLElement>('[part~="confirm"] [part~="submit"]')!.click();
    await shows('[part~="queued"]')!(context);
  },
};
/** Resolved, but the confirmation period is over. */
export const ConfirmationExpired: Story = { args: { complaint: complaints.resolved, citizen: fixtureIds.citizens.author }, play: shows('[part~="answer"]') };
/** Disputed by the author: back with the agency, with the author's comment and photos on the dispute in the timeline. */
export const Disputed: Story = {
  args: { complaint: complaints.disputed, citizen: fixtureIds.citizens.some },
  parameters: { msw: { handlers: disputedWithPhotos(createMockBackend({ baseUrl: STORY_API })).handlers } },
  play: shows('[part~="timeline"] li.disputed img'),
};
/** Closed after the author confirmed: the agency rating form is offered (loaded on demand). */
export const ClosedRateAgency: Story = { args: { complaint: complaints.closed }, play: shows('veche-agency-rating') };
/** Rejected by the agency, with its reason in the timeline. */
export const Rejected: Story = { args: { complaint: complaints.rejected, citizen: fixtureIds.citizens.author }, play: shows('[part~="timeline"]') };
/** Seen by someone who is not the author: no confirmation controls. */
export const SomeoneElses: Story = { args: { complaint: complaints.closed, citizen: fixtureIds.citizens.newcomer }, play: shows('[part~="timeline"]') };
/** My complaints, three at a time with "show more". */
export const Mine: Story = { args: { complaint: '', mine: true }, play: shows('[part~="more"]') };
/** My complaints: none yet. */
export const MineEmpty: Story = { args: { complaint: '', mine: true, citizen: fixtureIds.citizens.newcomer }, play: shows('[part~="empty"]') };
/** My complaints while signed out: the sign-in call to action. */
export const MineSignedOut: Story = {
  args: { complaint: '', mine: true, citizen: null },
  parameters: backend(...scenarios.signedOut(STORY_API)),
  play: shows('[part~="sign-in"]'),
};
/** No complaint with this id. */
export const NotFound: Story = { args: { complaint: 'c9999' }, play: shows('[part~="not-found"]') };
/** Waiting for the backend: a skeleton reserving space. */
export const Loading: Story = { parameters: backend(...scenarios.loading(STORY_API)), play: shows('[aria-busy="true"]') };
/** The backend fails: a message and a retry. */
export const BackendError: Story = { parameters: backend(...scenarios.serverError(STORY_API)), play: shows('[part~="retry"]') };

/**
 * The status view with one of its lazily loaded parts still loading, or failed to load.
 *
 * The tests reach these states by cutting the part's module off with MSW; a story cannot:
 * Storybook shows every story on one page (so does the story check), and a module that loaded
 * once in an earlier story is never requested again. So the story puts the element's part in
 * the state core's `LazyPart` is in while the import is under way, or after it failed; the
 * retry is the widget's own.
 */
function withPart(part: 'cardPart' | 'confirmationPart', state: 'loading' | 'failed'): Story['render'] {
  return ({ complaint, citizen }) => {
    const el = document.createElement('veche-complaint-status');
    el.setAttribute('api', STORY_API);
    el.setAttribute('complaint', complaint);
    el.setAttribute('login-url', LOGIN_URL);
    if (citizen) el.getToken = () => mockToken(citizen);
    const parts = el as unknown as Record<typeof part, LazyPart<unknown>>;
    if (state === 'loading') parts[part] = new LazyPart(el, () => new Promise<never>(() => {}));
    else parts[part].error = new ApiError('network', 'could not load a part of the widget: TypeError: Failed to fetch dynamically imported module');
    return html`${el}`;
  };
}

/** The complaint has arrived but the card that shows it is still on the way: the skeleton keeps its space. */
export const CardLoading: Story = { render: withPart('cardPart', 'loading'), play: shows('[aria-busy="true"]') };
/**
 * Waiting for confirmation, but the confirm / dispute panel could not be loaded (offline): the
 * complaint is shown, and in the panel's place the standard error with a retry that loads it again.
 */
export const ConfirmationFailedToLoad: Story = {
  args: { complaint: complaints.resolved, citizen: fixtureIds.citizens.author },
  parameters: { msw: { handlers: confirmable(createMockBackend({ baseUrl: STORY_API })).handlers } },
  render: withPart('confirmationPart', 'failed'),
  play: shows('[part~="error"] [part~="retry"]'),
};
