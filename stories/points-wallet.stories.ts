/**
 * `<veche-points-wallet>` in every state a designer needs, each reached through the contract's
 * MSW mocks over the demo region (src/mocks) — never a hand-written response. City theme,
 * locale, dark, contrast and motion come from the toolbar.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { RequestHandler } from 'msw';
import { waitFor } from 'storybook/test';
import { createMockBackend, fixtureIds, mockToken, scenarios } from '../src/mocks/index.js';
import '../src/widgets/points-wallet/define.js';
import { VechePointsWallet, type PointsWalletParts } from '../src/widgets/points-wallet/veche-points-wallet.js';
import { refusedForNow, STORY_API } from './support/story-api.js';

const citizens = fixtureIds.citizens;
const LOGIN_URL = 'https://portal.example/login?return=/veche';

/** A fresh demo backend for the story, with scenario handlers in front. */
const backend = (...front: RequestHandler[]) => ({
  msw: { handlers: [...front, ...createMockBackend({ baseUrl: STORY_API }).handlers] },
});

interface Args {
  citizen: string | null;
  tab: string;
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Widgets/Points wallet',
  component: 'veche-points-wallet',
  render: ({ citizen, tab, pageSize }) =>
    html`<veche-points-wallet
      api=${STORY_API}
      tab=${tab}
      page-size=${pageSize}
      login-url=${LOGIN_URL}
      .getToken=${citizen ? () => mockToken(citizen) : undefined}
    ></veche-points-wallet>`,
  args: { citizen: citizens.active, tab: 'balance', pageSize: 10 },
  argTypes: {
    citizen: { control: 'text', description: 'Demo citizen signed in through `getToken` (empty: none)' },
    tab: { control: 'select', options: ['balance', 'history', 'rewards', 'donations'], description: 'The section shown first (`tab`)' },
    pageSize: { control: 'number', description: 'Ledger entries per page (`page-size`)' },
  },
  parameters: backend(),
};
export default meta;

type Story = StoryObj<Args>;

const root = (canvas: HTMLElement) => canvas.querySelector('veche-points-wallet')?.shadowRoot;

/** Waits until the wallet shows `selector`. */
const find = async (canvas: HTMLElement, selector: string): Promise<HTMLElement> => {
  let found: HTMLElement | null | undefined;
  await waitFor(
    () => {
      found = root(canvas)?.querySelector<HTMLElement>(selector);
      if (!found) throw new Error(`no ${selector} yet`);
    },
    { timeout: 8000 },
  );
  return found!;
};

const shows = (selector: string): Story['play'] => async ({ canvasElement }) => void (await find(canvasElement, selector));

/** Balance, level from the backend and progress to the next one; levels and totals. */
export const Balance: Story = { play: shows('[part~="progress"]') };
/** A long history: earned, spent and donated, with filters and "show more". */
export const LongHistory: Story = { args: { tab: 'history' }, play: shows('[part~="more"]') };
/** A newcomer with no history yet: how to earn points. */
export const EmptyHistory: Story = { args: { citizen: citizens.newcomer, tab: 'history' }, play: shows('[part~="empty"]') };
/** The catalogue: stock left, an out-of-stock reward said so, category filter. */
export const CatalogueWithOutOfStock: Story = { args: { tab: 'rewards' }, play: shows('[part~="out-of-stock"]') };
/** Not enough points: each button says how many are missing. */
export const InsufficientBalance: Story = { args: { citizen: citizens.some, tab: 'rewards' }, play: shows('[part~="redeem"][aria-disabled="true"]') };
/** After a redemption: the voucher code and how to use it. */
export const VoucherShown: Story = {
  args: { tab: 'rewards' },
  play: async ({ canvasElement }) => {
    (await find(canvasElement, `[part~="redeem"][data-reward="${fixtureIds.rewards.cheapest}"]`)).click();
    (await find(canvasElement, 'dialog[open] [data-primary]')).click();
    await find(canvasElement, '[part~="voucher"]');
  },
};
/** The server refused (here: another tab spent the points first): explained, balance refreshed. */
export const RefusedRace: Story = {
  args: { tab: 'rewards' },
  parameters: backend(...scenarios.insufficientPoints(STORY_API)),
  play: async ({ canvasElement }) => {
    (await find(canvasElement, `[part~="redeem"][data-reward="${fixtureIds.rewards.cheapest}"]`)).click();
    (await find(canvasElement, 'dialog[open] [data-primary]')).click();
    await find(canvasElement, '[part~="refused"]');
  },
};
/** Redeems the cheapest reward while the backend refuses redemptions for now. */
const redeemRefused = async (canvas: HTMLElement) => {
  (await find(canvas, `[part~="redeem"][data-reward="${fixtureIds.rewards.cheapest}"]`)).click();
  (await find(canvas, 'dialog[open] [data-primary]')).click();
  await find(canvas, 'dialog[open] [part~="waiting"]');
};
const refused = backend(refusedForNow(`${STORY_API}/redemptions`));
/** Not sent at the moment of confirming (the backend refuses for now; offline looks the same): the dialog says this redemption waits, with "send now". */
export const RedemptionWaiting: Story = { args: { tab: 'rewards' }, parameters: refused, play: async ({ canvasElement }) => redeemRefused(canvasElement) };
/** The dialog closed with a redemption still waiting: the tab says how many spends wait, with "send now"; they go out by themselves later. */
export const SpendQueued: Story = {
  args: { tab: 'rewards' },
  parameters: refused,
  play: async ({ canvasElement }) => {
    await redeemRefused(canvasElement);
    (await find(canvasElement, 'dialog[open] .actions .button:not([data-primary])')).click();
    await find(canvasElement, '[part~="queued"]');
  },
};
/**
 * A redemption waits to be sent: its reward is not offered again (the button says it waits), and
 * the balance, the other rewards and the donation limits count its points as spent.
 */
