/**
 * Core's failure handling (src/core/failure.ts) loads apart from every entry. Here its chunk
 * cannot load — offline, or a deploy replaced it — and the kit must still give a usable error
 * state: typed from the HTTP status alone, in a generic message, with its retry, and the sign-in
 * link for a 401. (Its own page: the import fails for every test in this file until the last.)
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../../src/core/api-client.js';
import { loadedFailureHandling, setFailureImport } from '../../../src/core/failure-handling.js';
import type { ApiError } from '../../../src/core/problem.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

const BASE = 'https://backend.test/api';
const GENERIC = 'Что-то пошло не так. Попробуйте ещё раз.';
let imports = 0;

describe('without the failure handling (its chunk could not load)', () => {
  before(() => {
    setFailureImport(() => {
      imports++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    });
  });

  it('a failed request is typed from its status alone and not retried', async () => {
    let calls = 0;
    await startMocks(
      http.get(`${BASE}/busy`, () => (calls++, HttpResponse.json({ detail: 'Обслуживание' }, { status: 503, headers: { 'Retry-After': '1' } }))),
      http.post(`${BASE}/complaints`, () =>
        HttpResponse.json({ status: 422, errors: [{ pointer: '/description', detail: 'Опишите проблему' }] }, { status: 422, headers: { 'Content-Type': 'application/problem+json' } }),
      ),
    );
    const client = new ApiClient({ baseUrl: BASE });
    const busy = (await client.get('/busy').catch((e: unknown) => e)) as ApiError;
    expect(busy.kind).to.equal('unavailable');
    expect(busy.status).to.equal(503);
    expect(busy.message).to.equal('HTTP 503');
    expect(calls).to.equal(1);
    const invalid = (await client.post('/complaints', {}, { idempotencyKey: 'k' }).catch((e: unknown) => e)) as ApiError;
    expect(invalid.kind).to.equal('validation');
    // The problem document is not read: no per-field messages, the general error still shows.
    expect(invalid.fieldErrors).to.deep.equal([]);
    expect(loadedFailureHandling()).to.be.undefined;
    expect(imports).to.be.greaterThan(0);
  });

  it('a widget shows a generic error with its retry, fires veche-error and announces it; the retry works', async () => {
    let fail = true;
    await startMocks(http.get(`${BASE}/me`, () => (fail ? new HttpResponse(null, { status: 500 }) : HttpResponse.json({ name: 'Анна' }))));
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api=${BASE}></veche-test-widget>`);
    setTimeout(() => void el.load());
    const event = await oneEvent(el, 'veche-error');
    expect(event.detail).to.include({ code: 'server', status: 500, message: GENERIC });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="error"] .status-title')?.textContent).to.equal(GENERIC);
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!;
    expect(retry.textContent).to.equal('Повторить');
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent === GENERIC, 'the error was not announced');
    await expect(el).to.be.accessible();
    fail = false;
    el.error = undefined;
    await el.load();
    expect(el.result).to.equal('{"name":"Анна"}');
  });

  it('a 401 still fires veche-auth-required and shows the sign-in link', async () => {
    await startMocks(http.get(`${BASE}/me`, () => new HttpResponse(null, { status: 401 })));
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api=${BASE} login-url="https://portal.example/login"></veche-test-widget>`);
    setTimeout(() => void el.load());
    const event = await oneEvent(el, 'veche-auth-required');
    expect(event.detail).to.deep.equal({ action: 'load', loginUrl: 'https://portal.example/login' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="sign-in-link"]'), 'no sign-in link');
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="sign-in-link"]')!.href).to.equal('https://portal.example/login');
    // Why to sign in ships with every entry: a signed-out citizen sees it without the failure handling.
    expect(el.shadowRoot!.querySelector('[part~="sign-in"] .status-title')?.textContent).to.equal('Нужно войти');
    await expect(el).to.be.accessible();
  });

  it('once the failure handling loads after all, the precise message replaces the generic one', async () => {
    await startMocks(http.get(`${BASE}/me`, () => new HttpResponse(null, { status: 404 })));
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api=${BASE}></veche-test-widget>`);
    await el.load();
    const title = () => el.shadowRoot!.querySelector('[part~="error"] .status-title')?.textContent;
    expect(title()).to.equal(GENERIC);
    setFailureImport(() => import('../../../src/core/failure.js'));
    el.requestUpdate(); // any later render asks for it again
    await waitUntil(() => title() === 'Не найдено. Возможно, ссылка устарела.', 'the precise message did not come');
  });
});
