import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { getResponse, http, HttpResponse } from 'msw';
import { problemResponse } from '../../../src/mocks/http.js';
import { $, backend, complaintsWith, MOCK_API, mocks, NEWCOMER, renderForm, reset, settle } from './setup.js';

const DRAFT_KEY = `veche:draft:complaint:veche:${MOCK_API}`;
const OUTBOX_KEY = `veche:outbox:complaints:veche:${MOCK_API}`;

/** A small seeded generator, so a failing run can be reproduced. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

type Fault = 'network-before' | '5xx-before' | 'network-after-commit' | '5xx-after-commit' | 'none';

describe('<veche-complaint-form> chaos', () => {
  it('50 submissions through random failures: each filed exactly once, no draft lost', async function () {
    this.timeout(120_000);
    reset();
    const random = seeded(20261126);
    const faults: Fault[] = ['network-before', '5xx-before', 'network-after-commit', '5xx-after-commit', 'none'];
    let plan: Fault[] = [];
    const seen = new Map<Fault, number>();
    await mocks(
      http.post(`${MOCK_API}/complaints`, async ({ request }) => {
        const fault = plan.shift() ?? 'none';
        seen.set(fault, (seen.get(fault) ?? 0) + 1);
        if (fault === 'network-before') return HttpResponse.error();
        if (fault === '5xx-before') return problemResponse(500, 'internal', 'Сбой');
        if (fault === 'none') return undefined;
        // The backend commits, then the answer is lost on the way back.
        await getResponse(backend.handlers, request);
        return fault === 'network-after-commit' ? HttpResponse.error() : problemResponse(503, 'unavailable', 'Шлюз упал');
      }),
    );

    for (let i = 0; i < 50; i++) {
      const description = `Хаос-обращение №${i}: лифт снова стоит.`;
      localStorage.setItem(
        DRAFT_KEY,
        JSON.stringify({
          value: { step: 4, service: 'housing-elevator', values: {}, description, address: 'ул. Речная, 12', photos: [], consent: true, key: crypto.randomUUID() },
          savedAt: Date.now(),
        }),
      );
      plan = Array.from({ length: Math.floor(random() * 4) }, () => faults[Math.floor(random() * 4)]!);
      let el = await renderForm();
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      for (let attempt = 0; !el.matches(':state(submitted)'); attempt++) {
        expect(attempt, `submission ${i} never went through`).to.be.lessThan(12);
        await waitUntil(() => el.matches(':state(submitted)') || el.matches(':state(queued)'), `submission ${i} stuck`, { timeout: 4000 });
        if (el.matches(':state(submitted)')) break;
        // Queued: the citizen's text is still stored, in the draft and in the outbox.
        expect(localStorage.getItem(DRAFT_KEY), `draft ${i} lost`).to.contain(description);
        expect(localStorage.getItem(OUTBOX_KEY), `outbox ${i} lost`).to.contain(description);
        if (random() < 0.3 && !el.matches(':state(sending)')) {
          // A reload (nothing in flight, as a reload cancels it): the next page load sends it.
          fixtureCleanup();
          el = await renderForm();
        } else {
          await settle(el);
          // Unless the automatic retry is already under way, the citizen presses "send now".
          $<HTMLButtonElement>(el, '[part~="queued"] button')?.click();
        }
      }
      expect(complaintsWith(description), `submission ${i}`).to.have.length(1);
      fixtureCleanup();
      expect(localStorage.getItem(OUTBOX_KEY)).to.equal('[]');
    }
    expect(backend.db.complaints.filter((c) => c.citizenId === NEWCOMER && c.description.startsWith('Хаос'))).to.have.length(50);
    for (const fault of ['network-before', '5xx-before', 'network-after-commit', '5xx-after-commit'] as const) {
      expect(seen.get(fault) ?? 0, `${fault} was never injected`).to.be.greaterThan(3);
    }
  });
});
