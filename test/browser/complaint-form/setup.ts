/**
 * Shared set-up for the complaint form tests: the contract's MSW mocks over the demo region,
 * a form fixture signed in as a demo citizen, and helpers that act in its shadow DOM the way
 * a citizen would.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import { createMockBackend, fixtureIds, MOCK_API, MOCK_OPEN311, mockToken } from '../../../src/mocks/index.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../../src/widgets/complaint-form/define.js';
import type { VecheComplaintForm } from '../../../src/widgets/complaint-form/veche-complaint-form.js';

export { fixtureIds, MOCK_API, MOCK_OPEN311 };
export const backend = createMockBackend();
export const NEWCOMER = fixtureIds.citizens.newcomer;
export const POTHOLE = fixtureIds.services.withAttributes;
export const ELEVATOR = fixtureIds.services.withoutAttributes;

export const requests: Array<{ method: string; url: string; key: string | null; body?: string }> = [];
let listening = false;

export async function mocks(...front: RequestHandler[]) {
  const worker = await startMocks(...front, ...backend.handlers);
  if (!listening) {
    listening = true;
    worker.events.on('request:start', ({ request }) => {
      if (request.url.startsWith('https://mock.veche.test/')) {
        requests.push({ method: request.method, url: request.url.replace('https://mock.veche.test', ''), key: request.headers.get('Idempotency-Key') });
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

export function reset(): void {
  backend.reset();
  localStorage.clear();
}

export interface FormOptions {
  citizen?: string | null;
  locale?: string;
  flavor?: 'veche' | 'open311';
  api?: string;
  maxPhotos?: number;
}

export async function renderForm(options: FormOptions = {}): Promise<VecheComplaintForm> {
  const citizen = options.citizen === undefined ? NEWCOMER : options.citizen;
  const el = await fixture<VecheComplaintForm>(html`<veche-complaint-form
    api=${options.api ?? (options.flavor === 'open311' ? MOCK_OPEN311 : MOCK_API)}
    flavor=${options.flavor ?? 'veche'}
    locale=${options.locale ?? 'ru'}
    max-photos=${options.maxPhotos ?? 5}
    login-url="https://portal.example/login"
    privacy-url="https://portal.example/privacy"
    status-url="https://portal.example/complaints/{id}"
    .getToken=${citizen ? () => mockToken(citizen) : undefined}
  ></veche-complaint-form>`);
  await loaded(el);
  return el;
}

export async function loaded(el: VecheComplaintForm): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('form, [part~="confirmation"], [part~="queued"], [part~="sending"]'), 'the form did not load', { timeout: 6000 });
  await partsLoaded(el);
  // The categories past the first few come a few in each frame (FIRST_CATEGORIES): all of them,
  // as many as the search hint counts.
  const count = () => Number(/\d+/.exec(el.shadowRoot!.querySelector('#service-group')?.previousElementSibling?.querySelector('.hint')?.textContent ?? '')?.[0] ?? 0);
  await waitUntil(() => !el.shadowRoot!.querySelector('#service-group') || el.shadowRoot!.querySelectorAll('[part~="category"]').length >= count(), 'the categories never all came');
  await el.updateComplete;
}

/** The later steps and the result are loaded on demand; wait while one shows its loading state. */
export async function partsLoaded(el: VecheComplaintForm): Promise<void> {
  await waitUntil(() => !el.shadowRoot!.querySelector('.part-loading'), 'a part of the form did not load', { timeout: 6000 });
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
export const $$ = <T extends Element = HTMLInputElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T & Element>(selector)] as T[];
export const text = (el: Element, selector = 'section') => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const step = (el: Element) => text(el, '#step');

export async function settle(el: VecheComplaintForm): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await partsLoaded(el);
}

export async function next(el: VecheComplaintForm): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
  await settle(el);
}

/** Picks the category with this exact name. */
export async function chooseCategory(el: VecheComplaintForm, name: string): Promise<void> {
  const option = $$<HTMLLabelElement>(el, '[part~="category"]').find((l) => l.querySelector('.name')!.textContent!.trim() === name);
  if (!option) throw new Error(`no category "${name}"`);
  option.querySelector('input')!.click();
  await settle(el);
}

export async function type(el: VecheComplaintForm, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, selector)!;
  if (!field) throw new Error(`no field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(el);
}

/** Ticks (or picks) the option labelled `label` inside the field `selector`. */
export async function tick(el: VecheComplaintForm, selector: string, label: string): Promise<void> {
  const option = $$<HTMLLabelElement>(el, `${selector} label`).find((l) => l.textContent!.trim() === label);
  if (!option) throw new Error(`no option ${label} in ${selector}`);
  option.querySelector('input')!.click();
  await settle(el);
}

/** A PNG of `width`×`height` drawn on a canvas. */
export async function png(width: number, height: number, name = 'photo.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#3a7';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#a33';
  ctx.fillRect(0, 0, width / 2, height / 2);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

export async function attach(el: VecheComplaintForm, ...files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, '#photo-input')!;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

export async function photosDone(el: VecheComplaintForm, count: number): Promise<void> {
  await waitUntil(() => $$(el, '[part~="photo"].done').length === count, `expected ${count} uploaded photos`, { timeout: 6000 });
  await el.updateComplete;
}

/** Fills the pothole's details: every datatype, the required ones valid. */
export async function fillPothole(el: VecheComplaintForm, description = 'Глубокая яма на проезжей части у дома 12.'): Promise<void> {
  await type(el, '#attr-depth', '15');
  await tick(el, '#attr-lane', 'Правая полоса');
  await tick(el, '#attr-road_type', 'Городская улица');
  await type(el, '#attr-landmark', 'у аптеки');
  await type(el, '#attr-details', 'Яма заполнена водой');
  await type(el, '#attr-noticed_at', '2026-11-20T08:30');
  await type(el, '#description', description);
}

/** From the start to the review step of a pothole complaint at an address, without photos. */
export async function toReview(el: VecheComplaintForm, description?: string): Promise<void> {
  await chooseCategory(el, 'Яма на дороге');
  await next(el);
  await fillPothole(el, description);
  await next(el);
  await type(el, '#address', 'ул. Речная, 12');
  await next(el);
  await next(el);
}

export const complaintsWith = (description: string) => backend.db.complaints.filter((c) => c.description === description);

export const filed = (el: VecheComplaintForm) =>
  waitUntil(() => el.matches(':state(submitted)') && $(el, '#done'), 'the complaint was not filed', { timeout: 6000 });
