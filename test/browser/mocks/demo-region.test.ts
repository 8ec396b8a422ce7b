import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createDemoRegion } from '../../../api/fixtures/demo-region.js';
import { createMockBackend } from '../../../src/mocks/index.js';

// The mocks build the demo region in the browser, once per backend: a story's backend when its
// module loads, a play function's or test's own copy later. They must agree, as the server's seed
// (Node) and the mocks must. A shuffle by sort(() => rand() - 0.5) made Chromium's copies differ
// now and then (a story looked for a complaint where its backend had none: a flaky CI failure),
// and each of them differed from Node's.
describe('the demo region in Chromium', () => {
  it('comes out the same every time it is built for one instant', () => {
    const now = new Date('2026-12-04T15:06:02.334Z');
    const first = JSON.stringify(createDemoRegion({ now }));
    const differing = Array.from({ length: 30 }, () => JSON.stringify(createDemoRegion({ now }))).filter((again) => again !== first);
    expect(differing.length, 'builds that differ from the first').to.equal(0);
  });

  it('is the region the reference server seeds from (built in Node)', async () => {
    const now = '2026-12-04T15:06:02.334Z';
    const json = new TextEncoder().encode(JSON.stringify(createDemoRegion({ now: new Date(now) })));
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', json))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    expect(digest).to.equal(await executeServerCommand<string, { now: string }>('demo-region-digest', { now }));
  });

  it('puts every complaint in the same place for two mock backends built apart', async () => {
    const places = (db: ReturnType<typeof createMockBackend>['db']) => db.complaints.map((c) => `${c.id} ${c.location?.lat} ${c.location?.long}`);
    const earlier = places(createMockBackend().db);
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 10; i++) expect(places(createMockBackend().db)).to.deep.equal(earlier);
  });
});
