import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http } from 'msw';
import { problemResponse } from '../../../src/mocks/http.js';
import { $, $$, attach, backend, chooseCategory, complaintsWith, filed, fillPothole, MOCK_API, mocks, NEWCOMER, next, photosDone, png, renderForm, requests, reset, settle, step, text, tick, toReview, type } from './setup.js';

describe('<veche-complaint-form> main flow', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('files a complaint step by step: category → details → location → photos → review → result', async () => {
    const submitted: CustomEvent[] = [];
    const points: CustomEvent[] = [];
    addEventListener('veche-complaint-submitted', (e) => submitted.push(e), { once: true });
    addEventListener('veche-points-change', (e) => points.push(e), { once: true });
    const el = await renderForm();

    // Category: grouped, searchable, agency and deadline with plurals.
    expect(step(el)).to.equal('Шаг 1 из 5: Категория');
    expect($$(el, '.group-title').map((h) => h.textContent)).to.include.members(['Дороги', 'ЖКХ', 'Экология']);
    const pothole = $$(el, '[part~="category"]').find((l) => l.textContent!.includes('Яма на дороге'))!;
    expect(pothole.textContent).to.contain('Упрдор').and.contain('ответ в течение 10 рабочих дней');
    const elevator = $$(el, '[part~="category"]').find((l) => l.textContent!.includes('Не работает лифт'))!;
    expect(elevator.textContent).to.contain('ответ в течение 1 рабочего дня');
    const lights = $$(el, '[part~="category"]').find((l) => l.textContent!.includes('Неисправный светофор'))!;
    expect(lights.textContent).to.contain('ответ в течение 2 рабочих дней');
    await type(el, '#search', 'асфальт');
    expect($$(el, '[part~="category"]').map((l) => l.querySelector('.name')!.textContent)).to.deep.equal(['Яма на дороге']);
    expect(text(el, '.field .hint')).to.equal('Найдена 1 категория');
    await expect(el).to.be.accessible();
    await chooseCategory(el, 'Яма на дороге');
    await next(el);

    // Details: the category's attributes, every datatype, and the description with its counter.
    expect(step(el)).to.equal('Шаг 2 из 5: Подробности');
    expect($(el, '#attr-depth')!.getAttribute('inputmode')).to.equal('decimal');
    expect($$(el, '#attr-lane input[type=checkbox]')).to.have.length(4);
    expect($$(el, '#attr-road_type input[type=radio]')).to.have.length(3);
    expect($(el, 'input#attr-landmark')).to.exist;
    expect($(el, 'textarea#attr-details')).to.exist;
    expect($<HTMLInputElement>(el, '#attr-noticed_at')!.type).to.equal('datetime-local');
    expect(text(el, '[part~="service-note"]')).to.contain('Фото с общим планом');
    expect(text(el, '#description-count')).to.equal('Осталось 4 000 символов');
    await fillPothole(el);
    expect(text(el, '#description-count')).to.equal('Осталось 3 959 символов');
    await expect(el).to.be.accessible();
    await next(el);

    // Location: an address alone is enough.
    expect(step(el)).to.equal('Шаг 3 из 5: Место');
    await type(el, '#address', 'ул. Речная, 12');
    await expect(el).to.be.accessible();
    await next(el);

    // Photos: one, uploaded with a progress bar.
    expect(step(el)).to.equal('Шаг 4 из 5: Фотографии');
    await attach(el, await png(40, 30, 'яма.png'));
    await photosDone(el, 1);
    expect(text(el, '[part~="photo"]')).to.contain('яма.png').and.contain('Загружено');
    await expect(el).to.be.accessible();
    await next(el);

    // Review: everything entered, the citizen's contact from /me, consent with the policy link.
    expect(step(el)).to.equal('Шаг 5 из 5: Проверка');
    const review = text(el, '.review');
    expect(review).to.contain('Яма на дороге').and.contain('15').and.contain('Правая полоса').and.contain('Городская улица').and.contain('ул. Речная, 12').and.contain('1 фото');
    await waitUntil(() => text(el, '.identity').includes('Ольга'), 'no contact from the profile on the review');
    expect($<HTMLAnchorElement>(el, 'a[href="https://portal.example/privacy"]')).to.exist;
    await expect(el).to.be.accessible();
    await tick(el, '.field', 'Я согласен на обработку моих персональных данных для рассмотрения обращения');
    await next(el);
    await filed(el);

    const [complaint] = complaintsWith('Глубокая яма на проезжей части у дома 12.');
    expect(complaint).to.exist;
    expect(complaint!.attributes).to.deep.equal({
      depth: 15,
      lane: ['right'],
      road_type: 'city',
      landmark: 'у аптеки',
      details: 'Яма заполнена водой',
      noticed_at: new Date('2026-11-20T08:30').toISOString(),
    });
    expect(complaint!.citizenId).to.equal(NEWCOMER);
    expect(backend.db.complaintMedia.get(complaint!.id)!.citizen).to.have.length(1);
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/complaints'))!;
    expect(post.key).to.be.a('string').and.not.empty;

    // Result: tracking number, agency, due date; events without personal data.
    const result = text(el, '[part~="confirmation"]');
    expect(result).to.contain(complaint!.trackingNumber).and.contain('Управление дорожного хозяйства').and.contain('Ответ не позднее');
    expect($<HTMLAnchorElement>(el, `a[href="https://portal.example/complaints/${complaint!.id}"]`)).to.exist;
    expect(submitted[0]!.detail).to.deep.include({ complaint: complaint!.id, trackingNumber: complaint!.trackingNumber, service: 'road-pothole' });
    expect(JSON.stringify(submitted[0]!.detail)).not.to.contain('Ольга').and.not.to.contain('Речная');
    expect(points[0]!.detail.delta).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    // Personal data is gone from storage once the server confirmed.
    await new Promise((r) => setTimeout(r, 500));
    const stored = JSON.stringify({ ...localStorage });
    expect(stored).not.to.contain('Речная').and.not.to.contain('Глубокая яма').and.not.to.contain('Ольга');
  });

  it('shows the first categories at once and more in each frame after, once the browser painted those before', async () => {
    const el = document.createElement('veche-complaint-form');
    el.setAttribute('api', MOCK_API);
    document.body.append(el);
    const shown: number[] = [];
    /** The frame each step came in: a frame counter bumped by animation frame callbacks. */
    const frames: number[] = [];
    let frame = 0;
    let counting = true;
    const tick = () => {
      frame++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const count = () => $$(el, '[part~="category"]').length;
    // Every render that changes the list is seen (a poll could miss the first, a frame long).
    const observer = new MutationObserver(() => {
      if (count() === shown.at(-1)) return;
      shown.push(count());
      frames.push(frame);
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      await waitUntil(() => /\d+/.test(text(el, '.field .hint')), 'the categories did not load', { timeout: 6000 });
      const total = Number(/\d+/.exec(text(el, '.field .hint'))![0]);
      expect(total).to.be.greaterThan(8);
      await waitUntil(() => count() === total, 'the rest of the categories never came');
      const expected = Array.from({ length: Math.ceil(total / 8) }, (_, i) => Math.min(total, 8 * (i + 1)));
      expect(shown.filter((n) => n > 0)).to.deep.equal(expected);
      // Each step after a frame painted the one before.
      const stepFrames = frames.filter((_, i) => shown[i]! > 0);
      stepFrames.slice(1).forEach((at, i) => expect(at, `step ${i + 2} came in the frame of step ${i + 1}`).to.be.greaterThan(stepFrames[i]!));
    } finally {
      counting = false;
      observer.disconnect();
      el.remove();
    }
  });

  it('a restored draft\'s category is in the first render of the list, checked, in its place, and keeps its box while the list fills in', async () => {
    const services = (await (await fetch(`${MOCK_API}/services?limit=100`)).json()) as { items: Array<{ code: string }> };
    const codes = services.items.map((service) => service.code);
    expect(codes.length).to.be.greaterThan(12);
    // Past the first ones, with more after it.
    const chosen = codes[11]!;
    localStorage.setItem(
      `veche:draft:complaint:veche:${MOCK_API}`,
      JSON.stringify({ value: { step: 0, service: chosen, values: {}, description: '', address: '', photos: [], consent: false, key: crypto.randomUUID() }, savedAt: Date.now() }),
    );
    const el = document.createElement('veche-complaint-form');
    el.setAttribute('api', MOCK_API);
    document.body.append(el);
    let first: { shown: string[]; checked: HTMLInputElement[] } | undefined;
    const observer = new MutationObserver(() => {
      const radios = $$(el, 'input[name="service"]');
      if (radios.length && !first) first = { shown: radios.map((r) => r.value), checked: radios.filter((r) => r.checked) };
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      await waitUntil(() => first, 'the categories did not load', { timeout: 6000 });
      expect(first!.checked.map((radio) => radio.value)).to.deep.equal([chosen]);
      expect(first!.shown.sort(), 'the chosen one and those before it').to.deep.equal(codes.slice(0, 12).sort());
      await waitUntil(() => $$(el, 'input[name="service"]').length === codes.length, 'the rest of the categories never came');
      // The radio a citizen may have focused meanwhile is still the chosen one's, checked.
      const [radio] = first!.checked;
      expect(radio!.isConnected).to.be.true;
      expect(radio!.value).to.equal(chosen);
      expect(radio!.checked).to.be.true;
      expect($$(el, 'input[name="service"]').map((r) => r.value).sort()).to.deep.equal([...codes].sort());
    } finally {
      observer.disconnect();
      el.remove();
      localStorage.clear();
    }
  });

  it('fills the list in a page opened in the background too, where no frame is painted', async () => {
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    const el = document.createElement('veche-complaint-form');
    el.setAttribute('api', MOCK_API);
    try {
      document.body.append(el);
      await waitUntil(() => /\d+/.test(text(el, '.field .hint')), 'the categories did not load', { timeout: 6000 });
      const total = Number(/\d+/.exec(text(el, '.field .hint'))![0]);
      await waitUntil(() => $$(el, '[part~="category"]').length === total, `the list stopped at ${$$(el, '[part~="category"]').length} of ${total}`, { timeout: 3000 });
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')).to.deep.equal(hidden);
      el.remove();
    }
  });

  it('validates each step: errors summarised at the top, linked to their fields', async () => {
    const el = await renderForm();
    await next(el);
    expect(text(el, '[part~="error-summary"]')).to.contain('Выберите категорию проблемы.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('summary');
    await expect(el).to.be.accessible();
    await chooseCategory(el, 'Яма на дороге');
    await next(el);
    await type(el, '#attr-depth', 'глубоко');
    await type(el, '#description', 'яма');
    await next(el);
    const summary = $$<HTMLAnchorElement>(el, '[part~="error-summary"] a');
    expect(summary.map((a) => a.textContent)).to.deep.equal([
      'В поле «Примерная глубина, см» введите число, например 15.',
      'Заполните поле «Тип дороги».',
      'Опишите проблему подробнее: не меньше 10 символов.',
    ]);
    expect($(el, '#attr-depth')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#attr-depth-error')).to.contain('введите число');
    summary[1]!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('attr-road_type-first');
    summary[2]!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('description');
    await expect(el).to.be.accessible();
    // Fixing a field clears its error at once.
    await type(el, '#attr-depth', '12,5');
    expect($(el, '#attr-depth-error')).to.be.null;
    await type(el, '#description', 'x'.repeat(4001));
    expect(text(el, '#description-count')).to.equal('Лишний 1 символ');
    await tick(el, '#attr-road_type', 'Трасса');
    await next(el);
    expect(text(el, '[part~="error-summary"]')).to.contain('не длиннее 4 000 символов');
    await type(el, '#description', 'Яма глубиной в ладонь');
    await next(el);
    expect(step(el)).to.contain('Место');
    await next(el);
    expect(text(el, '[part~="error-summary"]')).to.contain('Укажите адрес или определите местоположение.');
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    await next(el);
    await next(el);
    expect(text(el, '[part~="error-summary"]')).to.contain('Дайте согласие');
    expect(backend.db.complaints.filter((c) => c.citizenId === NEWCOMER)).to.have.length(0);
  });

  it('maps server field errors next to the fields and lets the citizen resend', async () => {
    const el = await renderForm();
    await toReview(el, 'Яма, которую сервер не принял.');
    await mocks(
      http.post(`${MOCK_API}/complaints`, () =>
        problemResponse(422, 'validation', 'Проверьте поля', { extra: { errors: [{ pointer: '/attributes/depth', detail: 'глубина больше 100 см', code: 'max' }] } }),
        { once: true },
      ),
    );
    await tick(el, '.field', 'Я согласен на обработку моих персональных данных для рассмотрения обращения');
    await next(el);
    await waitUntil(() => $(el, '[part~="error-summary"]'), 'no error summary');
    await settle(el);
    expect(step(el)).to.contain('Подробности');
    expect(text(el, '[part~="error-summary"]')).to.contain('глубина больше 100 см');
    expect(text(el, '#attr-depth-error')).to.contain('глубина больше 100 см');
    await type(el, '#attr-depth', '40');
    await next(el);
    await next(el);
    await next(el);
    await next(el);
    await filed(el);
    expect(complaintsWith('Яма, которую сервер не принял.')).to.have.length(1);
    const keys = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/complaints')).map((r) => r.key);
    expect(keys[0]).to.not.equal(keys[1]);
    expect(keys).to.have.length(2);
  });

  it('fits 320 px without horizontal scrolling, on every step', async () => {
    await setViewport({ width: 320, height: 800 });
    const el = await renderForm();
    const fits = () => expect(document.documentElement.scrollWidth).to.be.at.most(320);
    fits();
    await chooseCategory(el, 'Яма на дороге');
    await next(el);
    fits();
    await fillPothole(el);
    await next(el);
    fits();
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    await attach(el, await png(30, 30, 'очень-длинное-имя-файла-фотографии-ямы-на-дороге.png'));
    await photosDone(el, 1);
    fits();
    await next(el);
    fits();
  });

  it('renders what citizens type as text', async () => {
    const el = await renderForm();
    await chooseCategory(el, 'Не работает лифт');
    await next(el);
    await type(el, '#description', '<img src=x onerror="window.__xss=1">лифт стоит');
    await next(el);
    await type(el, '#address', '<script>window.__xss=1</script>');
    await next(el);
    await next(el);
    expect(text(el, '.review')).to.contain('<img src=x');
    expect($(el, '.review img, .review script')).to.be.null;
    expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
  });
});
