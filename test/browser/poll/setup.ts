/**
 * Shared set-up for the poll tests: the contract's MSW mocks over the demo region, a poll
 * fixture signed in as a demo citizen, and helpers to read and operate its shadow DOM.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { createMockBackend, fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../../src/widgets/poll/define.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';

export { fixtureIds, MOCK_API };
export const polls = fixtureIds.polls;
export const backend = createMockBackend();

/** Option pictures point at the demo region's image host; answer them with "not found". */
const images = http.get('https://img.zarechye.example/*', () => new HttpResponse(null, { status: 404 }));

/** Every request the page made since the last `mocks()`, with its method, path and key. */
export const requests: Array<{ method: string; path: string; key: string | null }> = [];
let listening = false;

/** Starts the mocks with `front` handlers (scenarios) in front of a fresh demo backend. */
export async function mocks(...front: RequestHandler[]) {
  const worker = await startMocks(...front, images, ...backend.handlers);
  if (!listening) {
    listening = true;
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.href.startsWith(MOCK_API)) {
        requests.push({ method: request.method, path: url.pathname.replace('/api', ''), key: request.headers.get('Idempotency-Key') });
      }
    });
  }
  requests.length = 0;
  return worker;
}

/** Puts `front` handlers in front again (after a scenario ended), keeping the backend's state. */
export async function useOnly(...front: RequestHandler[]) {
  await startMocks(...front, images, ...backend.handlers);
}

export interface PollOptions {
  /** Demo citizen whose token the widget sends; `null` for none. Default: a citizen who never voted. */
  citizen?: string | null;
  locale?: string;
  loginUrl?: string;
  /** Wait until the poll has loaded (default true). */
  loaded?: boolean;
}

export const NEWCOMER = fixtureIds.citizens.newcomer;

export async function renderPoll(id: string, options: PollOptions = {}): Promise<VechePoll> {
  const citizen = options.citizen === undefined ? NEWCOMER : options.citizen;
  const el = await fixture<VechePoll>(html`<veche-poll
    api=${MOCK_API}
    poll=${id}
    locale=${options.locale ?? 'ru'}
    login-url=${options.loginUrl ?? 'https://portal.example/login'}
    .getToken=${citizen ? () => mockToken(citizen) : undefined}
  ></veche-poll>`);
  if (options.loaded !== false) await loaded(el);
  return el;
}

export async function loaded(el: VechePoll): Promise<void> {
  await waitUntil(() => !el.matches(':state(loading)') && el.shadowRoot!.querySelector('[aria-busy]') === null, 'the poll did not load', { timeout: 6000 });
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
export const $$ = <T extends Element = HTMLInputElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T & Element>(selector)] as T[];
export const text = (el: Element, selector = 'article') => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Clicks the option with this label (radio, checkbox or scale value). */
export async function pick(el: VechePoll, label: string): Promise<void> {
  const option = $$<HTMLLabelElement>(el, 'label').find((l) => l.textContent!.trim().startsWith(label));
  if (!option) throw new Error(`no option "${label}" in: ${text(el)}`);
  option.querySelector('input')!.click();
  await el.updateComplete;
}

export function submitButton(el: VechePoll): HTMLButtonElement {
  return $<HTMLButtonElement>(el, '[part~="submit"]')!;
}

export async function submit(el: VechePoll): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
}

/** Waits for the confirmation after a vote. */
export async function voted(el: VechePoll): Promise<void> {
  await waitUntil(() => el.matches(':state(voted)') && $(el, '#done'), 'the vote was not confirmed', { timeout: 7000 });
  await el.updateComplete;
}

/** Votes counted in the mock backend for a citizen in a poll. */
export const ballots = (pollId: string, citizen = NEWCOMER) =>
  backend.db.votes.filter((v) => v.pollId === pollId && v.citizenId === citizen).length;

export function reset(): void {
  backend.reset();
  localStorage.clear();
}

/**
 * Answers the demo survey's required questions and presses on to its review step (whose part may
 * still be loading, or fail to: callers wait for what they test).
 */
export async function answerSurvey(el: VechePoll): Promise<void> {
  await pick(el, 'Раз в неделю');
  await submit(el);
  await pick(el, 'Скамеек');
  await submit(el);
  await pick(el, '2');
  for (let i = 0; i < 3; i++) await submit(el);
}
