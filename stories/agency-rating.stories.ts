/**
 * `<veche-agency-rating>` in every state a designer needs, each reached through the contract's
 * MSW mocks over the demo region (src/mocks) — never a hand-written response.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, type RequestHandler } from 'msw';
import { waitFor } from 'storybook/test';
import { createMockBackend, fixtureIds, mockToken, scenarios } from '../src/mocks/index.js';
import { problemResponse } from '../src/mocks/http.js';
import '../src/widgets/agency-rating/define.js';
import { VecheAgencyRating, type AgencyRatingParts } from '../src/widgets/agency-rating/veche-agency-rating.js';
import { refusedForNow, STORY_API } from './support/story-api.js';

const agencies = fixtureIds.agencies;
const LOGIN_URL = 'https://portal.example/login?return=/veche';
const backend = (...front: RequestHandler[]) => ({ msw: { handlers: [...front, ...createMockBackend({ baseUrl: STORY_API }).handlers] } });

interface Args {
  agency: string;
  complaint: string;
  citizen: string | null;
}

const meta: Meta<Args> = {
  title: 'Widgets/Agency rating',
  component: 'veche-agency-rating',
  render: ({ agency, complaint, citizen }) =>
    html`<veche-agency-rating
      api=${STORY_API}
      agency=${agency}
      complaint=${complaint}
      login-url=${LOGIN_URL}
      .getToken=${citizen ? () => mockToken(citizen) : undefined}
    ></veche-agency-rating>`,
  args: { agency: agencies.roads, complaint: '', citizen: fixtureIds.citizens.active },
  argTypes: {
    agency: { control: 'text', description: 'Agency id (`agency` attribute); empty for the ranking' },
    complaint: { control: 'text', description: 'A closed complaint to rate for (`complaint` attribute)' },
    citizen: { control: 'text', description: 'Demo citizen signed in through `getToken` (empty: none)' },
  },
  parameters: backend(),
};
export default meta;

type Story = StoryObj<Args>;

const inRoot = (canvas: HTMLElement, selector: string) => canvas.querySelector('veche-agency-rating')?.shadowRoot?.querySelector<HTMLElement>(selector);
const shows = (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await waitFor(() => {
      if (!inRoot(canvasElement, selector)) throw new Error(`no ${selector} yet`);
    }, { timeout: 8000 });
  };
/** Picks four stars and sends: shows the form's answer. */
const rate = (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await shows('input[name="stars"]')!({ canvasElement } as never);
    inRoot(canvasElement, 'input[name="stars"][value="4"]')!.click();
    inRoot(canvasElement, '[part~="submit"]')!.click();
    await shows(selector)!({ canvasElement } as never);
  };

/** The form offered: anna has a closed, unrated complaint this agency handled. The agency has no ratings yet. */
export const EligibleNoRatings: Story = { play: shows('input[name="stars"]') };
/** Preselected complaint (`complaint="…"`), as `<veche-complaint-status>` offers it after a confirmed fix. */
export const Preselected: Story = { args: { complaint: fixtureIds.complaints.own.annaClosed }, play: shows('input[name="stars"]') };
/** An agency with many ratings: distribution, reviews. */
export const ManyRatings: Story = { args: { agency: agencies.housing, citizen: fixtureIds.citizens.newcomer }, play: shows('[part~="distribution"]') };
/** Signed out: the record, and a sign-in call to action instead of the form. */
export const SignedOut: Story = { args: { citizen: null }, play: shows('[part~="sign-in"]') };
/** No closed complaint with this agency: why the form is not offered. */
export const NoEligibleCase: Story = { args: { agency: agencies.housing }, play: shows('[part~="not-eligible"]') };
/** Every closed complaint with this agency is rated already. */
export const AllRated: Story = { args: { agency: 'education' }, play: shows('[part~="not-eligible"]') };
/** Sent: thanks and points. */
export const Sent: Story = { play: rate('[part~="sent"]') };
/** Refused by the server (409 already-rated, e.g. rated from another tab meanwhile). */
export const Refused: Story = {
  parameters: backend(http.post(`${STORY_API}/agencies/:id/ratings`, ({ request }) => problemResponse(409, 'already-rated', 'Вы уже оценили работу по этому обращению', { instance: new URL(request.url).pathname }))),
  play: rate('[part~="refused"]'),
};
/** The server refuses the comment (422 naming /comment): its message next to the comment box, which is marked invalid and takes focus. */
export const RefusedAtField: Story = {
  parameters: backend(
    http.post(`${STORY_API}/agencies/:id/ratings`, ({ request }) =>
      problemResponse(422, 'validation', 'Проверьте отзыв', { instance: new URL(request.url).pathname, extra: { errors: [{ pointer: '/comment', detail: 'Уберите из отзыва ссылки', code: 'pattern' }] } }),
    ),
  ),
  play: rate('textarea[aria-invalid="true"]'),
};
/** Waiting to be sent (the backend refuses for now; offline looks the same): the rating waits in the outbox, with a button to send it now, and goes out by itself later. */
export const Queued: Story = {
  parameters: backend(refusedForNow(`${STORY_API}/agencies/:id/ratings`)),
  play: rate('[part~="queued"]'),
};
/** The ranking of agencies: a sortable table that reflows into cards on phones. */
export const Ranking: Story = { args: { agency: '' }, play: shows('table') };
/** No agency with this id. */
export const NotFound: Story = { args: { agency: 'nowhere' }, play: shows('[part~="not-found"]') };
/** Waiting for the backend. */
export const Loading: Story = { parameters: backend(...scenarios.loading(STORY_API)), play: shows('[aria-busy="true"]') };
/** The backend fails: a message and a retry. */
export const BackendError: Story = { parameters: backend(...scenarios.serverError(STORY_API)), play: shows('[part~="retry"]') };

