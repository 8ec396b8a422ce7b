/**
 * Shared set-up for the wallet tests: the contract's MSW mocks over the demo region, a wallet
 * fixture signed in as a demo citizen, and helpers to read and operate its shadow DOM.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import { createMockBackend, fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../../src/widgets/points-wallet/define.js';
import { VechePointsWallet } from '../../../src/widgets/points-wallet/veche-points-wallet.js';

export { fixtureIds, MOCK_API };
export const backend = createMockBackend();
export const ANNA = fixtureIds.citizens.active;
export const IVAN = fixtureIds.citizens.some;
export const OLGA = fixtureIds.citizens.newcomer;

/** Short enough for fast tests, long enough to collect a burst of events. */
VechePointsWallet.refreshDelayMs = 300;

/** Every request the page made since the last `mocks()`, with its method, path, query and key. */
export const requests: Array<{ method: string; path: string; search: string; key: string | null }> = [];
let listening = false;

export async function mocks(...front: RequestHandler[]) {
  const worker = await startMocks(...front, ...backend.handlers);
  if (!listening) {
    listening = true;
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.href.startsWith(MOCK_API)) {
        requests.push({ method: request.method, path: url.pathname.replace('/api', ''), search: url.search, key: request.headers.get('Idempotency-Key') });
      }
    });
  }
  requests.length = 0;
  return worker;
}

/** Puts `front` handlers in front again, keeping the backend's state. */
export async function useOnly(...front: RequestHandler[]) {
  await startMocks(...front, ...backend.handlers);
}

export interface WalletOptions {
  /** Demo citizen whose token the widget sends; `null` for none. Default: Anna, who has a history. */
  citizen?: string | null;
  tab?: string;
  locale?: string;
  loginUrl?: string;
  /** Wait until the wallet (and the tab's list) has loaded (default true). */
  loaded?: boolean;
}

export async function renderWallet(options: WalletOptions = {}): Promise<VechePointsWallet> {
  const citizen = options.citizen === undefined ? ANNA : options.citizen;
  const el = await fixture<VechePointsWallet>(html`<veche-points-wallet
    api=${MOCK_API}
    tab=${options.tab ?? 'balance'}
    locale=${options.locale ?? 'ru'}
    login-url=${options.loginUrl ?? 'https://portal.example/login'}
    .getToken=${citizen ? () => mockToken(citizen) : undefined}
  ></veche-points-wallet>`);
  if (options.loaded !== false) await loaded(el);
  return el;
}

export async function loaded(el: VechePointsWallet): Promise<void> {
  await waitUntil(
    () => !el.matches(':state(loading)') && !el.shadowRoot!.querySelector('[aria-busy]'),
    'the wallet did not load',
    { timeout: 6000 },
  );
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T & Element>(selector)] as T[];
/** The text as read, whitespace collapsed — but not the no-break spaces that Intl puts in numbers. */
export const text = (el: Element, selector = 'article') => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
/** A number as Russian readers see it: 1 000 with a no-break space (U+00A0). */
export const ru = (n: number) => new Intl.NumberFormat('ru').format(n);

/** Gives a citizen points (the way the backend's ledger does), e.g. a fresh one for formatting tests. */
export function credit(citizenId: string, amount: number, description = 'Бонус'): void {
  backend.db.ledger.push({ citizenId, amount, reason: amount > 0 ? 'bonus' : 'redemption', description, createdAt: new Date().toISOString(), reference: null });
}

export async function openTab(el: VechePointsWallet, name: string): Promise<void> {
  $<HTMLButtonElement>(el, `#tab-${name}`)!.click();
  await loaded(el);
}

/** The redeem button of a reward card, found by the reward's id. */
export const redeemButton = (el: Element, rewardId: string) => $<HTMLButtonElement>(el, `[part~="redeem"][data-reward="${rewardId}"]`);
export const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;
export const primary = (el: Element) => $<HTMLButtonElement>(el, 'dialog [data-primary]')!;

export const ledgerOf = (citizenId: string, reason?: string) =>
  backend.db.ledger.filter((e) => e.citizenId === citizenId && (!reason || e.reason === reason));

export const walletGets = () => requests.filter((r) => r.method === 'GET' && r.path === '/wallet').length;

export function reset(): void {
  backend.reset();
  localStorage.clear();
  requests.length = 0;
}
