/**
 * The photo of "submit an idea": checked before anything is sent, uploaded to the contract's
 * `POST /media` with a progress bar, carried by the idea's `mediaIds`, kept with the draft.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http } from 'msw';
import type { VecheIdeaBoard } from '../../../src/widgets/idea-board/veche-idea-board.js';
import { $, announced, attach, backend, choose, MOCK_API, mocks, NEWCOMER, openForm, png, postedBodies, renderBoard, requests, reset, text, type, useOnly } from './setup.js';

const uploads = () => requests.filter((r) => r.method === 'POST' && r.path === '/media');
/** The photo's field: its label, hint, error, input and progress. */
const PHOTO_FIELD = '.field:has(#mediaIds-hint)';
const bar = (el: VecheIdeaBoard) => $<HTMLProgressElement>(el, '[part~="form"] progress[part~="progress"]');
const draft = () => localStorage.getItem(`veche:draft:idea-board:${MOCK_API}`) ?? '';
const myMedia = () => [...backend.db.media.values()].filter((m) => m.citizenId === NEWCOMER);

/** `POST /media` waits until `release()`; the upload is in flight meanwhile. */
async function holdUploads() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  // Answering nothing passes the request on to the backend's own handler, once released.
  await useOnly(http.post(`${MOCK_API}/media`, async () => void (await gate)));
  return release;
}

/**
 * The upload requests the page opens. Under the mocks' service worker Chromium reports no upload
 * progress before the response (the body never crosses a network), so a test that wants to see
 * the bar move dispatches the progress event the browser sends on a real connection.
 */
function watchUploads() {
  const sent: XMLHttpRequest[] = [];
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    sent.push(this);
    return send.call(this, body);
  };
  return {
    sent,
    progress: (loaded: number, total: number) => sent.at(-1)!.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total })),
    restore: () => void (XMLHttpRequest.prototype.send = send),
  };
}

async function fillIdea(el: VecheIdeaBoard) {
  await type(el, 'title', 'Лавочки у фонтана');
  await type(el, 'text', 'У фонтана в парке нет ни одной лавочки, негде присесть пожилым людям.');
  await choose(el, 'categoryId', 'parks');
}

async function uploadPhoto(el: VecheIdeaBoard, name = 'фонтан.png') {
  await attach(el, await png(name));
  await waitUntil(() => $(el, '.photo-name'), 'the photo was not uploaded', { timeout: 6000 });
  await el.updateComplete;
}

