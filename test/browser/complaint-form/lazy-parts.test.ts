import { expect, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse, passthrough } from 'msw';
import { $, ELEVATOR, MOCK_API, mocks, renderForm, reset, step, text, useOnly } from './setup.js';

const DRAFT_KEY = `veche:draft:complaint:veche:${MOCK_API}`;
/** The parts load from the dev server like any module; MSW slows one down or cuts it off. */
const slow = (file: string) => http.get(`*/complaint-form/${file}`, async () => (await delay(400), passthrough()));
const cut = (file: string) => http.get(`*/complaint-form/${file}`, () => HttpResponse.error());

function draftOnDetails(description: string): void {
  localStorage.setItem(
    DRAFT_KEY,
    JSON.stringify({ value: { step: 1, service: ELEVATOR, values: {}, description, address: '', photos: [], consent: false, key: crypto.randomUUID() }, savedAt: Date.now() }),
  );
}

// The order matters: a module that has loaded once stays loaded on this page.
describe('<veche-complaint-form> lazily loaded steps', () => {
  beforeEach(() => reset());

  it('a failed load of the later steps shows the standard error with a retry, and the draft is kept', async () => {
    const description = 'Лифт стоит третий день, третий подъезд.';
    draftOnDetails(description);
    await mocks(cut('steps.ts'));
    const el = await renderForm().catch(() => undefined);
    const form = el ?? (document.querySelector('veche-complaint-form') as NonNullable<typeof el>);
    await waitUntil(() => $(form, '[part~="error"] [part~="retry"]'), 'no error with a retry');
    expect(step(form)).to.contain('Шаг 2');
    expect(text(form, '[part~="error"]'), 'core\'s message for a failed import').to.contain('Нет связи с сервером');
    await expect(form).to.be.accessible();
    expect(localStorage.getItem(DRAFT_KEY), 'the draft is kept').to.contain(description);

    await useOnly();
    $<HTMLButtonElement>(form, '[part~="retry"]')!.click();
    await waitUntil(() => $(form, '#description'), 'the retry did not load the step', { timeout: 6000 });
    expect($<HTMLTextAreaElement>(form, '#description')!.value).to.equal(description);
  });

  it('shows the loading state, space reserved, while the result loads after a submit', async () => {
    localStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({
        value: { step: 4, service: ELEVATOR, values: {}, description: 'Лифт стоит третий день.', address: 'ул. Речная, 12', photos: [], consent: true, key: crypto.randomUUID() },
        savedAt: Date.now(),
      }),
    );
    await mocks(slow('result.ts'));
    const el = await renderForm();
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await waitUntil(() => el.matches(':state(submitted)'), 'not filed');
    const loading = $(el, '.part-loading[aria-busy="true"]');
    expect(loading, 'the loading state').to.exist;
    expect(loading!.getBoundingClientRect().height).to.be.greaterThan(40);
    await waitUntil(() => $(el, '[part~="confirmation"]'), 'the result did not arrive', { timeout: 6000 });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'done', 'focus is not on the result');
  });
});
