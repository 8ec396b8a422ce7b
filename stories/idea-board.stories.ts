/**
 * `<veche-idea-board>` in every state the issue names, each reached through the contract's MSW
 * mocks over the demo region (src/mocks) — never a hand-written response. City theme, locale,
 * dark, contrast and motion come from the toolbar.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { waitFor } from 'storybook/test';
import type { Locale } from '../src/core/config.js';
import { selectMessage, type Message, type Params } from '../src/core/localize.js';
import enCore from '../src/locales/en/core.js';
import enActions from '../src/locales/en/idea-board-actions.js';
import enBoard from '../src/locales/en/idea-board.js';
import ruCore from '../src/locales/ru/core.js';
import ruActions from '../src/locales/ru/idea-board-actions.js';
import ruBoard from '../src/locales/ru/idea-board.js';
import ttCore from '../src/locales/tt/core.js';
import ttActions from '../src/locales/tt/idea-board-actions.js';
import ttBoard from '../src/locales/tt/idea-board.js';
import enKidsCore from '../src/locales/en/kids/core.js';
import enKidsActions from '../src/locales/en/kids/idea-board-actions.js';
import enKidsBoard from '../src/locales/en/kids/idea-board.js';
import ruKidsCore from '../src/locales/ru/kids/core.js';
import ruKidsActions from '../src/locales/ru/kids/idea-board-actions.js';
import ruKidsBoard from '../src/locales/ru/kids/idea-board.js';
import ttKidsCore from '../src/locales/tt/kids/core.js';
import ttKidsActions from '../src/locales/tt/kids/idea-board-actions.js';
import ttKidsBoard from '../src/locales/tt/kids/idea-board.js';
import { problemResponse } from '../src/mocks/http.js';
import { createMockBackend, fixtureIds, mockToken, scenarios } from '../src/mocks/index.js';
import '../src/widgets/idea-board/define.js';
import { STATUS_KEY } from '../src/widgets/idea-board/parts.js';
import { VecheIdeaBoard, type IdeaBoardParts } from '../src/widgets/idea-board/veche-idea-board.js';
import { refusedForNow, STORY_API } from './support/story-api.js';

const citizens = fixtureIds.citizens;
const LOGIN_URL = 'https://portal.example/login?return=/veche';
const PAYMENT_URL = 'https://portal.example/pay?service=veche';

/** Idea pictures of the demo region, drawn as a neutral placeholder so no story hits the network. */
const pictures = http.get('https://img.zarechye.example/*', () =>
  new HttpResponse('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3" fill="#c9d6e8"/></svg>', {
    headers: { 'Content-Type': 'image/svg+xml' },
  }),
);

const backend = (...front: RequestHandler[]) => ({
  msw: { handlers: [...front, pictures, ...createMockBackend({ baseUrl: STORY_API }).handlers] },
});

type MockDb = ReturnType<typeof createMockBackend>['db'];
type MockIdea = MockDb['ideas'][number];
/**
 * A story's own backend and the idea it opens, picked by what the story needs from the very
 * database that answers it: in the browser the generated region does not always match
 * fixtureIds.ideas (reported with issue 6), nor another backend's region.
 */
const withIdea = (test: (idea: MockIdea) => boolean, ...front: RequestHandler[]) => {
  const mock = createMockBackend({ baseUrl: STORY_API });
  const data = mock.db.ideas.find(test)!;
  return { idea: data.id, data, db: mock.db, parameters: { msw: { handlers: [...front, pictures, ...mock.handlers] } } };
};
const crowdfunded = (i: MockIdea) => i.status === 'published' && !!i.funding;
const published = (i: MockIdea) => i.status === 'published' && !i.funding;

/** The second page of the list never arrives: "loading more" stays on screen. */
const secondPageHangs = http.get(`${STORY_API}/ideas`, async ({ request }) => {
  if (new URL(request.url).searchParams.get('cursor')) await delay('infinite');
});

