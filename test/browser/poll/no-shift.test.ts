/**
 * The skeleton reserves the poll's height: what the page has below a poll does not move when the
 * poll arrives (no layout shift), for every type and state a page shows on load, on a desktop
 * column and on a 320 px phone. A poll's height is not known before its data arrive, so the
 * reserve is the webmaster's `--veche-poll-reserve` (README, "No flash before the code arrives";
 * the demo portal sets it per poll): with the poll's final height as its reserve nothing moves,
 * and with the default reserve the poll may only grow, never shrink below its skeleton.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http } from 'msw';
import { mockToken } from '../../../src/mocks/index.js';
import { fixtureIds, loaded, MOCK_API, mocks, polls, reset } from './setup.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';

/** Holds every poll's GET until `release()`; then the demo backend behind it answers. */
function heldPolls() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  // No response: MSW falls through to the next handler (the demo backend) once the gate opens.
  return { handler: http.get(`${MOCK_API}/polls/:id`, async () => void (await gate)), release };
}

const cases: Array<[string, string, string | null]> = [
  ['open single choice', polls.openSingle, fixtureIds.citizens.newcomer],
  ['open multiple choice', polls.openMultiple, fixtureIds.citizens.newcomer],
  ['open scale', polls.openScale, fixtureIds.citizens.newcomer],
  ['survey', polls.survey, fixtureIds.citizens.newcomer],
  ['closed with results', polls.closed, null],
  ['upcoming', polls.upcoming, null],
  ['already voted, with results', polls.alreadyVotedBy.anna, fixtureIds.citizens.active],
];

for (const width of [800, 320]) {
  describe(`<veche-poll> reserves its height (${width} px wide)`, () => {
    before(() => setViewport({ width, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));
    beforeEach(() => reset());

    /** The poll in a page with a paragraph below, its GET held until `release()`; `reserve` sets --veche-poll-reserve. */
    async function pollOnPage(id: string, citizen: string | null, reserve?: string) {
      const held = heldPolls();
      await mocks(held.handler);
      const page = await fixture<HTMLElement>(html`<div>
        <veche-poll api=${MOCK_API} poll=${id} .getToken=${citizen ? () => mockToken(citizen) : undefined}></veche-poll>
        <p id="below">Новости района</p>
      </div>`);
      const el = page.querySelector<VechePoll>('veche-poll')!;
      if (reserve) el.style.setProperty('--veche-poll-reserve', reserve);
      await waitUntil(() => el.shadowRoot?.querySelector('[aria-busy="true"]'), 'no skeleton');
      await nextFrame();
      const below = page.querySelector('#below')!;
      const skeleton = below.getBoundingClientRect().top;
      held.release();
      await loaded(el);
      // The results come with a part of their own: wait until the poll has settled.
      await nextFrame();
      await nextFrame();
      return { el, skeleton, shown: below.getBoundingClientRect().top };
    }

    for (const [what, id, citizen] of cases) {
      it(`${what}: with its height as the reserve, the text below does not move when it arrives`, async () => {
        // Its height on this page, measured once it has arrived.
        const first = await pollOnPage(id, citizen);
        const height = first.el.getBoundingClientRect().height;
        // Off the page: a late change of its height must not move the second one.
        first.el.parentElement!.remove();
        reset();
        const { skeleton, shown } = await pollOnPage(id, citizen, `${height}px`);
        expect(shown, `${what}: ${Math.round(skeleton)} px below the skeleton, ${Math.round(shown)} px below the poll`).to.be.closeTo(skeleton, 1);
      });

      it(`${what}: with the default reserve it never shrinks below its skeleton`, async () => {
        const { skeleton, shown } = await pollOnPage(id, citizen);
        expect(shown).to.be.at.least(skeleton - 1);
      });
    }
  });
}
