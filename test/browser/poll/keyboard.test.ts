import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { scenarios } from '../../../src/mocks/index.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';
import { $, $$, answerSurvey, backend, ballots, MOCK_API, mocks, pick, polls, renderPoll, requests, reset, submit, submitButton, text, useOnly, voted } from './setup.js';

const focused = (el: VechePoll) => el.shadowRoot!.activeElement as HTMLElement | null;
const label = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Focuses a control the way a script would, and checks it really took focus (a disabled one does not). */
function focus(el: VechePoll, control: HTMLElement | null | undefined): void {
  expect(control, 'no such control').to.exist;
  control!.focus();
  expect(focused(el)).to.equal(control);
}

/**
 * Waits until a survey step has moved focus to its heading: that happens a frame after the
 * step's render (view.ts `go`), and would take focus away from a control focused before it.
 */
async function onStep(el: VechePoll): Promise<void> {
  await el.updateComplete;
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  expect(focused(el)?.id, 'focus is not on the step').to.equal('step');
}

/** Answers the survey's required questions and goes on to the review step. */
async function toReview(el: VechePoll): Promise<void> {
  await answerSurvey(el);
  await waitUntil(() => $(el, '.review'), 'the review step did not load');
}

describe('<veche-poll> keyboard only', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('Back: reached with Shift+Tab from Next, pressed with Space, returns to the previous question', async () => {
    const el = await renderPoll(polls.survey);
    await pick(el, 'Раз в неделю');
    await submit(el);
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
    await onStep(el);
    focus(el, submitButton(el));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(label(focused(el))).to.equal('Назад');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('q1o2');
    await waitUntil(() => focused(el)?.id === 'step', 'focus did not move to the step');
  });

  it("review: Tab from the step reaches the first Edit, Enter opens its question; another Edit with Space", async () => {
    const el = await renderPoll(polls.survey);
    await toReview(el);
    await onStep(el);
    await sendKeys({ press: 'Tab' });
    expect(label(focused(el))).to.equal(`Изменить: ${backend.db.poll(polls.survey)!.questions[0]!.text}`);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('q1o2');

    await submit(el); // «К проверке»: straight back to the review
    await waitUntil(() => $(el, '.review'), 'not back on the review');
    await onStep(el);
    focus(el, $$<HTMLButtonElement>(el, '.review button')[2]);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 3 из 5');
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('2');
  });

  it('"check receipt": Enter asks the backend and shows that the vote was counted', async () => {
    const id = polls.alreadyVotedBy.anna;
    const el = await renderPoll(id, { citizen: 'anna' });
    const receipt = backend.db.myVote(id, 'anna')!.receipt;
    expect($(el, '#check')).to.be.null;
    const check = $<HTMLButtonElement>(el, '.done button');
    expect(label(check)).to.equal('Проверить голос');
    focus(el, check);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#check'), 'the receipt was not checked');
    expect(requests.some((r) => r.method === 'GET' && r.path === `/votes/${receipt}`)).to.be.true;
    expect(text(el, '#check')).to.contain('Голос с этим кодом учтён');
  });

  it('retry after a 500 while loading: Enter on "Повторить" loads the poll', async () => {
    await mocks(...scenarios.serverError());
    const el = await renderPoll(polls.openSingle);
    expect(el.matches(':state(error)')).to.be.true;
    await useOnly();
    focus(el, $<HTMLButtonElement>(el, '[part~="retry"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.matches(':state(open)'), 'the poll did not load');
  });

  it('retry after a 500 on voting: Enter on "Повторить" sends the vote', async () => {
    const el = await renderPoll(polls.openSingle);
    await useOnly(...scenarios.serverError());
    await pick(el, 'Летняя сцена');
    await submit(el);
    await waitUntil(() => $(el, '[part~="error"]'), 'no error shown', { timeout: 7000 });
    expect(ballots('42')).to.equal(0);
    await useOnly();
    const retry = submitButton(el);
    expect(label(retry)).to.equal('Повторить');
    focus(el, retry);
    await sendKeys({ press: 'Enter' });
    await voted(el);
    expect(ballots('42')).to.equal(1);
  });

  it('draft: Enter on "Начать заново" discards the restored answers', async () => {
    const first = await renderPoll(polls.survey);
    await pick(first, 'Раз в неделю');
    await submit(first);
    await pick(first, 'Скамеек');
    first.remove(); // the page goes away (the draft is flushed)
    const el = await renderPoll(polls.survey);
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
    const discard = $<HTMLButtonElement>(el, '[part~="draft"] button');
    expect(label(discard)).to.equal('Начать заново');
    focus(el, discard);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '[part~="draft"]')).to.be.null;
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect($$(el, 'input').some((i) => i.checked)).to.be.false;
    expect(localStorage.getItem(`veche:draft:poll:${MOCK_API}#${polls.survey}`)).to.be.null;
  });
});
