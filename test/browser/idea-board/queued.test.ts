/**
 * An idea or a pledge waiting in the outbox is made already: its form holds it read-only until it
 * is sent, so that an edit cannot queue it a second time, nor be cleared when the first goes out.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { $, $$, ANNA, backend, choose, MOCK_API, mocks, NEWCOMER, openForm, renderBoard, requests, reset, text, type, useOnly } from './setup.js';

const crowdfunded = () => backend.db.ideas.find((i) => i.status === 'published' && i.funding)!.id;
const keysOf = (path: RegExp) => new Set(requests.filter((r) => r.method === 'POST' && path.test(r.path)).map((r) => r.key));
const button = (el: HTMLElement, selector: string) => $<HTMLButtonElement>(el, selector)!;
const label = (el: HTMLElement, selector: string) => button(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** Types at the end of a field with the keyboard, as a citizen does (a read-only field takes nothing). */
async function typeMore(el: HTMLElement, id: string, value: string): Promise<void> {
  $<HTMLInputElement>(el, `#${id}`)!.focus();
  await sendKeys({ press: 'End' });
  await sendKeys({ type: value });
}

describe('<veche-idea-board> what waits in the outbox is held', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('an idea queued offline: the form is read-only and says it waits; edited and submitted again, it is still one idea', async () => {
    const el = await renderBoard();
    await openForm(el);
    const title = 'Скамейки вдоль набережной';
    await type(el, 'title', title);
    await type(el, 'text', 'Вдоль набережной негде присесть, нужны скамейки через каждые сто метров.');
    await choose(el, 'categoryId', 'parks');
    await useOnly(http.post(`${MOCK_API}/ideas`, () => HttpResponse.error()));
    button(el, '[part~="submit"]').click();
    await waitUntil(() => text(el, '[part~="form"]').includes('Идея сохранена'), 'the idea does not wait', { timeout: 5000 });

    // The citizen edits and submits again: nothing changes and nothing more is queued.
    await typeMore(el, 'title', ' и у пруда');
    button(el, '[part~="submit"]').click();
    await el.updateComplete;
    const field = $<HTMLInputElement>(el, '#title')!;
    expect(field.value).to.equal(title);
    expect(field.readOnly).to.be.true;
    expect($<HTMLTextAreaElement>(el, '#text')!.readOnly).to.be.true;
    expect($<HTMLSelectElement>(el, '#categoryId')!.disabled).to.be.true;
    expect(el.shadowRoot!.activeElement, 'focus left the field').to.equal(field);
    expect(label(el, '[part~="submit"]')).to.equal('Идея уже ждёт отправки');
    expect(button(el, '[part~="submit"]').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();

    // Back online, "send now": one idea reaches the server, with one key.
    await useOnly();
    const submitted = oneEvent(el, 'veche-idea-submitted');
    button(el, '[part~="form"] [part~="offline"] button').click();
    await submitted;
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second one would follow at once
    expect(backend.db.ideas.filter((i) => i.authorId === NEWCOMER && i.title.startsWith('Скамейки вдоль'))).to.have.length(1);
    expect(keysOf(/^\/ideas$/).size).to.equal(1);
  });

  it('a pledge queued offline: the amount is read-only and the form says it waits; a second amount confirmed is still one pledge', async () => {
    const id = crowdfunded();
    const el = await renderBoard({ citizen: ANNA, attrs: { idea: id } });
    const balance = backend.db.wallet(ANNA).balance;
    $$<HTMLButtonElement>(el, '.funding .actions .button')[0]!.click();
    await waitUntil(() => text(el, '#amount-hint').includes('На вашем счёте'), 'no balance');
    /** Enters an amount with the keyboard, continues and confirms, as a citizen does. */
    const pledge = async (amount: string) => {
      const field = $<HTMLInputElement>(el, '#amount')!;
      field.focus();
      field.select();
      await sendKeys({ type: amount });
      button(el, '.pledge [type="submit"]').click();
      await el.updateComplete;
      if ($<HTMLDialogElement>(el, 'dialog')!.open) button(el, '#confirm').click();
      await el.updateComplete;
    };
    await useOnly(http.post(`${MOCK_API}/ideas/:id/pledges`, () => HttpResponse.error()));
    await pledge('50');
    await waitUntil(() => text(el, '.pledge').includes('Вклад сохранён'), 'the pledge does not wait', { timeout: 5000 });

    await pledge('70');
    const field = $<HTMLInputElement>(el, '#amount')!;
    expect($<HTMLDialogElement>(el, 'dialog')!.open, 'a second confirmation opened').to.be.false;
    expect(field.value).to.equal('50');
    expect(field.readOnly).to.be.true;
    expect(label(el, '.pledge [type="submit"]')).to.equal('Вклад уже ждёт отправки');
    expect(button(el, '.pledge [type="submit"]').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();

    await useOnly();
    const pledged = oneEvent(el, 'veche-pledge');
    button(el, '.pledge [part~="offline"] button').click();
    expect((await pledged).detail).to.include({ amount: 50 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second one would follow at once
    expect(backend.db.wallet(ANNA).balance).to.equal(balance - 50);
    expect(keysOf(/\/pledges$/).size).to.equal(1);
  });
});