interface Args {
  citizen: string | null;
  idea?: string;
  category?: string;
  status?: string;
  sort?: string;
  q?: string;
  paymentUrl?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Idea board',
  component: 'veche-idea-board',
  render: (a) =>
    html`<veche-idea-board
      api=${STORY_API}
      login-url=${LOGIN_URL}
      idea=${ifDefined(a.idea)}
      category=${ifDefined(a.category)}
      status=${ifDefined(a.status)}
      sort=${ifDefined(a.sort)}
      q=${ifDefined(a.q)}
      payment-url=${ifDefined(a.paymentUrl)}
      .getToken=${a.citizen ? () => mockToken(a.citizen!) : undefined}
    ></veche-idea-board>`,
  args: { citizen: citizens.newcomer },
  argTypes: {
    citizen: { control: 'text', description: 'Demo citizen signed in through `getToken` (empty: none)' },
    idea: { control: 'text', description: 'Opens this idea (`idea` attribute)' },
    category: { control: 'text', description: 'Category filter, e.g. `transport`' },
    status: { control: 'select', options: [undefined, 'moderation', 'published', 'review', 'accepted', 'implemented', 'rejected'] },
    sort: { control: 'select', options: [undefined, 'popular', 'newest', 'trending', 'threshold'] },
    q: { control: 'text', description: 'Search text' },
    paymentUrl: { control: 'text', description: 'The host payment page (`payment-url`)' },
  },
  parameters: backend(),
};
export default meta;

type Story = StoryObj<Args>;

const root = (canvas: HTMLElement) => canvas.querySelector('veche-idea-board')?.shadowRoot;
/** Long enough for a lazily loaded part (idea page, pledge, submit form) and its data on a busy machine. */
const TIMEOUT = 8000;
const shows = (selector: string, then?: (shadow: ShadowRoot) => void | Promise<void>): Story['play'] =>
  async ({ canvasElement }) => {
    await waitFor(
      () => {
        if (!root(canvasElement)?.querySelector(selector)) throw new Error(`no ${selector} yet`);
      },
      { timeout: TIMEOUT },
    );
    await then?.(root(canvasElement)!);
  };
/**
 * The words the board shows for `key` in the language and wording it renders now: the toolbar
 * may switch a story to English or Tatar, or to kids mode (the kids layer over the locale), so a
 * play expects the dictionary's text, not the Russian one.
 */
const TEXTS: Record<Locale, Record<string, Message>> = {
  ru: { ...ruCore, ...ruBoard, ...ruActions },
  en: { ...enCore, ...enBoard, ...enActions },
  tt: { ...ttCore, ...ttBoard, ...ttActions },
};
const KIDS_TEXTS: Record<Locale, Record<string, Message | undefined>> = {
  ru: { ...ruKidsCore, ...ruKidsBoard, ...ruKidsActions },
  en: { ...enKidsCore, ...enKidsBoard, ...enKidsActions },
  tt: { ...ttKidsCore, ...ttKidsBoard, ...ttKidsActions },
};
const says = (shadow: ShadowRoot, key: string, params?: Params): string => {
  const locale = (shadow.querySelector('[part~="base"]')?.getAttribute('lang') ?? 'ru') as Locale;
  const kids = shadow.host.closest('[data-veche-theme~="kids"]') ? KIDS_TEXTS[locale][key] : undefined;
  return selectMessage(locale, kids ?? TEXTS[locale][key]!, params);
};
const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Waits until `check` passes (it throws what is still wrong). */
const until = (check: () => void) => waitFor(check, { timeout: TIMEOUT });
const expectText = (actual: string, expected: string, what: string) => {
  if (actual !== expected) throw new Error(`${what}: "${actual}", expected "${expected}"`);
};
const expectContains = (actual: string, expected: string, what: string) => {
  if (!actual.includes(expected)) throw new Error(`${what}: "${actual}" does not contain "${expected}"`);
};

/** A card of the virtualized list (inside `.scroller`), not one of the loading skeleton's `.card`s. */
const CARD = '.scroller [part~="card"]';

