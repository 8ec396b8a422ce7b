import { expect } from '@open-wc/testing';
import { $$, backend, mocks, pick, polls, renderPoll, requests, reset, submit, text, voted } from './setup.js';

/**
 * Every demo multiple-choice question asks for at least one option, which "required" already
 * covers: these tests raise the minimum on the open multiple poll's question. `backend.reset()`
 * does not rebuild polls (MockDb.poll reads the generated region itself), so each test puts the
 * limits back.
 */
describe('<veche-poll> multiple choice with a minimum above one', () => {
  const id = polls.openMultiple;
  const question = () => backend.db.poll(id)!.questions[0]!;
  let original: [number | undefined, number | undefined];

  beforeEach(async () => {
    reset();
    await mocks();
    const q = question();
    original = [q.minChoices, q.maxChoices];
  });

  afterEach(() => {
    const q = question();
    [q.minChoices, q.maxChoices] = original;
  });

  const limit = (min: number, max: number) => {
    const q = question();
    expect(q.type).to.equal('multiple');
    expect(q.options.length).to.be.at.least(3);
    q.minChoices = min;
    q.maxChoices = max;
  };

  it('min = max = 2: asks for exactly 2, refuses 1 next to the question without sending, votes with 2', async () => {
    limit(2, 2);
    const el = await renderPoll(id);
    const [first, second] = question().options;
    expect(text(el, '#hint')).to.contain('Выберите 2 варианта.').and.not.contain('Выберите от');
    await pick(el, first!.label);
    await submit(el);
    expect(text(el, '#error')).to.equal('Выберите хотя бы 2 варианта.');
    expect($$(el, 'input')[0]!.getAttribute('aria-describedby')).to.contain('error');
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
    // The second choice clears the error as it is made.
    await pick(el, second!.label);
    expect(text(el, '#error')).to.equal('');
    await submit(el);
    await voted(el);
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(1);
    expect(backend.db.votes.at(-1)!.answers).to.deep.equal([{ questionId: 'q1', optionIds: [first!.id, second!.id] }]);
  });

  it('min 2, max 3: explains the range and refuses a single choice', async () => {
    limit(2, 3);
    const el = await renderPoll(id);
    const [first, second] = question().options;
    expect(text(el, '#hint')).to.contain('Выберите от 2 до 3 вариантов.');
    await pick(el, first!.label);
    await submit(el);
    expect(text(el, '#error')).to.equal('Выберите хотя бы 2 варианта.');
    expect(el.shadowRoot!.activeElement).to.equal($$(el, 'input')[0]);
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);
    await pick(el, second!.label);
    await submit(el);
    await voted(el);
    expect(backend.db.votes.at(-1)!.answers).to.deep.equal([{ questionId: 'q1', optionIds: [first!.id, second!.id] }]);
  });
});
