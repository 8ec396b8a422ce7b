/**
 * Shared set-up for the idea board tests: the contract's MSW mocks over the demo region, a board
 * fixture signed in as a demo citizen, the requests the page made, and shadow-DOM helpers.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { createMockBackend, fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../../src/widgets/idea-board/define.js';
import type { VecheIdeaBoard } from '../../../src/widgets/idea-board/veche-idea-board.js';

export { fixtureIds, MOCK_API };

/**
 * `@lit-labs/virtualizer` measures cards in a ResizeObserver callback and renders the next ones
 * from it, so Chromium reports the benign "ResizeObserver loop completed with undelivered
 * notifications" (the rest is delivered on the next frame). Mocha would fail the test on it;
 * the virtualizer's own helper ignores exactly that message and nothing else.
 */
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
export const ideas = fixtureIds.ideas;
export const backend = createMockBackend();
export const NEWCOMER = fixtureIds.citizens.newcomer;
export const ANNA = fixtureIds.citizens.active;

/** Idea pictures point at the demo region's image host and media at the mock: answer with "not found". */
const images = [
  http.get('https://img.zarechye.example/*', () => new HttpResponse(null, { status: 404 })),
  http.get(`${MOCK_API}/media/:id`, () => new HttpResponse(null, { status: 404 })),
];

export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  key: string | null;
  body?: string;
}
/** Every request to the backend since the last `mocks()`. */
export const requests: Sent[] = [];
let listening = false;

export async function mocks(...front: RequestHandler[]) {
  const worker = await startMocks(...front, ...images, ...backend.handlers);
  if (!listening) {
    listening = true;
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (!url.href.startsWith(MOCK_API)) return;
      const sent: Sent = { method: request.method, path: url.pathname.replace('/api', ''), query: url.searchParams, key: request.headers.get('Idempotency-Key') };
      requests.push(sent);
      if (request.method !== 'GET' && /json/.test(request.headers.get('Content-Type') ?? '')) void request.clone().text().then((body) => (sent.body = body));
    });
  }
  requests.length = 0;
  return worker;
}

/** Puts `front` handlers in front again, keeping the backend's state. */
export async function useOnly(...front: RequestHandler[]) {
  await startMocks(...front, ...images, ...backend.handlers);
}

export const listRequests = () => requests.filter((r) => r.method === 'GET' && r.path === '/ideas');

export interface BoardOptions {
  citizen?: string | null;
  attrs?: Partial<Record<'q' | 'category' | 'status' | 'sort' | 'idea' | 'payment-url' | 'locale', string>>;
  loaded?: boolean;
}

export async function renderBoard(options: BoardOptions = {}): Promise<VecheIdeaBoard> {
  const citizen = options.citizen === undefined ? NEWCOMER : options.citizen;
  const a = options.attrs ?? {};
  const el = await fixture<VecheIdeaBoard>(html`<veche-idea-board
    api=${MOCK_API}
    login-url="https://portal.example/login"
    locale=${a.locale ?? 'ru'}
    q=${ifDefined(a.q)}
    category=${ifDefined(a.category)}
    status=${ifDefined(a.status)}
    sort=${ifDefined(a.sort)}
    idea=${ifDefined(a.idea)}
    payment-url=${ifDefined(a['payment-url'])}
    .getToken=${citizen ? () => mockToken(citizen) : undefined}
  ></veche-idea-board>`);
  if (options.loaded !== false) await (a.idea ? ideaLoaded(el) : listLoaded(el));
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)] as T[];
export const text = (el: Element, selector = '[part~="base"]') => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const cards = (el: Element) => $$(el, '.card[data-index]');
/** The element focused inside the board's shadow root. */
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

export async function listLoaded(el: VecheIdeaBoard): Promise<void> {
  await waitUntil(() => !el.matches(':state(loading)') && (cards(el).length > 0 || $(el, '[part~="empty"]') || $(el, '[part~="error"]') || $(el, '#sign-in')), 'the list did not load', { timeout: 6000 });
  await el.updateComplete;
}

export async function ideaLoaded(el: VecheIdeaBoard): Promise<void> {
  await waitUntil(() => $(el, '[part~="idea"]') || $(el, '[part~="not-found"]') || $(el, '[part~="error"]'), 'the idea did not load', { timeout: 6000 });
  await el.updateComplete;
}

export async function choose(el: VecheIdeaBoard, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  // As a citizen can: only once the option is shown (the categories arrive with their own request).
  await waitUntil(() => [...select.options].some((o) => o.value === value), `no option "${value}" in #${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

export async function type(el: VecheIdeaBoard, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

export function reset(): void {
  backend.reset();
  localStorage.clear();
}

/** Opens "submit an idea" and waits for the form and its categories. */
export async function openForm(el: VecheIdeaBoard): Promise<void> {
  $$<HTMLButtonElement>(el, '.tabs .button').at(-1)!.click();
  await waitUntil(() => $(el, '[part~="form"]') && $$(el, '#categoryId option').length > 1, 'the form did not open');
}

/** A real PNG (the mock sniffs the bytes), drawn on a canvas. */
export async function png(name = 'photo.png', size = 40): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#3a7';
  ctx.fillRect(0, 0, size, size);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

/** Chooses `file` in the form's photo input, as the file picker does. */
export async function attach(el: VecheIdeaBoard, file: File): Promise<void> {
  const input = $<HTMLInputElement>(el, '#photo')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** What the board's live regions hold now. */
export const announced = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[aria-live]')].map((r) => r.textContent).join(' ');

/** The request bodies of the JSON POSTs to `path`, parsed (each arrives a moment after its request). */
export async function postedBodies(path: string): Promise<Record<string, unknown>[]> {
  const posts = requests.filter((r) => r.method === 'POST' && r.path === path);
  await waitUntil(() => posts.every((p) => p.body !== undefined), `the body of POST ${path} was not read`);
  return posts.map((p) => JSON.parse(p.body!) as Record<string, unknown>);
}
