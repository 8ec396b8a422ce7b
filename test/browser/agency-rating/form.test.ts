import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import { problemResponse } from '../../../src/mocks/http.js';
import { scenarios } from '../../../src/mocks/index.js';
import { $, $$, ANNA, backend, buttonNamed, fixtureIds, MOCK_API, mocks, renderRating, requests, reset, text, useOnly } from './setup.js';

/** anna's closed complaint handled by the roads agency, not rated yet. */
const CLOSED = fixtureIds.complaints.own.annaClosed;
const ratingPosts = () => requests.filter((r) => r.method === 'POST' && r.path === '/agencies/roads/ratings');
const starInputs = (el: Element) => $$<HTMLInputElement>(el, 'input[name="stars"]');

describe('<veche-agency-rating agency> rating form', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('asks a signed-out citizen to sign in instead of offering the form', async () => {
    const el = await renderRating({ agency: 'roads', citizen: null });
    await waitUntil(() => el.matches(':state(signed-out)'), 'no sign-in state');
    expect(text(el, '[part~="form"]')).to.contain('Чтобы оценить ведомство, войдите');
    expect($(el, '[part~="sign-in-link"]')).to.exist;
    expect(starInputs(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('explains why there is no form: no closed complaint with this agency', async () => {
    const el = await renderRating({ agency: 'housing' });
    await waitUntil(() => el.matches(':state(not-eligible)'), 'no eligibility');
    expect(text(el, '[part~="not-eligible"]')).to.contain('нет закрытых обращений');
    expect(starInputs(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('explains why there is no form: every closed complaint is rated already', async () => {
    const el = await renderRating({ agency: 'education' });
    await waitUntil(() => el.matches(':state(not-eligible)'), 'no eligibility');
    expect(text(el, '[part~="not-eligible"]')).to.contain('Одно обращение — одна оценка');
  });

  it('speaks to kids when the theme includes kids, in Russian and English: "how well did they fix it?" (Active Citizen Kids)', async () => {
    const el = await renderRating({ agency: 'roads', complaint: CLOSED });
    await waitUntil(() => el.matches(':state(eligible)'), 'the form is not offered');
    const title = () => text(el, '#rate');
    expect(title()).to.equal('Оцените работу ведомства');
    el.setAttribute('theme', 'kids');
    await waitUntil(() => title() === 'Как хорошо всё исправили?', 'no kids wording in Russian');
    expect(text(el, '[part~="form"]')).to.contain('Одно сообщение — одна оценка');
    el.setAttribute('locale', 'en');
    await waitUntil(() => title() === 'How well did they fix it?', 'no kids wording in English');
    await expect(el).to.be.accessible();
    el.removeAttribute('theme');
    await waitUntil(() => title() === 'Rate this agency', 'the kids wording stayed after the theme changed');
  });

  it('rates with the keyboard, sends once and then allows no second rating', async () => {
    const el = await renderRating({ agency: 'roads', complaint: CLOSED });
    await waitUntil(() => el.matches(':state(eligible)'), 'the form is not offered');
    const inputs = starInputs(el);
    expect(inputs.map((i) => i.labels![0]!.textContent!.trim())).to.deep.equal(['★1 из 5', '★2 из 5', '★3 из 5', '★4 из 5', '★5 из 5']);
    expect(text(el, '[part~="form"]')).to.contain(backend.db.complaints.find((c) => c.id === CLOSED)!.trackingNumber);
    await expect(el).to.be.accessible();

    inputs[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(inputs.findIndex((i) => i.checked)).to.equal(3);
    expect($$(el, '.star.on')).to.have.length(4);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(inputs.findIndex((i) => i.checked)).to.equal(2);

    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.focus();
    await sendKeys({ type: 'Дорогу починили' });
    expect(text(el, '#comment-count')).to.match(/^Осталось символов: 985 из 1\s000$/);

    const rated = oneEvent(el, 'veche-rating');
    const points = oneEvent(el, 'veche-points-change');
    buttonNamed(el, 'Отправить оценку')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await rated).detail).to.deep.equal({ agency: 'roads', complaint: CLOSED, stars: 3 });
    expect((await points).detail.reason).to.equal('rating');
    await waitUntil(() => el.matches(':state(sent)'), 'not sent');
    expect(text(el, '[part~="sent"]')).to.contain('Ваша оценка учтена');
    const record = backend.db.complaints.find((c) => c.id === CLOSED)!;
    expect(record.rating).to.include({ stars: 3, comment: 'Дорогу починили' });
    expect(ratingPosts()).to.have.length(1);
    await waitUntil(() => text(el, '[part~="summary"]').includes('1 оценка'), 'the record did not refresh');
    await expect(el).to.be.accessible();

    const again = await renderRating({ agency: 'roads', complaint: CLOSED });
    await waitUntil(() => again.matches(':state(not-eligible)'), 'a second rating is offered');
    expect(text(again, '[part~="not-eligible"]')).to.contain('Одно обращение — одна оценка');
  });

  it('requires a star and explains the server refusing a second rating (409)', async () => {
    const el = await renderRating({ agency: 'roads' });
    await waitUntil(() => el.matches(':state(eligible)'), 'the form is not offered');
    buttonNamed(el, 'Отправить оценку')!.click();
    await el.updateComplete;
    expect(text(el, '#stars-error')).to.equal('Выберите оценку от 1 до 5.');
    expect(el.shadowRoot!.activeElement).to.equal(starInputs(el)[0]);
    expect(ratingPosts()).to.have.length(0);

    // Rated meanwhile in another tab: the server refuses this one.
    backend.db.complaints.find((c) => c.id === CLOSED)!.rating = { stars: 5, comment: null, createdAt: new Date().toISOString() };
    starInputs(el)[4]!.click();
    buttonNamed(el, 'Отправить оценку')!.click();
    await waitUntil(() => el.matches(':state(refused)'), 'not refused');
    expect(text(el, '[part~="refused"]')).to.contain('повторную оценку сервер не принимает');
    expect(backend.db.complaints.find((c) => c.id === CLOSED)!.rating!.stars).to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('shows the server refusing the comment at the comment, marks it invalid and puts focus there (422)', async () => {
    await mocks(
      http.post(`${MOCK_API}/agencies/roads/ratings`, () =>
        problemResponse(422, 'validation', 'Проверьте поля', { extra: { errors: [{ pointer: '/comment', detail: 'Слишком много ссылок' }] } }),
        { once: true },
      ),
    );
    const el = await renderRating({ agency: 'roads' });
    await waitUntil(() => el.matches(':state(eligible)'), 'the form is not offered');
    starInputs(el)[3]!.click();
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.focus();
    await sendKeys({ type: 'См. http://a.example http://b.example' });
    const refused = oneEvent(el, 'veche-error');
    buttonNamed(el, 'Отправить оценку')!.click();
    await refused;
    await waitUntil(() => $(el, 'textarea[aria-invalid="true"]'), 'the comment is not marked invalid');
    const field = $<HTMLTextAreaElement>(el, 'textarea')!;
    const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => text(el, `#${id}`));
    expect(described).to.include('Слишком много ссылок');
    await waitUntil(() => el.shadowRoot!.activeElement === field, 'focus did not move to the comment');
    expect(document.activeElement).to.equal(el);
    expect($(el, '[part~="error"]'), 'the general panel repeats the field error').to.not.exist;
    expect(ratingPosts()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('keeps the rating through a network cut and sends it exactly once', async () => {
    const el = await renderRating({ agency: 'roads' });
    await waitUntil(() => el.matches(':state(eligible)'), 'the form is not offered');
    starInputs(el)[3]!.click();
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.value = 'Спасибо';
    textarea.dispatchEvent(new Event('input'));
    await useOnly(...scenarios.offline());
    buttonNamed(el, 'Отправить оценку')!.click();
    await waitUntil(() => el.matches(':state(queued)'), 'not queued', { timeout: 5000 });
    expect(text(el, '[part~="queued"]')).to.contain('будет отправлена');
    el.remove();

    await useOnly();
    const reloaded = await renderRating({ agency: 'roads' });
    await waitUntil(() => reloaded.matches(':state(sent)'), 'the queued rating was not sent after reload', { timeout: 6000 });
    const record = backend.db.complaints.find((c) => c.id === CLOSED)!;
    expect(record.rating).to.include({ stars: 4, comment: 'Спасибо' });
    expect(new Set(ratingPosts().map((r) => r.key)).size, 'one key for every attempt').to.equal(1);
    expect(ANNA).to.equal(record.citizenId);
  });
});
