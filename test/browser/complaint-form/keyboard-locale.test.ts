import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VecheComplaintForm } from '../../../src/widgets/complaint-form/veche-complaint-form.js';
import { backend, mocks, renderForm, reset, settle, step, text } from './setup.js';

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
});
