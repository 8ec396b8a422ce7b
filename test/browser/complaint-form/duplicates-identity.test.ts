import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { $, $$, backend, chooseCategory, fillPothole, fixtureIds, MOCK_API, mocks, NEWCOMER, next, renderForm, requests, reset, settle, text, tick, type } from './setup.js';

const CONSENT = 'Я согласен на обработку моих персональных данных для рассмотрения обращения';

/** The device says it is at `at`. */
function standAt(at: { lat: number; long: number }): void {
  Object.defineProperty(navigator, 'geolocation', {
    value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: at.lat, longitude: at.long } } as GeolocationPosition) },
    configurable: true,
  });
}

/** A pothole where the device is, up to the step that shows complaints nearby. */
async function toNearbyOfPothole(el: Awaited<ReturnType<typeof renderForm>>): Promise<void> {
  await chooseCategory(el, 'Яма на дороге');
  await next(el);
  await fillPothole(el);
  await next(el);
  $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('Определить моё местоположение'))!.click();
  await settle(el);
  await next(el);
  await next(el);
}

describe('<veche-complaint-form> duplicates and identity', () => {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
  beforeEach(async () => {
    reset();
    await mocks();
  });
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).geolocation;
    Object.defineProperty(Navigator.prototype, 'geolocation', original);
  });

  it('shows open complaints nearby in the same service and supports one (+1) instead of filing', async () => {
    const existing = backend.db.complaints.find((c) => c.id === fixtureIds.complaints.submitted)!;
    const at = existing.location!;
    standAt(at);
    const supported: CustomEvent[] = [];
    addEventListener('veche-complaint-supported', (e) => supported.push(e), { once: true });
    const el = await renderForm();
    await toNearbyOfPothole(el);
    await waitUntil(() => $(el, '[part~="nearby"]'), 'no nearby complaints shown');
    const nearby = text(el, '[part~="nearby"]');
    expect(nearby).to.contain('Рядом уже сообщили о похожей проблеме').and.contain(existing.trackingNumber);
    // The form keeps 5 decimals of a position (about a metre), the fixtures 6: the same place is 0 or 1 m away.
    expect(nearby).to.match(/(0 метров|1 метр) от вас/);
    const nearbyCall = requests.find((r) => r.url.includes('/complaints/nearby'))!;
    expect(nearbyCall.url).to.contain('serviceCode=road-pothole');
    await expect(el).to.be.accessible();
    const before = existing.supporterIds.length;
    $$<HTMLButtonElement>(el, '[part~="nearby"] button').find((b) => b.textContent!.includes('+1'))!.click();
    await waitUntil(() => el.matches(':state(submitted)'), 'not supported');
    await settle(el);
    expect(existing.supporterIds).to.include(NEWCOMER);
    expect(existing.supporterIds.length).to.equal(before + 1);
    expect(text(el, '[part~="confirmation"]')).to.contain('Вы поддержали обращение').and.contain(existing.trackingNumber);
    expect(supported[0]!.detail).to.deep.include({ complaint: existing.id });
    expect(backend.db.complaints.filter((c) => c.citizenId === NEWCOMER)).to.have.length(0);
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/supports'))!;
    expect(post.key).to.be.a('string');
    await expect(el).to.be.accessible();
  });

  it('a support the server refused leaves its key behind: supporting another complaint nearby sends a key of its own', async () => {
    const existing = backend.db.complaints.find((c) => c.id === fixtureIds.complaints.submitted)!;
    const twin = { ...existing, id: `${existing.id}-twin`, trackingNumber: `${existing.trackingNumber}-2`, supporterIds: [] as string[] };
    backend.db.complaints.push(twin);
    const at = existing.location!;
    standAt(at);
    // The first support is refused for good; the next ones reach the backend.
    let refused = false;
    await mocks(
      http.post(`${MOCK_API}/complaints/:id/supports`, () => {
        if (refused) return undefined;
        refused = true;
        return HttpResponse.json({ type: 'https://veche.dev/problems/invalid-transition', title: 'Обращение уже закрыто', status: 409 }, { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
      }),
    );
    const el = await renderForm();
    await toNearbyOfPothole(el);
    await waitUntil(() => $$(el, '[part~="nearby"] button').filter((b) => b.textContent!.includes('+1')).length >= 2, 'not both complaints nearby');
    const plusOne = (trackingNumber: string) =>
      $$<HTMLButtonElement>(el, '[part~="nearby"] li').find((li) => li.textContent!.includes(trackingNumber))!.querySelector<HTMLButtonElement>('button')!;
    plusOne(`${existing.trackingNumber}-2`).click();
    await waitUntil(() => refused && !el.matches(':state(busy)') && $(el, '[role="alert"], [part~="error"]'), 'the refusal was not shown');
    plusOne(existing.trackingNumber).click();
    await waitUntil(() => el.matches(':state(submitted)'), 'the second complaint was not supported');
    expect(existing.supporterIds).to.include(NEWCOMER);
    const keys = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/supports')).map((r) => r.key);
    expect(keys).to.have.length(2);
    expect(new Set(keys).size, 'the same key for two complaints').to.equal(2);
  });

  it('signed out: sign-in call to action, veche-auth-required, nothing sent, the draft kept', async () => {
    const auth: CustomEvent[] = [];
    addEventListener('veche-auth-required', (e) => auth.push(e));
    const el = await renderForm({ citizen: null });
    await chooseCategory(el, 'Не работает лифт');
    await next(el);
    await type(el, '#description', 'Лифт стоит, а я не вошла.');
    await next(el);
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    expect(text(el, '[part~="sign-in"]')).to.contain('Нужно войти');
    await next(el);
    expect(el.matches(':state(signed-out)')).to.be.true;
    expect($<HTMLAnchorElement>(el, '[part~="sign-in-link"]')!.href).to.equal('https://portal.example/login');
    await tick(el, '.field', CONSENT);
    await next(el);
    expect(auth.at(-1)!.detail).to.deep.include({ action: 'submit', loginUrl: 'https://portal.example/login' });
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);
    await new Promise((r) => setTimeout(r, 450));
    expect(localStorage.getItem(`veche:draft:complaint:veche:${MOCK_API}`)).to.contain('Лифт стоит, а я не вошла.');
    await expect(el).to.be.accessible();
    removeEventListener('veche-auth-required', (e) => auth.push(e));
  });

  it('shows the signed-in citizen contact on review and sends it with the complaint', async () => {
    const el = await renderForm();
    await chooseCategory(el, 'Не работает лифт');
    await next(el);
    await type(el, '#description', 'Лифт стоит, контакты из профиля.');
    await next(el);
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    await next(el);
    // The contact comes from GET /me, which may answer after the review step first shows.
    await waitUntil(() => text(el, '.identity').includes('Ответ придёт'), 'no contact from the profile on the review');
    await tick(el, '.field', CONSENT);
    await next(el);
    await waitUntil(() => el.matches(':state(submitted)'));
    expect(backend.db.complaints.find((c) => c.description === 'Лифт стоит, контакты из профиля.')).to.exist;
  });
});
