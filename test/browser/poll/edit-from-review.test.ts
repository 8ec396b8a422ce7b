import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';
import { $, $$, answerSurvey, backend, MOCK_API, mocks, pick, polls, renderPoll, reset, submit, submitButton, text, voted } from './setup.js';

const id = polls.survey;
const REVIEW = 'Проверьте ответы перед отправкой';
const focused = (el: VechePoll) => el.shadowRoot!.activeElement as HTMLElement | null;
const label = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function toReview(el: VechePoll): Promise<void> {
  await answerSurvey(el);
  await waitUntil(() => $(el, '.review'), 'the review step did not load');
}

/** Waits for a step's focus to land on its heading (a frame after its render, view.ts `go`). */
async function onStep(el: VechePoll): Promise<void> {
  await waitUntil(() => focused(el)?.id === 'step', 'focus did not move to the step');
}

/** The review's answer to question `index` (0-based). */
const reviewed = (el: VechePoll, index: number) => label($$<HTMLElement>(el, '.review dd > span')[index]);

describe('<veche-poll> changing an answer from the review', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('Изменить on question 3, a new answer, then one press of «К проверке» is back on the review', async () => {
    const el = await renderPoll(id);
    await toReview(el);
    expect(reviewed(el, 2)).to.equal('2 из 5');
    $$<HTMLButtonElement>(el, '.review button')[2]!.click();
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 3 из 5');
    expect(label(submitButton(el))).to.equal('К проверке');
    await pick(el, '4');
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#step')).to.equal(REVIEW);
    await waitUntil(() => $(el, '.review'), 'the review did not show');
    expect(reviewed(el, 2)).to.equal('4 из 5');
    expect(label(submitButton(el))).to.equal('Отправить ответы');
    await expect(el).to.be.accessible();

    // Sent from there, with the changed answer.
    await submit(el);
    await voted(el);
    expect(backend.db.votes.at(-1)!.answers.find((a) => a.questionId === 'q3')).to.deep.equal({ questionId: 'q3', value: 4 });
  });

  it('keyboard only: Tab to Изменить, Space, arrow to a new value, Enter returns to the review', async () => {
    const el = await renderPoll(id);
    await toReview(el);
    await onStep(el);
    // Step heading → Edit 1 → Edit 2 → Edit 3.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    expect(label(focused(el))).to.equal(`Изменить: ${backend.db.poll(id)!.questions[2]!.text}`);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 3 из 5');
    await onStep(el);
    await sendKeys({ press: 'Tab' }); // the checked scale value
    expect((focused(el) as HTMLInputElement).value).to.equal('2');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('3');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, '#step')).to.equal(REVIEW);
    await waitUntil(() => $(el, '.review'), 'the review did not show');
    expect(reviewed(el, 2)).to.equal('3 из 5');
    await onStep(el);
  });

  it('a required question left empty is flagged, not skipped, on the way back', async () => {
    const el = await renderPoll(id);
    await toReview(el);
    $$<HTMLButtonElement>(el, '.review button')[1]!.click();
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
    await pick(el, 'Скамеек'); // its only choice cleared: nothing chosen
    await submit(el);
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
    expect(text(el, '#error')).to.not.equal('');
    await pick(el, 'Урн');
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#step')).to.equal(REVIEW);
  });

  it('Назад still goes to the previous question, whose primary action also returns to the review', async () => {
    const el = await renderPoll(id);
    await toReview(el);
    $$<HTMLButtonElement>(el, '.review button')[2]!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.actions .button:not([part])')!.click();
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
    expect(label(submitButton(el))).to.equal('К проверке');
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#step')).to.equal(REVIEW);
  });

  it('a reload while changing an answer keeps the way back to the review', async () => {
    const first = await renderPoll(id);
    await toReview(first);
    $$<HTMLButtonElement>(first, '.review button')[0]!.click();
    await first.updateComplete;
    await pick(first, 'Каждый день');
    first.remove(); // the page goes away (the draft is flushed)
    expect(localStorage.getItem(`veche:draft:poll:${MOCK_API}#${id}`)).to.contain('q1o1');
    const el = await renderPoll(id);
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect(label(submitButton(el))).to.equal('К проверке');
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#step')).to.equal(REVIEW);
    await waitUntil(() => $(el, '.review'), 'the review did not show');
    expect(reviewed(el, 0)).to.equal('Каждый день');
  });

  it('in English and Tatar the button says so', async () => {
    for (const [locale, wanted] of [['en', 'Back to review'], ['tt', 'Тикшерүгә кайтырга']] as const) {
      reset();
      const el = await renderPoll(id, { locale });
      await waitUntil(() => !text(el, '#step').startsWith('Вопрос'), `${locale} did not load`);
      await toReview(el);
      $$<HTMLButtonElement>(el, '.review button')[2]!.click();
      await el.updateComplete;
      expect(label(submitButton(el))).to.equal(wanted);
      el.remove();
    }
  });
});
