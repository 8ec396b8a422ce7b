import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, backend, ballots, mocks, pick, polls, renderPoll, requests, reset, submit, text, voted } from './setup.js';

describe('<veche-poll> multiple choice and scale', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('multiple: explains the limits, disables further options at the maximum and enforces the minimum', async () => {
    const id = polls.openMultiple;
    const question = backend.db.poll(id)!.questions[0]!;
    expect([question.minChoices, question.maxChoices]).to.deep.equal([1, 2]);
    const el = await renderPoll(id);
    const boxes = () => $$(el, 'input[type=checkbox]');
    expect(boxes()).to.have.length(question.options.length);
    expect(text(el, '#hint')).to.contain('Выберите от 1 до 2 вариантов.');
    expect(boxes()[0]!.getAttribute('aria-describedby')).to.contain('hint');

    await submit(el);
    expect(text(el, '#error')).to.equal('Ответьте на этот вопрос.');
    expect(requests.some((r) => r.method === 'POST')).to.be.false;

    await pick(el, question.options[0]!.label);
    await pick(el, question.options[2]!.label);
    expect(text(el, '#count')).to.contain('Выбрано 2 из 2.').and.contain('снимите одну из отметок');
    expect(boxes().filter((b) => b.disabled).map((b) => b.value)).to.deep.equal(
      question.options.filter((_, i) => i !== 0 && i !== 2).map((o) => o.id),
    );
    await expect(el).to.be.accessible();
    // Unchecking frees the others again.
    await pick(el, question.options[0]!.label);
    expect(boxes().some((b) => b.disabled)).to.be.false;
    await pick(el, question.options[1]!.label);
    await submit(el);
    await voted(el);
    expect(backend.db.votes.at(-1)!.answers).to.deep.equal([{ questionId: 'q1', optionIds: ['o3', 'o2'] }]);
    // Live policy: results show both of my choices.
    expect($$(el, '[part~="result-mine"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('multiple: checkboxes toggle with Space', async () => {
    const el = await renderPoll(polls.openMultiple);
    $$(el, 'input')[1]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($$(el, 'input')[1]!.checked).to.be.true;
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($$(el, 'input')[1]!.checked).to.be.false;
  });

  it('scale: a labelled 1–5 radio group operated with arrow keys', async () => {
    const id = polls.openScale;
    const el = await renderPoll(id);
    const radios = $$(el, 'input[type=radio]');
    expect(radios.map((r) => r.value)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(text(el, '#labels')).to.contain('1 — Совсем не нравится').and.contain('5 — Очень нравится');
    expect(radios[0]!.getAttribute('aria-describedby')).to.contain('labels');
    await expect(el).to.be.accessible();
    radios[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(radios.find((r) => r.checked)!.value).to.equal('3');
    await sendKeys({ press: 'Enter' });
    await voted(el);
    expect(backend.db.votes.at(-1)!.answers).to.deep.equal([{ questionId: 'q1', value: 3 }]);
    expect(ballots(id)).to.equal(1);
  });

  it('scale results show an average and mark my value', async () => {
    const el = await renderPoll(polls.openLive);
    // openLive is a multiple-choice poll; find a scale poll with visible results: a closed live one.
    const scale = backend.db.region.polls.find((p) => p.questions[0]!.type === 'scale' && p.kind === 'poll' && backend.db.pollStatus(p) === 'closed')!;
    el.poll = scale.id;
    await waitUntil(() => $(el, '[part~="results"]') && $(el, 'h2')!.textContent === scale.title);
    expect($$(el, '[part~="result"]')).to.have.length(5);
    expect(text(el, '[part~="results"]')).to.match(/Средняя оценка: \d(,\d)?/);
    await expect(el).to.be.accessible();
  });
});