/** The whole board: search, filters, sort and a windowed list that loads more as it scrolls. */
export const Board: Story = { play: shows(CARD) };
/** Pasted pre-filtered: `category="transport" status="implemented" sort="newest"`. */
export const PreFiltered: Story = { args: { category: 'transport', status: 'implemented', sort: 'newest' }, play: shows(CARD) };
/** Sorted by closeness to the support threshold. */
export const ClosestToThreshold: Story = { args: { sort: 'threshold' }, play: shows(CARD) };
/** No ideas at all: an invitation to propose the first. */
export const EmptyBoard: Story = { parameters: backend(...scenarios.empty(STORY_API)), play: shows('[part~="empty"]') };
/** A search without results, with a way to reset the filters. */
export const NoResults: Story = {
  args: { q: 'нет-такой-идеи' },
  play: shows('[part~="empty"] .button', (shadow) =>
    until(() => {
      const empty = shadow.querySelector('[part~="empty"]');
      expectText(words(empty?.querySelector('.status-title')), says(shadow, 'noResults'), 'the empty list says');
      expectText(words(empty?.querySelector('.button')), says(shadow, 'resetFilters'), 'its button');
    }),
  ),
};
/** The first page is loading: skeleton cards reserve the space. */
export const Loading: Story = { parameters: backend(...scenarios.loading(STORY_API)), play: shows('[aria-busy="true"]') };
/** Scrolled to the end of the first page while the next one is on its way. */
export const LoadingMore: Story = {
  parameters: backend(secondPageHangs),
  play: shows(CARD, async (shadow) => {
    await waitFor(
      () => {
        const scroller = shadow.querySelector<HTMLElement>('.scroller');
        if (scroller) scroller.scrollTop = scroller.scrollHeight;
        shadow.querySelector<HTMLButtonElement>('.row-status .button')?.click();
        if (!shadow.querySelector('[part~="loading-more"]')) throw new Error('not loading more yet');
      },
      { timeout: TIMEOUT },
    );
  }),
};
/**
 * Every idea of a short list loaded: "that's all". Rejected ideas of one category: the category
 * is taken from the story's own backend (the fixtures are built relative to today), one with an
 * idea rejected after it was published, which is what anyone may list.
 */
const publiclyRejected = (i: MockIdea) => i.status === 'rejected' && i.timeline.some((e) => e.status === 'published');
const shortList = withIdea(publiclyRejected);
export const EndOfList: Story = {
  args: { category: shortList.data.categoryId, status: 'rejected', citizen: citizens.author },
  parameters: shortList.parameters,
  play: shows('[part~="end"]'),
};
/** The backend fails: a message and a retry. */
export const BackendError: Story = { parameters: backend(...scenarios.serverError(STORY_API)), play: shows('[part~="retry"]') };
/** "My ideas": the citizen's own ideas in every status, those still in moderation included. */
export const MyIdeas: Story = {
  args: { citizen: citizens.author },
  play: shows('.tabs .button', async (shadow) => {
    shadow.querySelectorAll<HTMLButtonElement>('.tabs .button')[1]!.click();
    await until(() => {
      if (!(shadow.host as VecheIdeaBoard).matches(':state(mine)') || !shadow.querySelector(CARD)) throw new Error('no own ideas yet');
    });
  }),
};

/**
 * An idea's page in `status`, from the story's own backend, as `citizen` sees it: the play waits
 * for that idea's title and its status badge (and what else the status shows), so a story can
 * never pass on a "not found" page or on another idea.
 */
