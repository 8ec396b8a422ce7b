import { expect, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse, passthrough } from 'msw';
import { $, buttonNamed, complaints, DAY, makeConfirmable, MOCK_API, mocks, renderStatus, reset, text, useOnly } from './setup.js';

/** The parts load from the dev server like any module; MSW slows one down or cuts it off. */
const slow = (file: string) => http.get(`*/complaint-status/${file}`, async () => (await delay(400), passthrough()));
const cut = (file: string) => http.get(`*/complaint-status/${file}`, () => HttpResponse.error());

// The order matters: a module that has loaded once stays loaded on this page.
describe('<veche-complaint-status> lazily loaded parts', () => {
  beforeEach(() => reset());

  it('keeps the loading state, with its space reserved, until the complaint card has loaded', async () => {
    await mocks(slow('complaint-view.ts'));
    const el = await renderStatus({ complaint: complaints.inProgress, loaded: false });
    await waitUntil(() => el.matches(':state(loading)') && $(el, '[aria-busy="true"]'), 'no loading state');
    expect($(el, '.frame')!.getBoundingClientRect().height, 'space reserved').to.be.greaterThan(100);
    await waitUntil(() => el.matches(':state(complaint)'), 'the card did not arrive', { timeout: 6000 });
    expect($(el, '[aria-busy="true"]')).to.be.null;
    expect(text(el)).to.contain('Ход рассмотрения');
  });

  it('offline, a part that fails to load promises nothing it will not do', async () => {
    makeConfirmable();
    await mocks(cut('confirmation.ts'));
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const el = await renderStatus({ complaint: complaints.resolved, loaded: false });
      await waitUntil(() => $(el, '[part~="error"] [part~="retry"]'), 'no error with a retry');
      // Nothing was typed or queued here: "saved and sent when the connection returns" would be untrue.
      expect(text(el, '[part~="error"]')).to.contain('Нет связи с сервером').and.not.contain('будет отправлено');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('shows the standard error with a working retry when the confirmation part fails, and keeps the dispute draft', async () => {
    makeConfirmable();
    const draftKey = `veche:draft:complaint-dispute:${MOCK_API}#${complaints.resolved}`;
    localStorage.setItem(draftKey, JSON.stringify({ value: { comment: 'Яма осталась' }, savedAt: Date.now() - DAY / 24 }));
    await mocks(cut('confirmation.ts'));
    const el = await renderStatus({ complaint: complaints.resolved, loaded: false });
    await waitUntil(() => $(el, '[part~="error"] [part~="retry"]'), 'no error with a retry');
    expect(text(el)).to.contain('Обращение'); // the complaint itself is shown
    expect(text(el, '[part~="error"]'), 'core\'s message for a failed import').to.contain('Нет связи с сервером');
    await expect(el).to.be.accessible();
    expect(localStorage.getItem(draftKey), 'the draft is kept').to.contain('Яма осталась');

    await useOnly();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => $(el, 'textarea'), 'the retry did not load the dispute form', { timeout: 6000 });
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Яма осталась');
    expect(buttonNamed(el, 'Оспорить решение')).to.exist;
  });

});
