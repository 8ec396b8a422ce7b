import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { problemResponse } from '../../../src/mocks/http.js';
import { scenarios } from '../../../src/mocks/index.js';
import type { VecheAgencyRating } from '../../../src/widgets/agency-rating/veche-agency-rating.js';
import { $, $$, backend, buttonNamed, choose, complaintRecord, complaints, loaded, makeConfirmable, MOCK_API, mocks, pngFile, renderStatus, requests, reset, text, useOnly } from './setup.js';

const confirmations = (id: string) => requests.filter((r) => r.method === 'POST' && r.path === `/complaints/${id}/confirmation`);
const citizenEvents = (id: string) => complaintRecord(id).history.filter((h) => h.actor === 'citizen').length;

describe('<veche-complaint-status> confirm or dispute a fix', () => {
  const id = complaints.resolved;

  beforeEach(async () => {
    reset();
    makeConfirmable(id);
    await mocks();
  });

  it('lets the author confirm the fix, fires the event and offers the agency rating', async function () {
    this.timeout(20_000);
    const el = await renderStatus({ complaint: id });
    expect(el.matches(':state(confirmable)')).to.be.true;
    expect(text(el, '[part~="confirm"]')).to.contain('Подтвердите или оспорьте решение до');
    await expect(el).to.be.accessible();

    const event = oneEvent(el, 'veche-complaint-confirmed');
    buttonNamed(el, 'Да, проблема решена')!.click();
    const { detail } = await event;
    expect(detail).to.deep.equal({ complaint: id, trackingNumber: complaintRecord(id).trackingNumber, agency: 'improvement', outcome: 'confirmed' });
    expect(complaintRecord(id).status).to.equal('closed');
    expect(confirmations(id)).to.have.length(1);
    expect(confirmations(id)[0]!.key).to.be.a('string').and.not.empty;
    await el.updateComplete;
    expect(text(el, '[part~="outcome"]')).to.contain('обращение закрыто');
    expect(el.shadowRoot!.activeElement?.id).to.equal(`outcome-${id}`);
    expect(text(el, '[part~="badge"]')).to.equal('Закрыто');

    const rating = $<VecheAgencyRating>(el, 'veche-agency-rating')!;
    expect(rating.getAttribute('agency')).to.equal('improvement');
    expect(rating.getAttribute('complaint')).to.equal(id);
    await waitUntil(() => customElements.get('veche-agency-rating') && rating.shadowRoot?.querySelector('input[name="stars"]'), 'the rating form was not offered', { timeout: 6000 });
    await expect(el).to.be.accessible();
  });

  it('speaks to kids in the panel when only the status has theme="kids", in Russian and English; the answers do the same, and the rating form it offers follows (Active Citizen Kids)', async function () {
    this.timeout(20_000);
    const el = await renderStatus({ complaint: id });
    expect(text(el, '[part~="confirm"]')).to.contain('Подтвердите или оспорьте решение до');
    el.setAttribute('theme', 'kids');
    await waitUntil(() => buttonNamed(el, 'Да, всё исправили'), 'no kids wording in Russian');
    expect(text(el, '[part~="confirm"]')).to.contain('Служба сообщила, что проблема решена. До ').and.contain(' ответь: так ли это?');
    buttonNamed(el, 'Нет, не исправили')!.click();
    await el.updateComplete;
    expect(text(el, `label[for="comment-${id}"]`)).to.contain('Твой комментарий для службы');
    buttonNamed(el, 'Не согласиться с решением')!.click();
    await el.updateComplete;
    expect(text(el, '.field-error')).to.equal('Напиши, что не сделано, — служба получит твой комментарий.');
    expect(confirmations(id)).to.have.length(0);
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Отмена')!.click();
    await el.updateComplete;

    el.setAttribute('locale', 'en');
    await waitUntil(() => buttonNamed(el, 'Yes, it’s fixed'), 'no kids wording in English');
    const event = oneEvent(el, 'veche-complaint-confirmed');
    buttonNamed(el, 'Yes, it’s fixed')!.click();
    expect((await event).detail.outcome).to.equal('confirmed');
    expect(complaintRecord(id).status).to.equal('closed');
    expect(confirmations(id)).to.have.length(1);
    await el.updateComplete;
    expect(text(el, '[part~="outcome"]')).to.equal('Thank you! You said it’s fixed, so the report is closed.');
    expect(text(el, '.rate > p')).to.equal('Rate how well the service dealt with your report.');
    // The status hands its theme to the rating form it embeds, so the form speaks to kids too.
    const rating = $<VecheAgencyRating>(el, 'veche-agency-rating')!;
    const rateTitle = () => text(rating, '#rate');
    await waitUntil(() => rateTitle() === 'How well did they fix it?', 'the rating form did not follow the status into kids mode', { timeout: 6000 });
    await expect(el).to.be.accessible();
    el.removeAttribute('theme');
    await waitUntil(() => text(el, '.rate > p') === 'Rate how the agency handled your complaint.', 'the kids wording stayed after the theme changed');
    await waitUntil(() => rateTitle() === 'Rate this agency', 'the rating form kept the kids wording after the status left kids mode');
  });

  it('disputes with a required comment and a photo uploaded to /media', async function () {
    this.timeout(15_000);
    const el = await renderStatus({ complaint: id });
    buttonNamed(el, 'Нет, не решена')!.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(el.shadowRoot!.activeElement).to.equal(textarea);

    buttonNamed(el, 'Оспорить решение')!.click();
    await el.updateComplete;
    expect(text(el, '.field-error')).to.contain('Опишите, что не сделано');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(confirmations(id)).to.have.length(0);
    await expect(el).to.be.accessible();

    const fileInput = $<HTMLInputElement>(el, 'input[type="file"]')!;
    choose(fileInput, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await el.updateComplete;
    expect(text(el, '[id^="photo-error"]')).to.contain('только изображение');
    expect(requests.filter((r) => r.path === '/media')).to.have.length(0);

    choose($<HTMLInputElement>(el, 'input[type="file"]')!, await pngFile());
    await waitUntil(() => $(el, '.attached img'), 'the photo was not attached', { timeout: 5000 });
    const media = [...backend.db.media.values()];
    expect(media).to.have.length(1);
    expect(media[0]!.contentType).to.equal('image/png');

    textarea.value = 'Фонарь снова не горит <b>вечером</b>';
    textarea.dispatchEvent(new Event('input'));
    const event = oneEvent(el, 'veche-complaint-disputed');
    buttonNamed(el, 'Оспорить решение')!.click();
    expect((await event).detail.outcome).to.equal('disputed');
    const record = complaintRecord(id);
    expect(record.status).to.equal('disputed');
    expect(record.confirmation!.comment).to.equal('Фонарь снова не горит <b>вечером</b>');
    await waitUntil(() => confirmations(id)[0]?.body, 'no body logged');
    expect(confirmations(id)[0]!.body).to.deep.equal({ outcome: 'disputed', comment: 'Фонарь снова не горит <b>вечером</b>', mediaIds: [media[0]!.id] });
    await el.updateComplete;
    expect(text(el, '[part~="outcome"]')).to.contain('вернулось в ведомство');
    expect(text(el, '[part~="badge"]')).to.equal('Оспорено');
    expect($(el, 'b'), 'the comment is text').to.be.null;
    expect(Object.keys(localStorage).filter((k) => k.includes('draft:')), 'the draft is gone').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('disputes with two photos: both ids are sent and both photos show on the dispute in the timeline', async function () {
    this.timeout(15_000);
    const el = await renderStatus({ complaint: id });
    buttonNamed(el, 'Нет, не решена')!.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.value = 'Фонарь горит через раз';
    textarea.dispatchEvent(new Event('input'));
    choose($<HTMLInputElement>(el, 'input[type="file"]')!, await pngFile('утро.png'), await pngFile('вечер.png'));
    await waitUntil(() => $$(el, '.attached img').length === 2, 'the photos were not attached', { timeout: 5000 });
    const uploaded = [...backend.db.media.values()].map((m) => m.id);
    expect(uploaded).to.have.length(2);
    expect(new Set(requests.filter((r) => r.path === '/media').map((r) => r.key)).size, 'one key per photo').to.equal(2);
    expect($$<HTMLImageElement>(el, '.attached img').map((img) => img.alt)).to.deep.equal(['Приложенное фото 1', 'Приложенное фото 2']);
    await expect(el).to.be.accessible();

    const event = oneEvent(el, 'veche-complaint-disputed');
    buttonNamed(el, 'Оспорить решение')!.click();
    await event;
    await waitUntil(() => confirmations(id)[0]?.body, 'no body logged');
    expect(confirmations(id)[0]!.body).to.deep.equal({ outcome: 'disputed', comment: 'Фонарь горит через раз', mediaIds: uploaded });
    await el.updateComplete;
    const dispute = $$(el, '[part~="timeline"] li').find((li) => li.classList.contains('disputed'))!;
    const images = [...dispute.querySelectorAll<HTMLImageElement>('img')];
    expect(images.map((img) => img.src)).to.deep.equal(uploaded.map((m) => `${MOCK_API}/media/${m}`));
    expect(images.map((img) => img.alt)).to.deep.equal(['Фото к оспариванию решения, 1', 'Фото к оспариванию решения, 2']);
    await waitUntil(() => images.every((img) => img.complete && img.naturalWidth > 0), 'the dispute photos did not load', { timeout: 5000 });
    await expect(el).to.be.accessible();
  });

  it('takes at most five dispute photos; a failed upload is retried with its own key or removed', async function () {
    this.timeout(15_000);
    let failing = true;
    await mocks(
      http.post(`${MOCK_API}/media`, () =>
        failing ? HttpResponse.json({ type: 'https://veche.dev/problems/payload-too-large', title: 'Слишком большой файл', status: 413 }, { status: 413, headers: { 'Content-Type': 'application/problem+json' } }) : undefined,
      ),
    );
    const el = await renderStatus({ complaint: id });
    buttonNamed(el, 'Нет, не решена')!.click();
    await el.updateComplete;
    choose($<HTMLInputElement>(el, 'input[type="file"]')!, await pngFile('сбой.png'));
    await waitUntil(() => $(el, '.uploads li.failed'), 'the upload did not fail', { timeout: 5000 });
    expect(text(el, '.uploads li.failed')).to.contain('Фото сбой.png не загрузилось');
    await expect(el).to.be.accessible();
    failing = false;
    buttonNamed(el, 'Повторить')!.click();
    await waitUntil(() => $$(el, '.attached img').length === 1, 'the retry did not attach the photo', { timeout: 5000 });
    const tries = requests.filter((r) => r.path === '/media');
    expect(tries).to.have.length(2);
    expect(tries[0]!.key).to.equal(tries[1]!.key);

    const six = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pngFile(`${n}.png`)));
    choose($<HTMLInputElement>(el, 'input[type="file"]')!, ...six);
    await el.updateComplete;
    expect(text(el, '[id^="photo-error"]')).to.contain('не больше 5 фото');
    await waitUntil(() => $$(el, '.attached img').length === 5 && !$(el, '.uploads'), 'five photos were not attached', { timeout: 8000 });
    expect($(el, 'input[type="file"]'), 'no sixth photo').to.be.null;
    buttonNamed(el, 'Убрать фото 2')!.click();
    await el.updateComplete;
    expect($$(el, '.attached img')).to.have.length(4);
    expect($(el, 'input[type="file"]')).to.not.be.null;
    const attached = [...backend.db.media.values()].map((m) => m.id);
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.value = 'Не исправлено';
    textarea.dispatchEvent(new Event('input'));
    const event = oneEvent(el, 'veche-complaint-disputed');
    buttonNamed(el, 'Оспорить решение')!.click();
    await event;
    await waitUntil(() => confirmations(id)[0]?.body, 'no body logged');
    expect((confirmations(id)[0]!.body as { mediaIds: string[] }).mediaIds).to.deep.equal([attached[0], ...attached.slice(2)]);
  });

  it('shows the server refusing the dispute comment at the comment, marks it invalid and puts focus there (422)', async () => {
    await mocks(
      http.post(`${MOCK_API}/complaints/${id}/confirmation`, () =>
        problemResponse(422, 'validation', 'Проверьте поля', { extra: { errors: [{ pointer: '/comment', detail: 'Слишком много ссылок' }] } }),
        { once: true },
      ),
    );
    const el = await renderStatus({ complaint: id });
    buttonNamed(el, 'Нет, не решена')!.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.value = 'См. http://a.example http://b.example';
    textarea.dispatchEvent(new Event('input'));
    const refused = oneEvent(el, 'veche-error');
    buttonNamed(el, 'Оспорить решение')!.focus();
    buttonNamed(el, 'Оспорить решение')!.click();
    await refused;
    await waitUntil(() => $(el, 'textarea[aria-invalid="true"]'), 'the comment is not marked invalid');
    const field = $<HTMLTextAreaElement>(el, 'textarea')!;
    const described = field.getAttribute('aria-describedby')!.split(' ').map((ref) => text(el, `#${ref}`));
    expect(described).to.include('Слишком много ссылок');
    await waitUntil(() => el.shadowRoot!.activeElement === field, 'focus did not move to the comment');
    expect(document.activeElement).to.equal(el);
    expect($(el, '[part~="confirm"] [part~="error"]'), 'the general panel repeats the field error').to.not.exist;
    expect(confirmations(id)).to.have.length(1);
    expect(complaintRecord(id).status).to.equal('resolved');
    await expect(el).to.be.accessible();
  });

  it('keeps the dispute comment across a reload', async () => {
    const first = await renderStatus({ complaint: id });
    buttonNamed(first, 'Нет, не решена')!.click();
    await first.updateComplete;
    const textarea = $<HTMLTextAreaElement>(first, 'textarea')!;
    textarea.value = 'Не починили';
    textarea.dispatchEvent(new Event('input'));
    first.remove();

    const again = await renderStatus({ complaint: id });
    expect($<HTMLTextAreaElement>(again, 'textarea')?.value).to.equal('Не починили');
  });

  it('queues a confirmation during a network cut and sends it once when back online', async () => {
    await useOnly(...scenarios.offline());
    const el = await renderStatus({ complaint: id, loaded: false });
    await useOnly();
    await waitUntil(() => el.matches(':state(complaint)'), 'did not load', { timeout: 6000 });
    // The confirmation controls are a part of their own, rendered once their code is in.
    await loaded(el);
    await useOnly(...scenarios.offline());
    buttonNamed(el, 'Да, проблема решена')!.click();
    await waitUntil(() => el.matches(':state(queued)'), 'not queued', { timeout: 6000 });
    expect(text(el, '[part~="queued"]')).to.contain('будет отправлен');
    await expect(el).to.be.accessible();

    await useOnly();
    const confirmed = oneEvent(el, 'veche-complaint-confirmed');
    dispatchEvent(new Event('online'));
    await confirmed;
    expect(citizenEvents(id)).to.equal(1);
    const keys = new Set(confirmations(id).map((r) => r.key));
    expect(keys.size, 'every attempt carried the same key').to.equal(1);
    expect(el.matches(':state(queued)')).to.be.false;
  });

  it('explains when the complaint no longer waits for confirmation', async () => {
    const el = await renderStatus({ complaint: id });
    complaintRecord(id).status = 'closed';
    buttonNamed(el, 'Да, проблема решена')!.click();
    await waitUntil(() => $(el, '[part~="outcome"]'), 'no explanation', { timeout: 5000 });
    expect(text(el, '[part~="outcome"]')).to.contain('уже не ждёт подтверждения');
    await waitUntil(() => text(el, '[part~="badge"]') === 'Закрыто', 'not refreshed');
    expect($$(el, '[part~="confirm"]')).to.have.length(0);
  });

  it('says when the confirmation period is over', async () => {
    reset();
    await mocks();
    const el = await renderStatus({ complaint: complaints.confirmationExpired });
    expect(el.matches(':state(confirmable)')).to.be.false;
    expect(text(el)).to.contain('Срок подтверждения истёк');
    expect(buttonNamed(el, 'Да, проблема решена')).to.be.null;
  });

  it('shows no confirmation to someone who is not the author', async () => {
    const el = await renderStatus({ complaint: id, citizen: 'anna' });
    expect(el.matches(':state(confirmable)')).to.be.false;
    expect($(el, '[part~="confirm"]')).to.be.null;
  });
});