function ideaIn(
  status: MockIdea['status'],
  citizen: string,
  then?: (shadow: ShadowRoot, idea: MockIdea, db: MockDb) => void,
  { idea, data, db, parameters } = withIdea((i) => i.status === status),
): Story {
  return {
    args: { idea, citizen },
    parameters,
    play: shows('[part~="idea"]', (shadow) =>
      until(() => {
        expectText(words(shadow.querySelector('#page-title')), data.title, 'the idea page shows');
        const badge = shadow.querySelector(`[part~="idea"] [part~="badge"]`);
        if (!badge?.classList.contains(status)) throw new Error(`the badge is "${badge?.className ?? 'missing'}", expected ${status}`);
        expectText(words(badge), says(shadow, STATUS_KEY[status]), 'the status badge');
        then?.(shadow, data, db);
      }),
    ),
  };
}
/** An idea's page in each status: timeline, supporters, photos. */
const ideaPublished = withIdea(published);
export const IdeaPublished: Story = ideaIn(
  'published',
  citizens.newcomer,
  (shadow) => {
    if (!shadow.querySelector('[part~="idea"] [part~="support"]')) throw new Error('a published idea offers no support');
  },
  ideaPublished,
);
/** Seen by a moderator: ideas in moderation are the author's and the moderators' only; nobody supports them yet. */
export const IdeaInModeration: Story = ideaIn('moderation', citizens.moderator, (shadow) => {
  if (shadow.querySelector('[part~="idea"] [part~="support"]')) throw new Error('an idea in moderation offers support');
});
/** Under review by an agency, named in the timeline. */
export const IdeaUnderReview: Story = ideaIn('review', citizens.newcomer, (shadow, idea, db) => {
  const event = idea.timeline.find((e) => e.status === 'review')!;
  const agency = db.agencyRef(event.agencyId)?.name;
  expectContains(words(shadow.querySelector('[part~="timeline"]')), agency ? says(shadow, 'eventReview', { agency }) : says(shadow, 'eventReviewNoAgency'), 'the timeline');
});
export const IdeaAccepted: Story = ideaIn('accepted', citizens.newcomer, (shadow) =>
  expectContains(words(shadow.querySelector('[part~="timeline"] [aria-current="step"]')), says(shadow, 'eventAccepted'), 'the last step of the timeline'),
);
export const IdeaImplemented: Story = ideaIn('implemented', citizens.newcomer, (shadow) =>
  expectContains(words(shadow.querySelector('[part~="timeline"] [aria-current="step"]')), says(shadow, 'eventImplemented'), 'the last step of the timeline'),
);
/** Rejected, with the moderator's or the agency's reason. */
export const IdeaRejected: Story = ideaIn(
  'rejected',
  citizens.newcomer,
  (shadow, idea) => {
    expectText(words(shadow.querySelector('[part~="idea"] .field-error')), says(shadow, 'rejectionReason', { reason: idea.rejectionReason! }), 'the reason');
    if (shadow.querySelector('[part~="idea"] [part~="support"]')) throw new Error('a rejected idea offers support');
  },
  // Rejected after publication: one rejected at moderation is never public.
  withIdea((i) => publiclyRejected(i) && !!i.rejectionReason),
);
/** A crowdfunded idea: raised, the city's matchfunding, pledging points or money. */
const ideaCrowdfunded = withIdea(crowdfunded);
export const IdeaCrowdfunded: Story = {
  args: { idea: ideaCrowdfunded.idea, citizen: citizens.active, paymentUrl: PAYMENT_URL },
  parameters: ideaCrowdfunded.parameters,
  play: shows('[part~="idea"] .funding'),
};
/** No idea with this id. */
export const IdeaNotFound: Story = { args: { idea: 'idea-9999' }, play: shows('[part~="not-found"]') };

/** The submit form after sending it empty: the error summary and messages next to the fields. */
export const SubmitWithErrors: Story = {
  play: shows('.tabs', async (shadow) => {
    shadow.querySelectorAll<HTMLButtonElement>('.tabs .button')[2]!.click();
    // The submit form is loaded on first use.
    await waitFor(
      () => {
        const submit = shadow.querySelector<HTMLButtonElement>('[part~="form"] [part~="submit"]');
        if (!submit) throw new Error('no form yet');
        submit.click();
        if (!shadow.querySelector('#errors')) throw new Error('no errors yet');
      },
      { timeout: TIMEOUT },
    );
  }),
};
/** A new idea not sent at the moment of submitting (the backend refuses for now; offline looks the same): the form holds it read-only and says it waits, with "send now". */
export const SubmitQueued: Story = {
  parameters: backend(refusedForNow(`${STORY_API}/ideas`)),
  play: shows('.tabs', async (shadow) => {
    shadow.querySelectorAll<HTMLButtonElement>('.tabs .button')[2]!.click();
    const field = <T extends HTMLElement>(id: string) => shadow.querySelector<T>(`[part~="form"] #${id}`);
    // The submit form and the categories are loaded on first use.
    await waitFor(
      () => {
        if (!field<HTMLSelectElement>('categoryId')?.querySelector('option[value]:not([value=""])')) throw new Error('no form with categories yet');
      },
      { timeout: TIMEOUT },
    );
    for (const [id, value] of [['title', 'Скамейки вдоль набережной'], ['text', 'Вдоль набережной негде присесть: нужны скамейки через каждые сто метров.']]) {
      const input = field<HTMLInputElement>(id!)!;
      input.value = value!;
      input.dispatchEvent(new Event('input'));
    }
    const category = field<HTMLSelectElement>('categoryId')!;
    category.value = category.options[1]!.value;
    category.dispatchEvent(new Event('change'));
    shadow.querySelector<HTMLButtonElement>('[part~="form"] [part~="submit"]')!.click();
    await waitFor(
      () => {
        if (!field('title')?.hasAttribute('readonly') || !shadow.querySelector('[part~="form"] [part~="offline"]')) throw new Error('not held yet');
      },
      { timeout: TIMEOUT },
    );
  }),
};
/** The categories could not be loaded (a backend without them): the form says so next to its category field, with a retry. */
export const SubmitCategoriesFailed: Story = {
  parameters: backend(http.get(`${STORY_API}/idea-categories`, () => problemResponse(404, 'not-found', 'Категорий нет'))),
  play: shows('.tabs', async (shadow) => {
    shadow.querySelectorAll<HTMLButtonElement>('.tabs .button')[2]!.click();
    await waitFor(
      () => {
        if (!shadow.querySelector('#categoryId + .field-error .button')) throw new Error('no notice next to the category field yet');
      },
      { timeout: TIMEOUT },
    );
  }),
};
/**
 * A board whose `part` (list, idea page, pledge flow, submit form) loads as `load` says: slow or failed,
 * as on a bad connection. The page's module cache would otherwise hand a part over at once after
 * the first story that used it.
 */