/** An agency rating whose part `which` (by default the form) loads as `load` says: slow or failed, as on a bad connection. */
function withPart(tag: string, load: () => Promise<never>, which: keyof AgencyRatingParts = 'form'): string {
  if (!customElements.get(tag)) {
    customElements.define(
      tag,
      class extends VecheAgencyRating {
        protected override importPart<K extends keyof AgencyRatingParts>(name: K): Promise<AgencyRatingParts[K]> {
          return name === which ? load() : super.importPart(name);
        }
      },
    );
  }
  return tag;
}

/** Waits until the citizen can rate (the form's code is what is missing) and the element shows `selector`. */
const inTag = (canvas: HTMLElement, tag: string, selector: string) =>
  waitFor(
    () => {
      const el = canvas.querySelector(tag);
      if (!el?.matches(':state(eligible)') || !el.shadowRoot?.querySelector(selector)) throw new Error(`no ${selector} yet`);
    },
    { timeout: 8000 },
  );

/** The citizen can rate and the form's code is on its way (a slow connection): the record, and the form's place says so. */
export const FormLoading: Story = {
  // A backend of its own: the shared one may have had this rating sent by another story.
  parameters: backend(),
  render: ({ agency, citizen }) => {
    withPart('veche-agency-rating-form-loading', () => new Promise<never>(() => {}));
    return html`<veche-agency-rating-form-loading api=${STORY_API} agency=${agency} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-agency-rating-form-loading>`;
  },
  play: async ({ canvasElement }) => inTag(canvasElement, 'veche-agency-rating-form-loading', '[part~="form"] [aria-busy="true"]'),
};
/** The form's code could not be loaded (the connection dropped): the standard error with a retry in its place. */
export const FormFailed: Story = {
  parameters: backend(),
  render: ({ agency, citizen }) => {
    withPart('veche-agency-rating-form-failed', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    return html`<veche-agency-rating-form-failed api=${STORY_API} agency=${agency} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-agency-rating-form-failed>`;
  },
  play: async ({ canvasElement }) => inTag(canvasElement, 'veche-agency-rating-form-failed', '[part~="form"] [part~="retry"]'),
};
/** The agency view's code could not be loaded (the connection dropped): the standard error with a retry, in the widget's reserved space. */
export const ViewFailed: Story = {
  render: ({ agency, citizen }) => {
    withPart('veche-agency-rating-view-failed', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), 'agency');
    return html`<veche-agency-rating-view-failed api=${STORY_API} agency=${agency} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-agency-rating-view-failed>`;
  },
  play: async ({ canvasElement }) =>
    waitFor(
      () => {
        if (!canvasElement.querySelector('veche-agency-rating-view-failed')?.shadowRoot?.querySelector('[part~="retry"]')) throw new Error('no retry yet');
      },
      { timeout: 8000 },
    ),
};
