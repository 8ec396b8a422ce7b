/**
 * The lazily loaded parts: the view (what a loaded poll shows), the survey's review step and the
 * results. Their modules are fetched through the page's service worker, so a part can be held
 * back or fail like a chunk on a bad connection. Each module is imported once per page: the view
 * is tested first, and the review before anything (the results import it) loads it. Later tests
 * hold the view back through the element's import seam.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { mockToken, scenarios } from '../../../src/mocks/index.js';
import { $, $$, answerSurvey, loaded, MOCK_API, mocks, NEWCOMER, pick, polls, renderPoll, requests, reset, submit, text } from './setup.js';
import { VechePoll, type PollParts } from '../../../src/widgets/poll/veche-poll.js';

/** Releases the held view; replaced by each test that holds it. */
let viewArrives: Promise<void> = Promise.resolve();

/** A poll whose view waits for `viewArrives`, as on a connection where its chunk is slow. */
class HeldViewPoll extends VechePoll {
  protected override async importPart<K extends keyof PollParts>(name: K): Promise<PollParts[K]> {
    if (name === 'view') await viewArrives;
    return super.importPart(name);
  }
}
customElements.define('veche-poll-held-view', HeldViewPoll);

/** Answers the survey's first question and picks an option of the second; then the page goes away. */
async function leaveDraft(): Promise<void> {
  const first = await renderPoll(polls.survey);
  await pick(first, 'Раз в неделю');
  await submit(first);
  await pick(first, 'Скамеек');
  first.remove(); // the draft is flushed
}

function expectDraftRestored(el: Element): void {
  expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
  expect($$(el, 'input').filter((i) => i.checked).map((i) => i.value)).to.deep.equal(['q2o2']);
  expect(text(el, '[part~="draft"]')).to.contain('Мы восстановили ваш черновик');
}

/** Answers the demo survey's required questions and reaches its review step. */
async function toReview(el: VechePoll): Promise<void> {
  await answerSurvey(el);
  expect(text(el, '#step')).to.equal('Проверьте ответы перед отправкой');
}

describe('<veche-poll> lazily loaded parts', () => {
  beforeEach(reset);

  it('a view that fails to load shows the error with a retry in the poll\'s place; the retry shows the poll', async () => {
    let failing = true;
    await mocks(http.get(/\/widgets\/poll\/view\.ts/, () => (failing ? HttpResponse.error() : passthrough())));
    const errors: CustomEvent[] = [];
    const onError = (e: Event) => errors.push(e as CustomEvent);
    addEventListener('veche-error', onError);
    try {
      const el = await renderPoll(polls.openSingle, { loaded: false });
      await waitUntil(() => $(el, '[part~="retry"]'), 'no retry for the view');
      expect(el.matches(':state(error)')).to.be.true;
      expect(text(el, '[part~="error"]')).to.contain('Нет связи с сервером');
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['network']);
      await expect(el).to.be.accessible();

      failing = false;
      $(el, '[part~="retry"]')!.click();
      await waitUntil(() => el.matches(':state(open)'), 'the retry did not load the view', { timeout: 5000 });
      await loaded(el);
      expect($(el, 'h2')!.textContent).to.equal('Парк у реки');
      expect($$(el, 'input[type=radio]')).to.have.length(5);
      await expect(el).to.be.accessible();
    } finally {
      removeEventListener('veche-error', onError);
    }
  });

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
  it('shows nothing below the question\'s skeleton, so nothing moves when the question takes its place', async () => {
    await mocks();
    const el = await renderPoll(polls.openSingle, { loaded: false });
    // After every render: while the question's skeleton is shown, nothing follows it in the poll.
    const below: string[] = [];
    const observer = new MutationObserver(() => {
      const skeleton = $(el, 'article .part-loading');
      for (let node = skeleton?.nextElementSibling; node; node = node.nextElementSibling) below.push(node.outerHTML.slice(0, 60));
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await loaded(el);
    observer.disconnect();
    expect($(el, '[part~="submit"]')).to.exist;
    expect(below).to.deep.equal([]);
  });

  it('while the view is on its way the skeleton keeps the poll\'s place; a draft saved before it loaded comes back', async () => {
    await mocks();
    await leaveDraft();
    let release!: () => void;
    viewArrives = new Promise((resolve) => (release = resolve));
    const el = await fixture<HeldViewPoll>(
      html`<veche-poll-held-view api=${MOCK_API} poll=${polls.survey} .getToken=${() => mockToken(NEWCOMER)}></veche-poll-held-view>`,
    );
    await waitUntil(() => requests.some((r) => r.method === 'GET' && r.path === `/polls/${polls.survey}`), 'the poll was not asked for');
    await aTimeout(100);
    // The poll is here, its view is not: the skeleton, not a blank box or a poll with a hole.
    expect(el.matches(':state(loading)')).to.be.true;
    expect($(el, '[part~="base"][aria-busy="true"]')).to.exist;
    expect($(el, 'h2')).to.be.null;
    const height = el.getBoundingClientRect().height;
    expect(height).to.be.at.least(300);
    await expect(el).to.be.accessible();

    release();
    await loaded(el);
    expect(el.matches(':state(open)')).to.be.true;
    expectDraftRestored(el);
    expect(el.getBoundingClientRect().height).to.be.at.least(height);
    await expect(el).to.be.accessible();
  });

  it('a draft comes back also when the view arrives before the poll', async () => {
    await mocks();
    await leaveDraft();
    await mocks(...scenarios.slow(undefined, 500));
    const el = await renderPoll(polls.survey);
    expectDraftRestored(el);
  });

  it('a load that fails before the view arrives shows the error with a retry styled as the kit\'s buttons', async () => {
    await mocks(...scenarios.serverError());
    let release!: () => void;
    viewArrives = new Promise((resolve) => (release = resolve));
    const el = await fixture<HeldViewPoll>(
      html`<veche-poll-held-view api=${MOCK_API} poll=${polls.openSingle} .getToken=${() => mockToken(NEWCOMER)}></veche-poll-held-view>`,
    );
    await waitUntil(() => $(el, '[part~="retry"]'), 'no retry', { timeout: 6000 });
    expect(el.matches(':state(error)')).to.be.true;
    expect(text(el, '[part~="error"]')).to.contain('Сервис временно не отвечает');
    // No view has brought the control styles yet: they come with the failure handling.
    const retry = $(el, '[part~="retry"]')!;
    expect(getComputedStyle(retry).minBlockSize).to.equal('44px');
    expect(getComputedStyle(retry).fontFamily).to.equal(getComputedStyle(el).fontFamily);
    await expect(el).to.be.accessible();
    release();
  });
});
