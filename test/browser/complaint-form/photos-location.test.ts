import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { fit, MAX_PIXELS, prepareImage } from '../../../src/widgets/complaint-form/image.js';
import { $, $$, attach, backend, chooseCategory, MOCK_API, mocks, next, photosDone, png, renderForm, requests, reset, settle, text, type } from './setup.js';
import type { VecheComplaintForm } from '../../../src/widgets/complaint-form/veche-complaint-form.js';

async function toPhotos(el: VecheComplaintForm) {
  await chooseCategory(el, 'Не работает лифт');
  await next(el);
  await type(el, '#description', 'Лифт стоит третий день.');
  await next(el);
  await type(el, '#address', 'ул. Речная, 12');
  await next(el);
}

function stubGeolocation(impl: Geolocation['getCurrentPosition']) {
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: impl }, configurable: true });
}
const geoError = (code: number) => ({ code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }) as GeolocationPositionError;

describe('<veche-complaint-form> photos', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('refuses files that are not images, with a message, and uploads nothing', async () => {
    const el = await renderForm();
    await toPhotos(el);
    await attach(el, new File(['%PDF-1.4'], 'акт.pdf', { type: 'application/pdf' }));
    expect(text(el, '#photo-notice')).to.contain('Файл «акт.pdf» не добавлен: можно прикрепить только изображения');
    expect($$(el, '[part~="photo"]')).to.have.length(0);
    expect(requests.filter((r) => r.url.endsWith('/media'))).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('takes at most max-photos', async () => {
    const el = await renderForm({ maxPhotos: 2 });
    await toPhotos(el);
    expect(text(el, '#photos-hint')).to.contain('До 2 фотографий');
    await attach(el, await png(10, 10, 'a.png'), await png(10, 10, 'b.png'), await png(10, 10, 'c.png'));
    expect(text(el, '#photo-notice')).to.contain('не больше 2 фото');
    await photosDone(el, 2);
    expect($<HTMLInputElement>(el, '#photo-input')!.disabled).to.be.true;
  });

  it('resizes large pictures to at most 2 megapixels before upload', async () => {
    expect(fit(4000, 3000).width * fit(4000, 3000).height).to.be.at.most(MAX_PIXELS);
    expect(fit(1000, 800)).to.deep.equal({ width: 1000, height: 800 });
    const big = await png(2400, 1800);
    const prepared = await prepareImage(big);
    expect(prepared.width * prepared.height).to.be.at.most(MAX_PIXELS).and.greaterThan(MAX_PIXELS * 0.98);
    expect(prepared.width / prepared.height).to.be.closeTo(4 / 3, 0.01);
    const bitmap = await createImageBitmap(prepared.blob);
    expect(bitmap.width * bitmap.height).to.be.at.most(MAX_PIXELS);
    const small = await png(100, 50);
    expect((await prepareImage(small)).blob).to.equal(small);

    // Through the widget: what reaches the backend is the resized image.
    const el = await renderForm();
    await toPhotos(el);
    await attach(el, big);
    await photosDone(el, 1);
    const media = [...backend.db.media.values()].at(-1)!;
    expect(media.contentType).to.equal('image/jpeg');
    const uploaded = await createImageBitmap(new Blob([media.bytes as BlobPart], { type: media.contentType }));
    expect(uploaded.width * uploaded.height).to.be.at.most(MAX_PIXELS);
  });

  it('shows a failed upload on its own, and retries just that photo', async () => {
    let failing = true;
    await mocks(
      http.post(`${MOCK_API}/media`, () =>
        failing ? HttpResponse.json({ type: 'https://veche.dev/problems/unavailable', title: 'Недоступно', status: 503 }, { status: 503, headers: { 'Retry-After': '120', 'Content-Type': 'application/problem+json' } }) : undefined,
      ),
    );
    const el = await renderForm();
    await toPhotos(el);
    await attach(el, await png(20, 20, 'первая.png'));
    await waitUntil(() => $(el, '[part~="photo"].failed'), 'the upload did not fail', { timeout: 5000 });
    await settle(el);
    expect(text(el, '[part~="photo"].failed')).to.contain('Сервис временно не отвечает');
    await expect(el).to.be.accessible();
    // Can't go on while a photo is not uploaded.
    await next(el);
    expect(text(el, '[part~="error-summary"]')).to.contain('Дождитесь загрузки фотографий');
    failing = false;
    const uploadsBefore = requests.filter((r) => r.url.endsWith('/media'));
    const retry = $$<HTMLButtonElement>(el, '[part~="photo"] button').find((b) => b.textContent!.includes('Повторить'))!;
    retry.click();
    await photosDone(el, 1);
    const uploads = requests.filter((r) => r.url.endsWith('/media'));
    expect(uploads.length).to.equal(uploadsBefore.length + 1);
    // The retry is the same upload: same idempotency key.
    expect(new Set(uploads.map((u) => u.key)).size).to.equal(1);
    // And it can be removed.
    $$<HTMLButtonElement>(el, '[part~="photo"] button').find((b) => b.textContent!.includes('Удалить'))!.click();
    await settle(el);
    expect($$(el, '[part~="photo"]')).to.have.length(0);
  });
});

describe('<veche-complaint-form> location', () => {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
  beforeEach(async () => {
    reset();
    await mocks();
  });
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).geolocation;
    Object.defineProperty(Navigator.prototype, 'geolocation', original);
  });

  async function toLocation() {
    const el = await renderForm();
    await chooseCategory(el, 'Не работает лифт');
    await next(el);
    await type(el, '#description', 'Лифт стоит третий день.');
    await next(el);
    return el;
  }

  it('says clearly when geolocation is denied, and the address still works', async () => {
    stubGeolocation((_ok, fail) => fail!(geoError(1)));
    const el = await toLocation();
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('Определить моё местоположение'))!.click();
    await settle(el);
    expect(text(el, '#geo-error')).to.contain('Доступ к местоположению запрещён');
    await expect(el).to.be.accessible();
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    expect(text(el, '#step')).to.contain('Фотографии');
  });

  it('says when finding the location timed out', async () => {
    stubGeolocation((_ok, fail) => fail!(geoError(3)));
    const el = await toLocation();
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('Определить моё местоположение'))!.click();
    await settle(el);
    expect(text(el, '#geo-error')).to.contain('не удалось определить местоположение вовремя'.replace('н', 'Н'));
  });

  it('uses the position when allowed: a point alone is a valid location', async () => {
    stubGeolocation((ok) => ok({ coords: { latitude: 55.8044951, longitude: 49.1001172, accuracy: 5 } } as GeolocationPosition));
    const el = await toLocation();
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('Определить моё местоположение'))!.click();
    await settle(el);
    expect(text(el, '#point')).to.contain('55,80450').and.contain('49,10012');
    await next(el);
    expect(text(el, '#step')).to.contain('Фотографии');
  });

  it('has no map without tile-url; with it, Leaflet loads on demand and a click on the map sets the point', async function () {
    this.timeout(30_000); // Leaflet is a large module to load and parse on a busy machine
    const tile = await png(256, 256, 'tile.png');
    const tiles: string[] = [];
    await mocks(http.get('https://tiles.region.example/:z/:x/:y.png', ({ request }) => (tiles.push(request.url), new HttpResponse(tile, { headers: { 'Content-Type': 'image/png' } }))));
    const el = await toLocation();
    expect($$<HTMLButtonElement>(el, 'button').some((b) => b.textContent!.includes('Указать на карте'))).to.be.false;
    el.tileUrl = 'https://tiles.region.example/{z}/{x}/{y}.png';
    await settle(el);
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('Указать на карте'))!.click();
    await waitUntil(() => $(el, '#map.leaflet-container'), 'the map did not open', { timeout: 8000 });
    const map = $(el, '#map')!;
    expect(map.getAttribute('aria-label')).to.be.a('string').and.not.empty;
    // The zoom buttons speak the form's language, not Leaflet's English.
    expect($$(el, '.leaflet-control-zoom a').map((a) => [a.getAttribute('title'), a.getAttribute('aria-label')])).to.deep.equal([
      ['Приблизить карту', 'Приблизить карту'],
      ['Отдалить карту', 'Отдалить карту'],
    ]);
    await waitUntil(() => tiles.length > 0, 'no tiles requested from tile-url');
    // Leaflet's own stylesheet is adopted into the shadow root: its panes are positioned.
    expect(getComputedStyle($(el, '.leaflet-pane')!).position).to.equal('absolute');
    const box = map.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true };
    map.dispatchEvent(new MouseEvent('mousedown', at));
    map.dispatchEvent(new MouseEvent('mouseup', at));
    map.dispatchEvent(new MouseEvent('click', at));
    await waitUntil(() => text(el, '#point').includes('55,79'), 'the click did not set the point');
    await type(el, '#address', 'ул. Речная, 12');
    await next(el);
    expect(text(el, '#step')).to.contain('Фотографии');
  });
});
