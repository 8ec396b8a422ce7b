import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { mockToken, scenarios } from '../../../src/mocks/index.js';
import { $, $$, backend, buttonNamed, fixtureIds, mocks, renderStatus, requests, reset, text } from './setup.js';

describe('<veche-complaint-status mine>', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('lists my complaints newest first and pages with "show more"', async () => {
    const mine = backend.db.complaints.filter((c) => c.citizenId === fixtureIds.citizens.active);
    expect(mine.length).to.equal(5);
    const el = await renderStatus({ mine: true, pageSize: 2 });
    expect(el.matches(':state(list)')).to.be.true;
    const titles = () => $$(el, '.card h3').map((h) => h.textContent!.trim());
    expect(titles()).to.have.length(2);
    await expect(el).to.be.accessible();

    const more = buttonNamed(el, 'Показать ещё')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles().length === 4, 'the second page did not load');
    const third = $$(el, '.card h3')[2]!;
    expect(el.shadowRoot!.activeElement, 'focus moves to the first new complaint').to.equal(third);

    buttonNamed(el, 'Показать ещё')!.click();
    await waitUntil(() => titles().length === 5, 'the last page did not load');
    expect(buttonNamed(el, 'Показать ещё'), 'no more pages').to.be.null;
    expect(new Set(titles()).size).to.equal(5);
    // Newest first; two filed in the same second in the id order the contract gives them.
    const sorted = [...mine]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map((c) => `Обращение ${c.trackingNumber}`);
    expect(titles()).to.deep.equal(sorted);
    const pages = requests.filter((r) => r.path.startsWith('/complaints?'));
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('mine'))).to.deep.equal(['true', 'true', 'true']);
    expect(pages[1]!.path).to.contain('cursor=');
  });

  it('shows a complaint filed by a form on the same page at once', async () => {
    const el = await renderStatus({ mine: true, pageSize: 100 });
    const count = () => $$(el, '.card h3').length;
    const before = count();
    const filed = structuredClone(backend.db.complaints.find((c) => c.citizenId === fixtureIds.citizens.active)!);
    backend.db.complaints.push({ ...filed, id: 'c-filed-now', trackingNumber: 'ZR-TEST-1', createdAt: new Date().toISOString() });
    document.dispatchEvent(new CustomEvent('veche-complaint-submitted', { detail: { complaint: 'c-filed-now', trackingNumber: 'ZR-TEST-1', service: filed.serviceCode, agency: 'roads' } }));
    await waitUntil(() => count() === before + 1, 'the new complaint did not appear');
    expect(text(el)).to.contain('ZR-TEST-1');
  });

  it('opens a complaint\'s timeline in a disclosure', async () => {
    const el = await renderStatus({ mine: true });
    const details = $<HTMLDetailsElement>(el, 'details')!;
    expect(details.open).to.be.false;
    details.querySelector('summary')!.click();
    await el.updateComplete;
    expect(details.open).to.be.true;
    expect(details.querySelector('.timeline li')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows an empty state to a citizen without complaints', async () => {
    const el = await renderStatus({ mine: true, citizen: fixtureIds.citizens.newcomer });
    expect(el.matches(':state(empty)')).to.be.true;
    expect(text(el)).to.contain('У вас пока нет обращений');
    await expect(el).to.be.accessible();
  });

  it('asks a signed-out citizen to sign in', async () => {
    await mocks(...scenarios.signedOut());
    const el = await renderStatus({ mine: true, citizen: null });
    expect(el.matches(':state(signed-out)')).to.be.true;
    const link = $<HTMLAnchorElement>(el, '[part~="sign-in-link"]')!;
    expect(link.href).to.equal('https://portal.example/login');
    expect(text(el)).to.contain('Нужно войти');
    await expect(el).to.be.accessible();
  });

  it('follows sign-out and sign-in: never shows the previous citizen\'s complaints', async () => {
    const el = await renderStatus({ mine: true, pageSize: 100 });
    const mine = backend.db.complaints.filter((c) => c.citizenId === fixtureIds.citizens.active);
    expect(text(el)).to.contain(mine[0]!.trackingNumber);

    // The portal signs the citizen out: the widget gets no token any more.
    el.getToken = undefined;
    await waitUntil(() => el.matches(':state(signed-out)'), 'the list did not notice the sign-out');
    expect($$(el, '.card')).to.have.length(0);
    for (const c of mine) expect(text(el)).not.to.contain(c.trackingNumber);

    // Someone else signs in on the same page: their (empty) list, not the first citizen's.
    el.getToken = () => mockToken(fixtureIds.citizens.newcomer);
    await waitUntil(() => el.matches(':state(empty)'), 'the list did not load for the new citizen');
    for (const c of mine) expect(text(el)).not.to.contain(c.trackingNumber);
  });

  it('switching straight to another citizen shows nothing of the first one, not even while loading', async () => {
    const el = await renderStatus({ mine: true, pageSize: 100 });
    const mine = backend.db.complaints.filter((c) => c.citizenId === fixtureIds.citizens.active);
    expect(text(el)).to.contain(mine[0]!.trackingNumber);
    el.getToken = () => mockToken(fixtureIds.citizens.newcomer);
    await el.updateComplete;
    expect($$(el, '.card'), 'the first citizen\'s cards while the second one\'s list loads').to.have.length(0);
    await waitUntil(() => el.matches(':state(empty)'), 'the list did not load for the new citizen');
  });

  it('fits 320 px without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await renderStatus({ mine: true });
      $$<HTMLDetailsElement>(el, 'details').forEach((d) => (d.open = true));
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
