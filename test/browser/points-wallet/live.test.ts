import { expect, waitUntil } from '@open-wc/testing';
import { aTimeout } from '@open-wc/testing';
import { VecheEvent } from '../../../src/core/events.js';
import { ANNA, backend, credit, mocks, renderWallet, requests, reset, ru, text, walletGets } from './setup.js';

/** Another widget on the page reports a change, as the poll does after a vote. */
function fromElsewhere(detail: { delta: number; balance?: number; reason: string }): void {
  const poll = document.createElement('div');
  document.body.append(poll);
  poll.dispatchEvent(new VecheEvent('veche-points-change', detail));
  poll.remove();
}

describe('<veche-points-wallet> live updates', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('applies the balance from each event at once and coalesces a burst into one refetch', async () => {
    const el = await renderWallet({ tab: 'history' });
    const start = backend.db.wallet(ANNA).balance;
    expect(walletGets()).to.equal(1);
    const historyGets = () => requests.filter((r) => r.path === '/wallet/transactions').length;
    const before = historyGets();
    for (let i = 1; i <= 10; i++) {
      credit(ANNA, 10, `Голосование №${i}`);
      fromElsewhere({ delta: 10, balance: start + 10 * i, reason: 'vote' });
    }
    await el.updateComplete;
    expect(text(el, '[part~="balance"]')).to.equal(`Баланс: ${ru(start + 100)} баллов`);
    expect(walletGets()).to.equal(1);
    await waitUntil(() => walletGets() === 2, 'no refetch');
    await aTimeout(700);
    expect(walletGets()).to.equal(2);
    expect(historyGets()).to.equal(before + 1);
    await waitUntil(() => text(el, '[part~="entry"]').includes('Голосование №10'), 'history not refreshed');
  });

  it('an event without a balance refetches it; events the wallet itself sent are not echoed', async () => {
    const el = await renderWallet();
    credit(ANNA, 10);
    fromElsewhere({ delta: 10, reason: 'rating' });
    await waitUntil(() => text(el, '[part~="balance"]') === `Баланс: ${ru(backend.db.wallet(ANNA).balance)} баллов`, 'not refreshed');
    expect(walletGets()).to.equal(2);
    el.dispatchEvent(new VecheEvent('veche-points-change', { delta: -5, balance: 1, reason: 'redemption' }));
    await aTimeout(600);
    expect(walletGets()).to.equal(2);
    expect(text(el, '[part~="balance"]')).not.to.equal('Баланс: 1 балл');
  });

  it('voting in a poll on the same page raises the balance shown', async () => {
    await import('../../../src/widgets/poll/define.js');
    const { fixture, html } = await import('@open-wc/testing');
    const { mockToken, MOCK_API } = await import('../../../src/mocks/index.js');
    const poll = backend.db.region.polls.find((p) => p.id === backend.db.region.polls.find((x) => db_open(x))!.id)!;
    function db_open(p: (typeof backend.db.region.polls)[number]) {
      return backend.db.pollStatus(p) === 'open' && p.kind !== 'survey' && !backend.db.myVote(p.id, ANNA) && p.questions[0]!.type === 'single';
    }
    const el = await renderWallet();
    const start = backend.db.wallet(ANNA).balance;
    const host = await fixture(html`<veche-poll api=${MOCK_API} poll=${poll.id} .getToken=${() => mockToken(ANNA)}></veche-poll>`);
    await waitUntil(() => host.shadowRoot!.querySelector('input[type=radio]'), 'poll not loaded');
    host.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio]')!.click();
    await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    host.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitUntil(() => text(el, '[part~="balance"]') === `Баланс: ${ru(start + backend.db.pollPoints(poll))} баллов`, 'the wallet did not follow the vote');
  });
});
