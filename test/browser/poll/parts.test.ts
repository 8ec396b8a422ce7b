/**
 * The lazily loaded parts: the survey's review step and the results. Their modules are fetched
 * through the page's service worker, so a part can be held back or fail like a chunk on a bad
 * connection. Each module is imported once per page: the review is tested before anything
 * (the results import it) loads it.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { $, mocks, pick, polls, renderPoll, reset, submit, text } from './setup.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';

/** Answers the demo survey's required questions and reaches its review step. */
async function toReview(el: VechePoll): Promise<void> {
  await pick(el, 'Раз в неделю');
  await submit(el);
  await pick(el, 'Скамеек');
  await submit(el);
  await pick(el, '2');
  for (let i = 0; i < 3; i++) await submit(el);
  expect(text(el, '#step')).to.equal('Проверьте ответы перед отправкой');
}

describe('<veche-poll> lazily loaded parts', () => {
  beforeEach(reset);

  it('a part that fails to load shows the error with a retry that loads it; answers are kept', async () => {
    let failing = true;
    let fetches = 0;
    await mocks(
      http.get(/\/widgets\/poll\/review\.ts/, () => {
        fetches++;
        return failing ? HttpResponse.error() : passthrough();
      }),
    );
    const errors: CustomEvent[] = [];
    const onError = (e: Event) => errors.push(e as CustomEvent);
    addEventListener('veche-error', onError);
    try {
      const el = await renderPoll(polls.survey);
      await toReview(el);
      await waitUntil(() => $(el, '[part~="retry"]'), 'no retry for the part');
      expect(text(el, '[part~="error"]')).to.contain('Нет связи с сервером');
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['network']);
      expect($(el, '[part~="submit"]')).to.exist;
      await expect(el).to.be.accessible();

      failing = false;
      $(el, '[part~="retry"]')!.click();
      await waitUntil(() => $(el, '.review'), 'the retry did not load the review');
      expect(fetches).to.be.greaterThan(1);
      expect($(el, '[part~="error"]')).to.be.null;
      expect(text(el, '.review')).to.contain('Раз в неделю').and.contain('Скамеек').and.contain('2 из 5');
      await expect(el).to.be.accessible();
    } finally {
      removeEventListener('veche-error', onError);
    }
  });

  it('a poll first shown with results waits in its skeleton for the results part: it does not shrink and grow', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await mocks(
      http.get(/\/widgets\/poll\/results\.ts/, async () => {
        await held;
        return passthrough();
      }),
    );
    const el = await renderPoll(polls.closed, { loaded: false });
    await waitUntil(() => $(el, '[part~="base"][aria-busy="true"]'), 'the skeleton did not render');
    await aTimeout(100);
    // The poll data is here, the results part is not: still the skeleton, not a poll with a hole.
    expect($(el, 'h2')).to.be.null;
    expect($(el, '[part~="base"][aria-busy="true"]')).to.exist;
    const height = el.getBoundingClientRect().height;
    await expect(el).to.be.accessible();

    release();
    await waitUntil(() => $(el, '[part~="results"]'), 'the results did not arrive');
    expect(el.matches(':state(closed)')).to.be.true;
    expect(text(el)).to.contain('Голосование завершено.');
    expect($(el, '[aria-busy]')).to.be.null;
    expect(text(el, '[part~="results"] h3')).to.equal('Итоги');
    expect(el.getBoundingClientRect().height).to.be.at.least(height);
    await expect(el).to.be.accessible();
  });
});
