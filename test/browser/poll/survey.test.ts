import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, backend, ballots, MOCK_API, mocks, pick, polls, renderPoll, requests, reset, submit, submitButton, text, voted } from './setup.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';

const id = polls.survey;

async function answerFirstTwo(el: VechePoll) {
  await pick(el, 'Раз в неделю');
  await submit(el);
  await pick(el, 'Скамеек');
  await pick(el, 'Урн');
}

describe('<veche-poll> survey', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('steps through questions with progress, required checks, back/next and focus on the step', async () => {
    const el = await renderPoll(id);
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect($$(el, 'fieldset')).to.have.length(1);
    expect(submitButton(el).textContent!.trim()).to.equal('Далее');
    await expect(el).to.be.accessible();

    await submit(el);
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect(text(el, '#error')).to.equal('Ответьте на этот вопрос.');

    await pick(el, 'Раз в неделю');
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
    // Focus follows in the next frame (the step's layout is not forced in the click's task).
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'step', 'focus did not move to the step');

    $<HTMLButtonElement>(el, '.actions .button:not([part])')!.click();
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('q1o2');
    await submit(el);
    await el.updateComplete;
    await pick(el, 'Скамеек');
    await pick(el, 'Урн');
    await pick(el, 'Освещения');
    expect($$(el, 'input').filter((i) => i.disabled)).to.have.length(2); // max 3 of 5
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 3 из 5');
    await submit(el); // q3 scale is required
    expect(text(el, '#error')).to.equal('Ответьте на этот вопрос.');
    await pick(el, '2');
    await submit(el);
    await el.updateComplete;
    expect(text(el, 'legend')).to.contain('(необязательный вопрос)');
    await submit(el); // q4 optional: skipped
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 5 из 5');
    await submit(el); // q5 optional
    await el.updateComplete;

    // Review step: every answer, a way back to each question, then send.
    expect(text(el, '#step')).to.equal('Проверьте ответы перед отправкой');
    await waitUntil(() => $(el, '.review'), 'the review step did not load');
    const review = text(el, '.review');
    expect(review).to.contain('Раз в неделю').and.contain('Освещения, Скамеек, Урн').and.contain('2 из 5').and.contain('Без ответа');
    expect(submitButton(el).textContent!.trim()).to.equal('Отправить ответы');
    await expect(el).to.be.accessible();
    const edit = $$<HTMLButtonElement>(el, '.review button')[2]!;
    expect(edit.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Изменить : Насколько там безопасно?'.replace(' :', ':'));
    edit.click();
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 3 из 5');
    await pick(el, '5');
    // Straight back to the review: the questions after it are answered already.
    expect(submitButton(el).textContent!.trim()).to.equal('К проверке');
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Проверьте ответы перед отправкой');
    await submit(el);
    await voted(el);
    expect(backend.db.votes.at(-1)!.answers).to.deep.equal([
      { questionId: 'q1', optionIds: ['q1o2'] },
      { questionId: 'q2', optionIds: ['q2o2', 'q2o3', 'q2o1'] },
      { questionId: 'q3', value: 5 },
    ]);
    expect(text(el, '.done')).to.contain('Начислено: 25 баллов.');
    expect(ballots(id)).to.equal(1);
    // after-vote policy: results for every question, with headings per question.
    expect($$(el, '[part~="results"] h4')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('Enter in a question moves to the next one', async () => {
    const el = await renderPoll(id);
    $$(el, 'input')[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
  });

  it('reload mid-survey restores the answers and the step, and can start over', async () => {
    const first = await renderPoll(id);
    await answerFirstTwo(first);
    first.remove(); // the page goes away (the draft is flushed)
    const el = await renderPoll(id);
    expect(text(el, '#step')).to.equal('Вопрос 2 из 5');
    expect($$(el, 'input').filter((i) => i.checked).map((i) => i.value)).to.deep.equal(['q2o2', 'q2o3']);
    expect(text(el, '[part~="draft"]')).to.contain('Мы восстановили ваш черновик');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="draft"] button')!.click();
    await el.updateComplete;
    expect(text(el, '#step')).to.equal('Вопрос 1 из 5');
    expect($$(el, 'input').some((i) => i.checked)).to.be.false;
  });

  it('autosaves within a second without leaving the page', async () => {
    const el = await renderPoll(id);
    await pick(el, 'Каждый день');
    await waitUntil(() => localStorage.getItem(`veche:draft:poll:${MOCK_API}#${id}`)?.includes('q1o1'), 'not saved', { timeout: 1000 });
  });

  it('two polls on one page are independent', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <veche-poll api=${MOCK_API} poll=${polls.openSingle} .getToken=${() => 'mock:olga'}></veche-poll>
      <veche-poll api=${MOCK_API} poll=${id} .getToken=${() => 'mock:olga'}></veche-poll>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('veche-poll')];
    await waitUntil(() => a!.matches(':state(open)') && b!.matches(':state(open)'));
    await pick(b!, 'Каждый день');
    await pick(a!, 'Летняя сцена');
    expect($$(b!, 'input').find((i) => i.checked)!.value).to.equal('q1o1');
    await submit(a!);
    await voted(a!);
    expect(b!.matches(':state(open)')).to.be.true;
    expect($$(b!, 'input').find((i) => i.checked)!.value).to.equal('q1o1');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).to.deep.equal(['/polls/42/votes']);
    await waitUntil(() => localStorage.getItem(`veche:draft:poll:${MOCK_API}#${id}`)?.includes('q1o1'), 'draft of b not saved');
    expect(localStorage.getItem(`veche:draft:poll:${MOCK_API}#42`)).to.be.null;
  });
});