export const RewardAlreadyWaiting: Story = {
  args: { tab: 'rewards' },
  parameters: refused,
  play: async ({ canvasElement }) => {
    await redeemRefused(canvasElement);
    (await find(canvasElement, 'dialog[open] .actions .button:not([data-primary])')).click();
    await find(canvasElement, `[part~="redeem-queued"][data-reward="${fixtureIds.rewards.cheapest}"]`);
  },
};
/** Charity funds with totals and the amount form (minimum, step, maximum = balance, quick amounts). */
export const Donations: Story = { args: { tab: 'donations' }, play: shows('form') };
/** After a donation: the receipt, and the fund's total updated. */
export const DonationReceipt: Story = {
  args: { tab: 'donations' },
  play: async ({ canvasElement }) => {
    (await find(canvasElement, `[part~="fund"] .chip`)).click();
    (await find(canvasElement, '[part~="donate"]')).click();
    (await find(canvasElement, 'dialog[open] [data-primary]')).click();
    await find(canvasElement, '[part~="receipt"]');
  },
};
/** A donation waits to be sent: the fund's amount stays read-only and its button says the donation waits, so it is not made twice. */
export const DonationAlreadyWaiting: Story = {
  args: { tab: 'donations' },
  parameters: backend(refusedForNow(`${STORY_API}/donations`)),
  play: async ({ canvasElement }) => {
    (await find(canvasElement, `[part~="fund"] .chip`)).click();
    (await find(canvasElement, '[part~="donate"]')).click();
    (await find(canvasElement, 'dialog[open] [data-primary]')).click();
    await find(canvasElement, 'dialog[open] [part~="waiting"]');
    (await find(canvasElement, 'dialog[open] .actions .button:not([data-primary])')).click();
    await find(canvasElement, '[part~="donate-queued"]');
  },
};
/** Signed out: the sign-in call to action and how points are earned. */
export const SignedOut: Story = { args: { citizen: null }, play: shows('[part~="sign-in"]') };
/** Waiting for the backend: a skeleton reserving the wallet's height. */
export const Loading: Story = { parameters: backend(...scenarios.loading(STORY_API)), play: shows('[aria-busy="true"]') };
/** The backend fails: a message and a retry. */
export const BackendError: Story = { parameters: backend(...scenarios.serverError(STORY_API)), play: shows('[part~="retry"]') };

/**
 * A wallet whose parts' code loads as `load` says (slow or failed, as on a bad connection):
 * the tabs that come with the balance, or else the sections that load on use.
 */
function withParts(tag: string, load: () => Promise<never>, which: 'tabs' | 'sections' = 'sections'): string {
  if (!customElements.get(tag)) {
    customElements.define(
      tag,
      class extends VechePointsWallet {
        protected override importPart<K extends keyof PointsWalletParts>(name: K): Promise<PointsWalletParts[K]> {
          return (name === 'tabs') === (which === 'tabs') ? load() : super.importPart(name);
        }
      },
    );
  }
  return tag;
}

const inTag = (canvas: HTMLElement, tag: string, selector: string) =>
  waitFor(
    () => {
      if (!canvas.querySelector(tag)?.shadowRoot?.querySelector(selector)) throw new Error(`no ${selector} yet`);
    },
    { timeout: 8000 },
  );

/** The history's code is on its way (a slow connection): the list's skeleton keeps its place. */
export const SectionLoading: Story = {
  args: { tab: 'history' },
  render: ({ citizen, tab }) => {
    withParts('veche-points-wallet-section-loading', () => new Promise<never>(() => {}));
    return html`<veche-points-wallet-section-loading api=${STORY_API} tab=${tab} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-points-wallet-section-loading>`;
  },
  play: async ({ canvasElement }) => inTag(canvasElement, 'veche-points-wallet-section-loading', '[part~="panel"] [aria-busy="true"]'),
};
/** The history's code could not be loaded (the connection dropped): the standard error with a retry; the balance stays. */
export const SectionFailed: Story = {
  args: { tab: 'history' },
  render: ({ citizen, tab }) => {
    withParts('veche-points-wallet-section-failed', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    return html`<veche-points-wallet-section-failed api=${STORY_API} tab=${tab} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-points-wallet-section-failed>`;
  },
  play: async ({ canvasElement }) => inTag(canvasElement, 'veche-points-wallet-section-failed', '[part~="panel"] [part~="retry"]'),
};
/** The tabs' code is still on its way when the balance has come: the panel's skeleton keeps its place. */
export const TabsLoading: Story = {
  render: ({ citizen }) => {
    withParts('veche-points-wallet-tabs-loading', () => new Promise<never>(() => {}), 'tabs');
    return html`<veche-points-wallet-tabs-loading api=${STORY_API} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-points-wallet-tabs-loading>`;
  },
  play: async ({ canvasElement }) => inTag(canvasElement, 'veche-points-wallet-tabs-loading', '[part~="panel"] [aria-busy="true"]'),
};
/** The tabs' code could not be loaded: the balance stays, the panel shows the standard error with a retry. */
export const TabsFailed: Story = {
  render: ({ citizen }) => {
    withParts('veche-points-wallet-tabs-failed', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), 'tabs');
    return html`<veche-points-wallet-tabs-failed api=${STORY_API} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-points-wallet-tabs-failed>`;
  },
  play: async ({ canvasElement }) => inTag(canvasElement, 'veche-points-wallet-tabs-failed', '[part~="panel"] [part~="retry"]'),
};
