import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { $, $$, backend, chooseCategory, fillPothole, MOCK_OPEN311, mocks, next, renderForm, reset, settle, step, text, tick, type } from './setup.js';

const CONSENT = 'Я согласен на обработку моих персональных данных для рассмотрения обращения';

describe('<veche-complaint-form flavor="open311">', () => {
  let bodies: string[] = [];
  beforeEach(async () => {
    reset();
    bodies = [];
    await mocks(
      http.post(`${MOCK_OPEN311}/requests.json`, async ({ request }) => {
        bodies.push(await request.clone().text());
        return undefined;
      }),
    );
  });

  it('files through services.json, services/{code}.json and a form-encoded requests.json', async () => {
    const submitted: CustomEvent[] = [];
    addEventListener('veche-complaint-submitted', (e) => submitted.push(e), { once: true });
    const el = await renderForm({ flavor: 'open311' });
    expect(step(el)).to.equal('Шаг 1 из 4: Категория');
    await chooseCategory(el, 'Яма на дороге');
    await next(el);
    await waitUntil(() => $(el, '#attr-depth'), 'attributes from services/road-pothole.json');
    await fillPothole(el, 'Яма через Open311, у дома 12.');
    await next(el);
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    expect(step(el)).to.equal('Шаг 4 из 4: Проверка');
    await tick(el, '.field', CONSENT);
    await next(el);
    await waitUntil(() => el.matches(':state(submitted)'), 'not filed');
    await settle(el);
    const form = new URLSearchParams(bodies[0]);
    expect(form.get('api_key')).to.equal('mock:olga');
    expect(form.get('service_code')).to.equal('road-pothole');
    expect(form.get('address_string')).to.equal('ул. Речная, 12');
    expect(form.get('attribute[depth]')).to.equal('15');
    expect(form.getAll('attribute[lane][]')).to.deep.equal(['right']);
    const complaint = backend.db.complaints.find((c) => c.description === 'Яма через Open311, у дома 12.')!;
    expect(complaint.attributes).to.deep.include({ depth: 15, road_type: 'city', lane: ['right'] });
    expect(text(el, '[part~="confirmation"]')).to.contain(complaint.id).and.contain('Управление дорожного хозяйства');
    expect(submitted[0]!.detail).to.deep.include({ complaint: complaint.id, service: 'road-pothole' });
    await expect(el).to.be.accessible();
  });

  it('shows Open311 error arrays next to the fields', async () => {
    await mocks(http.post(`${MOCK_OPEN311}/requests.json`, () => HttpResponse.json([{ code: 400, description: 'attribute[depth]: глубина вне диапазона' }], { status: 400 }), { once: true }));
    const el = await renderForm({ flavor: 'open311' });
    await chooseCategory(el, 'Яма на дороге');
    await next(el);
    await waitUntil(() => $(el, '#attr-depth'));
    await fillPothole(el, 'Яма, которую Open311 не принял.');
    await next(el);
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    await tick(el, '.field', CONSENT);
    await next(el);
    await waitUntil(() => $(el, '#attr-depth-error'), 'the Open311 error was not shown at its field');
    expect(text(el, '#attr-depth-error')).to.contain('глубина вне диапазона');
    expect($$(el, '[part~="error-summary"] a').map((a) => a.textContent)).to.deep.equal(['глубина вне диапазона']);
  });
});