describe('<veche-idea-board> the photo of a new idea', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('a file that is not a picture: the error next to the field, nothing uploaded', async () => {
    const el = await renderBoard();
    await openForm(el);
    await attach(el, new File(['не картинка'], 'заметки.txt', { type: 'text/plain' }));
    expect(text(el, `${PHOTO_FIELD} #mediaIds-error`)).to.equal('Нужна картинка JPEG, PNG, WebP или GIF.');
    expect($(el, '#photo')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#photo')!.getAttribute('aria-describedby')).to.contain('mediaIds-error');
    expect($<HTMLInputElement>(el, '#photo')!.value).to.equal('');
    expect(bar(el)).to.be.null;
    await new Promise((r) => setTimeout(r, 100));
    expect(uploads()).to.have.length(0);
    expect(myMedia()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a picture over 5 MB: the error next to the field, nothing uploaded; a good one then clears it', async () => {
    const el = await renderBoard();
    await openForm(el);
    await attach(el, new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'огромное.png', { type: 'image/png' }));
    expect(text(el, `${PHOTO_FIELD} #mediaIds-error`)).to.equal('Файл больше 5 МБ.');
    await new Promise((r) => setTimeout(r, 100));
    expect(uploads()).to.have.length(0);
    await uploadPhoto(el);
    expect($(el, '#mediaIds-error')).to.be.null;
    expect(uploads()).to.have.length(1);
  });

  it('shows a labelled progress bar while the photo goes up, and nothing can be sent meanwhile', async () => {
    const el = await renderBoard();
    await openForm(el);
    await fillIdea(el);
    const release = await holdUploads();
    const xhr = watchUploads();
    try {
      await attach(el, await png('фонтан.png'));
      await waitUntil(() => uploads().length === 1, 'the upload did not start');
      const progress = bar(el)!;
      expect(progress, 'no progress bar').to.exist;
      expect([...progress.labels].map((l) => l.textContent!.trim())).to.deep.equal(['Загружаем фото…']);
      // Nothing reported yet: an indeterminate bar, not a stuck "0 %".
      expect(progress.hasAttribute('value')).to.be.false;
      expect($<HTMLInputElement>(el, '#photo')!.disabled).to.be.true;
      await waitUntil(() => announced(el).includes('Загружаем фото…'), 'the upload was not announced');
      xhr.progress(45, 100);
      await el.updateComplete;
      expect(progress.value).to.equal(45);
      expect(text(el, `${PHOTO_FIELD} .upload`)).to.contain('45');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await new Promise((r) => setTimeout(r, 100));
      expect(requests.filter((r) => r.path === '/ideas' && r.method === 'POST')).to.have.length(0);
    } finally {
      xhr.restore();
      release();
    }
    await waitUntil(() => $(el, '.photo-name'), 'the photo was not uploaded', { timeout: 6000 });
    expect(bar(el)).to.be.null;
    expect(text(el, '.photo-name')).to.equal('фонтан.png');
    await waitUntil(() => announced(el).includes('Фото загружено.'));
  });

  it('the upload in progress fits 320 px', async () => {
    await setViewport({ width: 320, height: 800 });
    const release = await holdUploads();
    try {
      const el = await renderBoard();
      await openForm(el);
      await attach(el, await png('очень-длинное-имя-файла-фотографии-фонтана-в-городском-парке.png'));
      await waitUntil(() => bar(el), 'no progress bar');
      expect(bar(el)!.getBoundingClientRect().right).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
      release();
      await waitUntil(() => $(el, '.photo-name'), 'the photo was not uploaded', { timeout: 6000 });
      expect(document.documentElement.scrollWidth, 'a long file name widens the form').to.be.at.most(320);
    } finally {
      release();
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('the idea carries the uploaded photo in mediaIds', async () => {
    const el = await renderBoard();
    await openForm(el);
    await fillIdea(el);
    await uploadPhoto(el);
    const [media] = myMedia();
    expect(media, 'the mock stored no photo').to.exist;
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await waitUntil(() => el.matches(':state(mine)'), 'the idea was not sent', { timeout: 6000 });
    const [body] = await postedBodies('/ideas');
    expect(body!.mediaIds).to.deep.equal([media!.id]);
    const created = backend.db.ideas.find((i) => i.title === 'Лавочки у фонтана')!;
    expect(backend.db.ideaMedia.get(created.id)).to.deep.equal([media!.id]);
  });

  it('the photo survives a reload with the draft, and the restored idea still carries it', async () => {
    let el = await renderBoard();
    await openForm(el);
    await fillIdea(el);
    await uploadPhoto(el);
    const [media] = myMedia();
    await waitUntil(() => draft().includes(media!.id), 'the draft did not keep the photo');
    el.remove();
    el = await renderBoard();
    await openForm(el);
    expect(text(el, '[part~="draft"]')).to.contain('восстановили ваш черновик');
    expect(text(el, '.photo-name')).to.equal('фонтан.png');
    expect($(el, '#photo'), 'the restored photo offers removal, not a new choice').to.be.null;
    await expect(el).to.be.accessible();
    await choose(el, 'categoryId', 'parks');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await waitUntil(() => el.matches(':state(mine)'), 'the idea was not sent', { timeout: 6000 });
    const [body] = await postedBodies('/ideas');
    expect(body!.mediaIds).to.deep.equal([media!.id]);
  });

  it('removing the photo: the picker is back, the draft forgets it, the idea goes without it', async () => {
    const el = await renderBoard();
    await openForm(el);
    await fillIdea(el);
    await uploadPhoto(el);
    const [media] = myMedia();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.field .button')].find((b) => b.textContent!.includes('Убрать фото'))!.click();
    await el.updateComplete;
    expect($(el, '.photo-name')).to.be.null;
    expect($<HTMLInputElement>(el, '#photo')!.disabled).to.be.false;
    await waitUntil(() => draft().includes('Лавочки у фонтана') && !draft().includes(media!.id), 'the draft kept the removed photo');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await waitUntil(() => el.matches(':state(mine)'), 'the idea was not sent', { timeout: 6000 });
    const [body] = await postedBodies('/ideas');
    expect(body).to.not.have.property('mediaIds');
  });
});
