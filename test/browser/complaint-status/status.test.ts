import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { formatDate } from '../../../src/core/format.js';
import { scenarios } from '../../../src/mocks/index.js';
import { $, $$, DAY, MOCK_API, backend, complaintRecord, complaints, mocks, renderStatus, reset, text } from './setup.js';

describe('<veche-complaint-status> one complaint', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('shows the timeline of statuses with dates, the agency and the answer', async () => {
    const el = await renderStatus({ complaint: complaints.closed });
    const c = complaintRecord(complaints.closed);
    expect(el.matches(':state(complaint)')).to.be.true;
    expect(text(el, 'h2')).to.contain(c.trackingNumber);
    const steps = $$(el, '.timeline li');
    expect(steps.map((li) => li.querySelector('.event-status')!.textContent)).to.deep.equal([
      'Направлено в ведомство',
      'В работе',
      'Решено ведомством',
      'Закрыто',
    ]);
    expect(steps[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(c.history[0]!.at);
    expect(steps[0]!.querySelector('time')!.textContent).to.match(/\d{4}/);
    expect(text(el, '[part~="answer"]')).to.contain(c.answer!.text);
    expect(text(el, '[part~="badge"]')).to.equal('Закрыто');
    expect($(el, '[part~="countdown"]'), 'no countdown once closed').to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows the agency answer photos and renders user and agency text as text', async () => {
    const c = complaintRecord(complaints.closed);
    const attack = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    c.description = `Яма ${attack}`;
    c.answer!.text = `Ответ ${attack}`;
    c.confirmation = { outcome: 'confirmed', comment: attack, at: c.createdAt };
    const media = { id: 'm-test', citizenId: 'staff-roads', contentType: 'image/png' as const, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), createdAt: c.createdAt };
    backend.db.media.set(media.id, media);
    backend.db.complaintMedia.set(c.id, { citizen: [], answer: [media.id], confirmation: [] });
    const el = await renderStatus({ complaint: complaints.closed });
    expect(text(el, '.description')).to.contain('<img src=x');
    expect(text(el, '[part~="answer"]')).to.contain('<script>');
    expect(text(el)).to.contain('onerror');
    const photos = $$<HTMLImageElement>(el, '[part~="answer"] img');
    expect(photos).to.have.length(1);
    expect(photos[0]!.src).to.equal(`${MOCK_API}/media/m-test`);
    expect(photos[0]!.alt).to.equal('Фото из ответа ведомства, 1');
    expect($$(el, 'img').length, 'only the real photo is an image').to.equal(1);
    expect($(el, 'script')).to.be.null;
    expect((window as { __xss?: number }).__xss).to.be.undefined;
  });

  it('shows "not found" for an unknown id and an error with retry when the backend fails', async () => {
    const missing = await renderStatus({ complaint: 'c9999' });
    expect(missing.matches(':state(not-found)')).to.be.true;
    expect(text(missing)).to.contain('Обращение не найдено');
    await expect(missing).to.be.accessible();

    await mocks(...scenarios.serverError());
    const errors: string[] = [];
    document.addEventListener('veche-error', (e) => errors.push(e.detail.code), { once: true });
    const failing = await renderStatus({ complaint: complaints.submitted, loaded: false });
    await waitUntil(() => failing.matches(':state(error)'), 'no error state', { timeout: 8000 });
    expect(errors).to.deep.equal(['server']);
    await mocks();
    $<HTMLButtonElement>(failing, '[part~="retry"]')!.click();
    await waitUntil(() => failing.matches(':state(complaint)'), 'the retry did not load it', { timeout: 6000 });
  });

  it('asks for a complaint or "mine" when neither is set', async () => {
    const el = await renderStatus({ loaded: false });
    await el.updateComplete;
    expect(el.matches(':state(misconfigured)')).to.be.true;
    await expect(el).to.be.accessible();
  });
});

describe('<veche-complaint-status> deadline countdown', () => {
  const realNow = Date.now;
  let due = 0;

  beforeEach(async () => {
    reset();
    await mocks();
    due = Date.parse(backend.db.complaintView(complaintRecord(complaints.submitted), null, MOCK_API).dueAt);
  });
  afterEach(() => {
    Date.now = realNow;
  });

  /** The widget's clock `days` calendar days before (negative: after) the deadline, at the same hour. */
  const at = (days: number) => {
    Date.now = () => due - days * DAY;
  };

  for (const [days, expected] of [
    [1, 'Остался 1 день'],
    [2, 'Осталось 2 дня'],
    [5, 'Осталось 5 дней'],
    [21, 'Остался 21 день'],
    [11, 'Осталось 11 дней'],
  ] as const) {
    it(`says "${expected}" ${days} days before the deadline`, async () => {
      at(days);
      const el = await renderStatus({ complaint: complaints.submitted });
      expect(text(el, '[part~="countdown"] strong')).to.equal(expected);
      expect($(el, '[part~="countdown"]')!.classList.contains('overdue')).to.be.false;
    });
  }

  it('says when the deadline is today and how long it is overdue', async () => {
    Date.now = () => due - 60_000;
    const today = await renderStatus({ complaint: complaints.submitted });
    expect(text(today, '[part~="countdown"] strong')).to.equal('Срок ответа истекает сегодня');

    at(-3);
    const late = await renderStatus({ complaint: complaints.submitted });
    expect(text(late, '[part~="countdown"] strong')).to.equal('Срок ответа просрочен на 3 дня');
    expect($(late, '[part~="countdown"]')!.classList.contains('overdue')).to.be.true;
    at(-1);
    const oneDay = await renderStatus({ complaint: complaints.submitted });
    expect(text(oneDay, '[part~="countdown"] strong')).to.equal('Срок ответа просрочен на 1 день');
    await expect(oneDay).to.be.accessible();
  });

  it('uses English and Tatar plurals', async () => {
    at(1);
    const en = await renderStatus({ complaint: complaints.submitted, locale: 'en' });
    await waitUntil(() => text(en, '[part~="countdown"] strong') === '1 day left', 'no English countdown');
    at(5);
    const en5 = await renderStatus({ complaint: complaints.submitted, locale: 'en' });
    await waitUntil(() => text(en5, '[part~="countdown"] strong') === '5 days left', 'no English plural');
    const tt = await renderStatus({ complaint: complaints.submitted, locale: 'tt' });
    await waitUntil(() => /калды$/.test(text(tt, '[part~="countdown"] strong')), 'no Tatar countdown');
  });

  it('speaks to kids when the theme includes kids, in Russian and English, with the same deadline (Active Citizen Kids)', async () => {
    at(-3);
    const el = await renderStatus({ complaint: complaints.submitted });
    const countdown = () => text(el, '[part~="countdown"]');
    expect(countdown()).to.equal(`Срок ответа просрочен на 3 дня (Срок ответа — ${formatDate('ru', due)})`);
    el.setAttribute('theme', 'kids');
    await waitUntil(() => countdown() === `Ответ опаздывает на 3 дня (последний день для ответа — ${formatDate('ru', due)})`, 'no kids wording in Russian');
    expect(text(el, '[part~="badge"]')).to.equal('Отправлено в городскую службу');
    el.setAttribute('locale', 'en');
    await waitUntil(() => countdown() === `The answer is 3 days late (last day for an answer: ${formatDate('en', due)})`, 'no kids wording in English');
    expect(text(el, '[part~="badge"]')).to.equal('Sent to the city service');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await renderStatus({ complaint: complaints.disputed });
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
