/**
 * The result embeds `<veche-complaint-status>` when that widget is on the page (defined here
 * only, so the other form tests keep a result without it).
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/widgets/complaint-status/define.js';
import { $, complaintsWith, filed, mocks, next, renderForm, reset, settle, text, toReview } from './setup.js';

describe('<veche-complaint-form> result with the complaint status', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('the status it embeds follows the form into kids mode and back: the form hands it its theme (Active Citizen Kids)', async function () {
    this.timeout(20000);
    const el = await renderForm();
    el.setAttribute('theme', 'kids');
    await waitUntil(() => text(el, '#title') === 'Сообщи городу о проблеме', 'no kids wording in the form');
    await toReview(el);
    $<HTMLInputElement>(el, '#consent')!.click();
    await settle(el);
    await next(el);
    await filed(el);
    const [complaint] = complaintsWith('Глубокая яма на проезжей части у дома 12.');
    const status = $(el, '[part~="confirmation"] veche-complaint-status')!;
    expect(status.getAttribute('complaint')).to.equal(complaint!.id);
    const title = () => text(status, '[part~="title"]');
    await waitUntil(() => title() === `Сообщение ${complaint!.trackingNumber}`, 'the embedded status did not speak to kids', { timeout: 6000 });
    expect(text(status, 'article')).to.contain('Служба: ').and.contain('последний день для ответа — ');
    await expect(el).to.be.accessible();

    el.removeAttribute('theme');
    await waitUntil(() => text(el, '[part~="confirmation"] dt') === 'Номер обращения', 'the form kept the kids wording');
    await waitUntil(() => title() === `Обращение ${complaint!.trackingNumber}`, 'the embedded status kept the kids wording after the form left kids mode');
    expect(status.hasAttribute('theme')).to.be.false;
  });
});
