import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { formatDate } from '../../../src/core/format.js';
import type { VecheComplaintForm } from '../../../src/widgets/complaint-form/veche-complaint-form.js';
import { backend, chooseCategory, complaintsWith, filed, fillPothole, mocks, next, renderForm, reset, settle, step, text, tick, type } from './setup.js';

const active = (el: VecheComplaintForm) => el.shadowRoot!.activeElement as HTMLElement | null;

async function tabTo(el: VecheComplaintForm, found: (e: HTMLElement) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: 'Tab' });
    const now = active(el);
    if (now && found(now)) return;
  }
  throw new Error('could not reach the control by keyboard');
}

describe('<veche-complaint-form> keyboard and locales', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('can be completed with the keyboard alone', async function () {
    this.timeout(20000);
    const el = await renderForm();
    el.focus();
    await tabTo(el, (e) => e.id === 'search');
    await sendKeys({ type: 'лифт' });
    await settle(el);
    await sendKeys({ press: 'Tab' });
    expect((active(el) as HTMLInputElement).value).to.equal('housing-elevator');
    await sendKeys({ press: 'Space' });
    await tabTo(el, (e) => e.getAttribute('part') === 'submit');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(step(el)).to.contain('Подробности');
    await tabTo(el, (e) => e.id === 'description');
    await sendKeys({ type: 'Лифт стоит, всё с клавиатуры.' });
    await tabTo(el, (e) => e.getAttribute('part') === 'submit');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(el, (e) => e.id === 'address');
    await sendKeys({ type: 'ул. Речная, 12' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(step(el)).to.contain('Фотографии');
    await tabTo(el, (e) => e.getAttribute('part') === 'submit');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(el, (e) => e.id === 'consent');
    await sendKeys({ press: 'Space' });
    await tabTo(el, (e) => e.getAttribute('part') === 'submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.matches(':state(submitted)'), 'not filed by keyboard');
    expect(backend.db.complaints.filter((c) => c.description === 'Лифт стоит, всё с клавиатуры.')).to.have.length(1);
  });

  it('speaks English and Tatar, with their plurals', async () => {
    let el = await renderForm({ locale: 'en' });
    await waitUntil(() => text(el).includes('Report a problem'));
    expect(text(el)).to.contain('answer within 10 working days').and.contain('answer within 1 working day');
    await expect(el).to.be.accessible();
    el = await renderForm({ locale: 'tt' });
    await waitUntil(() => text(el).includes('Проблема турында хәбәр итү'));
    expect(text(el)).to.contain('10 эш көне эчендә җавап');
  });

  it('speaks to kids when the theme includes kids, in Russian and Tatar, keeping the service and its deadline (Active Citizen Kids)', async () => {
    const el = await renderForm();
    const title = () => text(el, '#title');
    expect(title()).to.equal('Сообщить о проблеме');
    el.setAttribute('theme', 'kids');
    await waitUntil(() => title() === 'Сообщи городу о проблеме', 'no kids wording in Russian');
    expect(step(el)).to.equal('Шаг 1 из 5: Что случилось');
    expect(text(el)).to.contain('должны ответить за 10 рабочих дней').and.contain('должны ответить за 1 рабочий день');
    el.setAttribute('locale', 'tt');
    await waitUntil(() => title() === 'Шәһәргә проблема турында хәбәр ит', 'no kids wording in Tatar');
    expect(text(el)).to.contain('10 эш көне эчендә җавап бирергә тиешләр');
    el.removeAttribute('theme');
    await waitUntil(() => title() === 'Проблема турында хәбәр итү', 'the kids wording stayed after the theme changed');
  });

  it('speaks to kids on the later steps and the result too, in Russian and English, keeping the passport warning, the consent and the last day for the answer (Active Citizen Kids)', async function () {
    this.timeout(20000);
    const el = await renderForm();
    el.setAttribute('theme', 'kids');
    await waitUntil(() => text(el, '#title') === 'Сообщи городу о проблеме', 'no kids wording on the first step');
    await chooseCategory(el, 'Яма на дороге');
    await next(el);
    expect(step(el)).to.equal('Шаг 2 из 5: Расскажи подробнее');
    await waitUntil(() => text(el, '#description-hint') === 'Что случилось и где именно. Не пиши здесь паспортные данные.', 'no kids wording on the details step');
    await type(el, '#description', 'Яма');
    await next(el);
    expect(text(el, '#description-error')).to.equal('Напиши подробнее: не меньше 10 символов.');
    await fillPothole(el);
    await next(el);
    expect(text(el, 'label[for="address"]')).to.equal('Адрес или заметное место рядом');
    expect(text(el, '#locate')).to.equal('Определить, где я');
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    expect(text(el, '#photos-hint')).to.equal('Можно добавить до 5 фото. Большие фото мы уменьшим перед отправкой.');
    await next(el);
    expect(text(el, '.identity .hint')).to.equal('Это данные из твоего профиля на портале. Сообщение властям нельзя отправить без имени.');
    await next(el);
    expect(text(el, '#consent-error')).to.equal('Отметь согласие на обработку персональных данных: без него сообщение не смогут рассмотреть.');
    await expect(el).to.be.accessible();

    el.setAttribute('locale', 'en');
    await waitUntil(() => text(el, '.identity h3') === 'The answer will go to', 'no kids wording on the review step in English');
    expect(text(el, '.identity .hint')).to.equal('This comes from your portal profile. A report to the authorities can’t be sent without your name.');
    await tick(el, '.field', 'I agree to the processing of my personal data to handle this report');
    await next(el);
    await filed(el);
    const [complaint] = complaintsWith('Глубокая яма на проезжей части у дома 12.');
    const result = text(el, '[part~="confirmation"] .review');
    expect(result).to.contain('Report number').and.contain(complaint!.trackingNumber).and.contain('Service');
    expect(result).to.contain(`Last day for an answer${formatDate('en', backend.db.dueAt(complaint!))}`);
    expect(text(el, '[part~="confirmation"]')).to.match(/You got \d+ points?!/);
    await expect(el).to.be.accessible();
  });
});
