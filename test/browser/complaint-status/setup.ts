/**
 * Shared set-up for the complaint status tests: the contract's MSW mocks over the demo region,
 * a widget signed in as a demo citizen, and helpers to read and operate its shadow DOM.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import { createMockBackend, fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../../src/widgets/complaint-status/define.js';
import type { VecheComplaintStatus } from '../../../src/widgets/complaint-status/veche-complaint-status.js';

export { fixtureIds, MOCK_API };
export const complaints = fixtureIds.complaints;
export const backend = createMockBackend();
export const DAY = 86_400_000;

/** Every request to the API since the last `mocks()`: method, path, idempotency key and JSON body. */
export const requests: Array<{ method: string; path: string; key: string | null; body?: unknown }> = [];
let listening = false;

export async function mocks(...front: RequestHandler[]) {
  const worker = await startMocks(...front, ...backend.handlers);
  if (!listening) {
    listening = true;
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (!url.href.startsWith(MOCK_API)) return;
      const entry: (typeof requests)[number] = { method: request.method, path: url.pathname.replace('/api', '') + url.search, key: request.headers.get('Idempotency-Key') };
      requests.push(entry);
      if ((request.headers.get('Content-Type') ?? '').includes('json')) void request.clone().json().then((body: unknown) => (entry.body = body));
    });
  }
  requests.length = 0;
  return worker;
}

/** Puts `front` handlers in front again, keeping the backend's state. */
export async function useOnly(...front: RequestHandler[]) {
  await startMocks(...front, ...backend.handlers);
}

/**
 * The demo region's resolved complaint was resolved weeks ago, past its confirmation period;
 * moving its "resolved" event to yesterday makes it wait for its author again.
 */
export function makeConfirmable(id: string = complaints.resolved): void {
  const c = backend.db.complaints.find((x) => x.id === id)!;
  const resolved = [...c.history].reverse().find((h) => h.status === 'resolved')!;
  resolved.at = new Date(Date.now() - DAY).toISOString();
}

export const complaintRecord = (id: string) => backend.db.complaints.find((x) => x.id === id)!;

export interface StatusOptions {
  complaint?: string;
  mine?: boolean;
  pageSize?: number;
  /** Demo citizen whose token the widget sends; `null` for none. Default: the complaint's author or anna. */
  citizen?: string | null;
  locale?: string;
  loaded?: boolean;
}

export async function renderStatus(options: StatusOptions): Promise<VecheComplaintStatus> {
  const author = (options.complaint && backend.db.complaints.find((x) => x.id === options.complaint)?.citizenId) || fixtureIds.citizens.active;
  const citizen = options.citizen === undefined ? author : options.citizen;
  const el = await fixture<VecheComplaintStatus>(html`<veche-complaint-status
    api=${MOCK_API}
    complaint=${options.complaint ?? ''}
    ?mine=${!!options.mine}
    page-size=${options.pageSize ?? 10}
    locale=${options.locale ?? 'ru'}
    login-url="https://portal.example/login"
    .getToken=${citizen ? () => mockToken(citizen) : undefined}
  ></veche-complaint-status>`);
  if (options.loaded !== false) await loaded(el);
  return el;
}

export async function loaded(el: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  await waitUntil(() => !el.matches(':state(loading)') && el.shadowRoot!.querySelector('[aria-busy="true"]') === null, 'did not load', { timeout: 6000 });
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T & Element>(selector)] as T[];
export const text = (el: Element, selector?: string) =>
  ((selector ? el.shadowRoot!.querySelector(selector) : el.shadowRoot)?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const buttonNamed = (el: Element, name: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim().startsWith(name)) ?? null;

/** A real PNG, drawn on a canvas. */
export async function pngFile(name = 'yard.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 40;
  canvas.height = 30;
  canvas.getContext('2d')!.fillRect(0, 0, 20, 15);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

export function choose(input: HTMLInputElement, ...files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function reset(): void {
  backend.reset();
  localStorage.clear();
}
