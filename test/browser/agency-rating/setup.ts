/** Shared set-up for the agency rating tests: the contract's MSW mocks over the demo region. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import { createMockBackend, fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../../src/widgets/agency-rating/define.js';
import type { VecheAgencyRating } from '../../../src/widgets/agency-rating/veche-agency-rating.js';

export { fixtureIds, MOCK_API };
export const backend = createMockBackend();
export const ANNA = fixtureIds.citizens.active;

export const requests: Array<{ method: string; path: string; key: string | null }> = [];
let listening = false;

export async function mocks(...front: RequestHandler[]) {
  const worker = await startMocks(...front, ...backend.handlers);
  if (!listening) {
    listening = true;
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.href.startsWith(MOCK_API)) requests.push({ method: request.method, path: url.pathname.replace('/api', '') + url.search, key: request.headers.get('Idempotency-Key') });
    });
  }
  requests.length = 0;
  return worker;
}

export async function useOnly(...front: RequestHandler[]) {
  await startMocks(...front, ...backend.handlers);
}

export interface RatingOptions {
  agency?: string;
  complaint?: string;
  citizen?: string | null;
  locale?: string;
}

export async function renderRating(options: RatingOptions = {}): Promise<VecheAgencyRating> {
  const citizen = options.citizen === undefined ? ANNA : options.citizen;
  const el = await fixture<VecheAgencyRating>(html`<veche-agency-rating
    api=${MOCK_API}
    agency=${options.agency ?? ''}
    complaint=${options.complaint ?? ''}
    locale=${options.locale ?? 'ru'}
    login-url="https://portal.example/login"
    .getToken=${citizen ? () => mockToken(citizen) : undefined}
  ></veche-agency-rating>`);
  await waitUntil(() => !el.matches(':state(loading)') && !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'did not load', { timeout: 6000 });
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T & Element>(selector)] as T[];
export const text = (el: Element, selector?: string) =>
  ((selector ? el.shadowRoot!.querySelector(selector) : el.shadowRoot)?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const buttonNamed = (el: Element, name: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim().startsWith(name)) ?? null;

export function reset(): void {
  backend.reset();
  localStorage.clear();
}