function withPart(tag: string, part: keyof IdeaBoardParts, load: () => Promise<never>): string {
  if (!customElements.get(tag)) {
    customElements.define(
      tag,
      class extends VecheIdeaBoard {
        protected override importPart<K extends keyof IdeaBoardParts>(name: K): Promise<IdeaBoardParts[K]> {
          return name === part ? load() : super.importPart(name);
        }
      },
    );
  }
  return tag;
}
const never = () => new Promise<never>(() => {});
const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
const inTag = (tag: string, selector: string, then?: (shadow: ShadowRoot) => void | Promise<void>): Story['play'] =>
  async ({ canvasElement }) => {
    const shadow = () => canvasElement.querySelector(tag)?.shadowRoot;
    await waitFor(
      () => {
        if (!shadow()?.querySelector(selector)) throw new Error(`no ${selector} yet`);
      },
      { timeout: TIMEOUT },
    );
    await then?.(shadow()!);
  };
const partStory = (tag: string, part: keyof IdeaBoardParts, load: () => Promise<never>): Story['render'] =>
  (a) => {
    withPart(tag, part, load);
    const el = document.createElement(tag) as VecheIdeaBoard;
    el.setAttribute('api', STORY_API);
    el.setAttribute('login-url', LOGIN_URL);
    if (a.idea) el.setAttribute('idea', a.idea);
    if (a.citizen) el.getToken = () => mockToken(a.citizen!);
    return html`${el}`;
  };

/** The first ideas are here, the list's code (with the virtualizer) is still on its way: the skeleton keeps its place. */
export const ListCodeLoading: Story = {
  render: partStory('veche-idea-board-list-loading', 'list', never),
  play: inTag('veche-idea-board-list-loading', '.loading[aria-busy="true"]'),
};
/** The list's code could not be loaded (offline): the standard error with a retry in the list view's place (its search and filters come with that code). */
export const ListCodeFailed: Story = {
  render: partStory('veche-idea-board-list-failed', 'list', offline),
  play: inTag('veche-idea-board-list-failed', '.part-failure [part~="retry"]'),
};
/** An idea's page whose code is on its way (a slow connection): the skeleton keeps its place. */
export const IdeaPageLoading: Story = {
  args: { idea: ideaPublished.idea },
  parameters: ideaPublished.parameters,
  render: partStory('veche-idea-board-page-loading', 'page', never),
  play: inTag('veche-idea-board-page-loading', '.page[aria-busy="true"]'),
};
/** An idea's page whose code could not be loaded (offline): the standard error with a retry; the way back stays. */
export const IdeaPageFailed: Story = {
  args: { idea: ideaPublished.idea },
  parameters: ideaPublished.parameters,
  render: partStory('veche-idea-board-page-failed', 'page', offline),
  play: inTag('veche-idea-board-page-failed', '.part-failure [part~="retry"]'),
};
/** The submit form's code could not be loaded (offline): the standard error with a retry in its place. */
export const SubmitFormFailed: Story = {
  render: partStory('veche-idea-board-form-failed', 'form', offline),
  play: inTag('veche-idea-board-form-failed', '.tabs', async (shadow) => {
    shadow.querySelectorAll<HTMLButtonElement>('.tabs .button')[2]!.click();
    await waitFor(
      () => {
        if (!shadow.querySelector('.part-failure [part~="retry"]')) throw new Error('no retry yet');
      },
      { timeout: TIMEOUT },
    );
  }),
};
/** The pledge flow's code could not be loaded (offline): the starters stay, the standard error with a retry below them. */
export const PledgeFailed: Story = {
  args: { idea: ideaCrowdfunded.idea, citizen: citizens.active },
  parameters: ideaCrowdfunded.parameters,
  render: partStory('veche-idea-board-pledge-failed', 'pledge', offline),
  play: inTag('veche-idea-board-pledge-failed', '[part~="idea"] .funding .actions .button', async (shadow) => {
    shadow.querySelector<HTMLButtonElement>('[part~="idea"] .funding .actions .button')!.click();
    await waitFor(
      () => {
        if (!shadow.querySelector('.funding [part~="retry"]')) throw new Error('no retry yet');
      },
      { timeout: TIMEOUT },
    );
  }),
};
/** The "pledge points" button of an open idea's crowdfunding section. */
const PLEDGE = '[part~="idea"] .funding .actions .button';
/** The support button of an open idea's page. */
const SUPPORT = '[part~="idea"] [part~="support"]';
/** Pledging more points than the wallet holds: explained before anything is sent. */
const pledgeInsufficient = withIdea(crowdfunded, ...scenarios.insufficientPoints(STORY_API));
export const PledgeInsufficientBalance: Story = {
  args: { idea: pledgeInsufficient.idea, citizen: citizens.newcomer },
  parameters: pledgeInsufficient.parameters,
  // The idea page is loaded lazily, then the pledge flow on the first click, then the balance.
  play: shows(PLEDGE, async (shadow) => {
    const balance = pledgeInsufficient.db.wallet(citizens.newcomer).balance;
    shadow.querySelector<HTMLButtonElement>(PLEDGE)!.click();
    // The hint shows the rate at once ("one point — 1 ₽"), the balance only once the wallet answered.
    await until(() => expectContains(words(shadow.querySelector('#amount-hint')), says(shadow, 'balance', { points: says(shadow, 'points', { count: balance }) }), 'the hint'));
    const amount = shadow.querySelector<HTMLInputElement>('#amount')!;
    amount.value = String(balance + 100);
    amount.dispatchEvent(new Event('input'));
    await until(() => {
      if (!shadow.querySelector('#amount-error')) shadow.querySelector<HTMLButtonElement>('.pledge [type="submit"]')?.click();
      expectText(words(shadow.querySelector('#amount-error')), says(shadow, 'insufficient', { count: 100 }), 'the error');
    });
    if (shadow.querySelector<HTMLDialogElement>('dialog')?.open) throw new Error('the confirmation opened for more points than the balance');
  }),
};
/** A points pledge not sent at the moment of confirming (the backend refuses for now; offline looks the same): it waits in the outbox, said so under the form with "send now", and goes out by itself later. */
const pledgeRefused = withIdea(crowdfunded, refusedForNow(`${STORY_API}/ideas/:id/pledges`));
export const PledgeQueued: Story = {
  args: { idea: pledgeRefused.idea, citizen: citizens.active },
  parameters: pledgeRefused.parameters,
  play: shows(PLEDGE, async (shadow) => {
    shadow.querySelector<HTMLButtonElement>(PLEDGE)!.click();
    await until(() => {
      if (!shadow.querySelector('#amount')) throw new Error('no amount field yet');
    });
    const amount = shadow.querySelector<HTMLInputElement>('#amount')!;
    amount.value = '10';
    amount.dispatchEvent(new Event('input'));
    // "Next" checks the amount against the balance once the wallet has answered, then asks to confirm.
    await until(() => {
      if (!shadow.querySelector<HTMLDialogElement>('.pledge dialog')?.open) {
        shadow.querySelector<HTMLButtonElement>('.pledge [type="submit"]')?.click();
        throw new Error('the confirmation did not open yet');
      }
    });
    shadow.querySelector<HTMLButtonElement>('.pledge dialog #confirm')!.click();
    await until(() => {
      if (!shadow.querySelector('[part~="offline"]')) throw new Error('no queued pledge yet');
    });
  }),
};
/** Signed out: reading works; supporting, submitting and pledging show the sign-in call to action. */
const signedOut = withIdea(published, ...scenarios.signedOut(STORY_API));
export const SignedOut: Story = {
  args: { citizen: null, idea: signedOut.idea },
  parameters: signedOut.parameters,
  // The idea page is loaded lazily: its support button, not a card's.
  play: shows(SUPPORT, async (shadow) => {
    shadow.querySelector<HTMLButtonElement>(SUPPORT)!.click();
    await waitFor(
      () => {
        if (!shadow.querySelector('#sign-in')) throw new Error('no sign-in yet');
      },
      { timeout: TIMEOUT },
    );
  }),
};
