import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { scenarios } from '../../../src/mocks/index.js';
import { $, $$, ANNA, backend, credit, mocks, openTab, renderWallet, reset, ru, text, useOnly } from './setup.js';

describe('<veche-points-wallet> balance, level, tabs and states', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('shows the balance, the level from the backend and the progress to the next level', async () => {
    const el = await renderWallet();
    const wallet = backend.db.wallet(ANNA);
    expect(el.matches(':state(ready)')).to.be.true;
    expect(text(el, '[part~="balance"]')).to.equal(`Баланс: ${ru(wallet.balance)} баллов`);
    expect(text(el, '[part~="level"]')).to.equal('Уровень: Активный гражданин');
    const bar = $(el, '[part~="progress"]')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuemin')).to.equal('1000');
    expect(bar.getAttribute('aria-valuemax')).to.equal('5000');
    expect(bar.getAttribute('aria-valuenow')).to.equal(String(wallet.earned));
    const share = Number(bar.querySelector<HTMLElement>('.fill')!.style.getPropertyValue('--_share'));
    expect(share).to.be.closeTo((wallet.earned - 1000) / 4000, 1e-9);
    expect(bar.querySelector('.fill')!.hasAttribute('style')).to.be.true; // set through the CSSOM, never in markup
    expect(text(el, '.panel')).to.contain(`До уровня «Эксперт» — ${ru(wallet.pointsToNextLevel!)} баллов`);
    const levels = $$(el, '.levels li').map((li) => li.textContent!.replace(/[ \n]+/g, ' ').trim());
    expect(levels).to.have.length(5);
    expect(levels[2]).to.equal('Активный гражданин — от 1\u00a0000 баллов (ваш уровень)');
    expect(text(el, '.totals')).to.contain('Потрачено').and.contain(`${ru(wallet.spent)} баллов`);
    await expect(el).to.be.accessible();
  });

  it('speaks to kids when the theme includes kids, in Russian and English (Active Citizen Kids)', async () => {
    const el = await renderWallet();
    const wallet = backend.db.wallet(ANNA);
    el.setAttribute('theme', 'kids');
    await waitUntil(() => text(el, '.panel').includes(`До уровня «Эксперт» ещё ${ru(wallet.pointsToNextLevel!)} баллов`), 'no kids wording in Russian');
    expect(text(el, '[role="tablist"]')).to.contain('Помочь другим');
    el.setAttribute('locale', 'en');
    await waitUntil(() => text(el, '[role="tablist"]').includes('Help others'), 'no kids wording in English');
    el.removeAttribute('theme');
    await waitUntil(() => text(el, '[role="tablist"]').includes('Charity'), 'the kids wording stayed after the theme changed');
  });

  it('formats numbers and plurals in Russian: 1 балл, 2 балла, 5 баллов, 21 балл, 1 000 баллов', async () => {
    const cases: Array<[number, string]> = [[1, '1 балл'], [2, '2 балла'], [5, '5 баллов'], [11, '11 баллов'], [21, '21 балл'], [1000, '1\u00a0000 баллов']];
    for (const [amount, expected] of cases) {
      const citizen = `plural-${amount}`;
      credit(citizen, amount);
      const el = await renderWallet({ citizen });
      expect(text(el, '[part~="balance"]')).to.equal(`Баланс: ${expected}`);
      el.remove();
    }
  });

  it('formats for English with its own grouping and plurals', async () => {
    credit('en-1', 1);
    credit('en-1000', 1000);
    const one = await renderWallet({ citizen: 'en-1', locale: 'en' });
    await waitUntil(() => text(one, '[part~="balance"]') === 'Balance: 1 point', 'no English text');
    const many = await renderWallet({ citizen: 'en-1000', locale: 'en' });
    await waitUntil(() => text(many, '[part~="balance"]') === 'Balance: 1,000 points', 'no English grouping');
    await expect(many).to.be.accessible();
  });

  it('has keyboard tabs: arrows, Home and End move and select; one tab stop; the panel follows', async () => {
    const el = await renderWallet();
    const tabs = $$(el, '[role="tab"]');
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['Баланс', 'История', 'Награды', 'Благотворительность']);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-history');
    expect($(el, '#tab-history')!.getAttribute('aria-selected')).to.equal('true');
    expect($(el, '[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-history');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-donations');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-balance');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-balance');
    expect($$(el, '[role="tab"]').filter((t) => t.tabIndex === 0)).to.have.length(1);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.getAttribute('role')).to.equal('tabpanel');
  });

  it('signed out: sign-in call to action and how points are earned; the host may take over sign-in', async () => {
    const el = await renderWallet({ citizen: null });
    expect(el.matches(':state(signed-out)')).to.be.true;
    expect(text(el, '[part~="sign-in"]')).to.contain('Нужно войти');
    expect(text(el)).to.contain('Как получить баллы').and.contain('голосования и опросы');
    expect($(el, '[role="tablist"]')).to.be.null;
    const link = $<HTMLAnchorElement>(el, '[part~="sign-in-link"]')!;
    expect(link.href).to.equal('https://portal.example/login');
    await expect(el).to.be.accessible();
    // The host cancels veche-auth-required to open its own flow: the page does not navigate.
    el.addEventListener('veche-auth-required', (e) => e.preventDefault(), { once: true });
    const auth = oneEvent(el, 'veche-auth-required');
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    expect((await auth).detail).to.deep.equal({ action: 'view-wallet', loginUrl: 'https://portal.example/login' });
    expect(click.defaultPrevented).to.be.true;
  });

  it('backend error while loading: message, veche-error, and a retry that loads', async () => {
    await mocks(...scenarios.serverError());
    const error = oneEvent(document, 'veche-error');
    const el = await renderWallet();
    expect((await error).detail).to.include({ code: 'server', status: 500 });
    expect(el.matches(':state(error)')).to.be.true;
    expect(text(el, '[part~="status"]')).to.contain('Сервис временно не отвечает');
    await expect(el).to.be.accessible();
    await useOnly();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => el.matches(':state(ready)'), 'no retry');
  });

  it('loading: a busy skeleton that reserves space', async () => {
    await mocks(...scenarios.loading());
    const el = await renderWallet({ loaded: false });
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.be.true;
    expect($(el, '[aria-busy="true"]')).to.exist;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
    await expect(el).to.be.accessible();
  });

  it('without a backend: the configuration error, not a blank box', async () => {
    const el = document.createElement('veche-points-wallet');
    document.body.append(el);
    await el.updateComplete;
    expect(el.matches(':state(misconfigured)')).to.be.true;
    expect(el.shadowRoot!.textContent).to.contain('Этот блок сейчас недоступен');
    el.remove();
  });

  it('fits 320 px in every tab without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await renderWallet();
      for (const tab of ['balance', 'history', 'rewards', 'donations']) {
        await openTab(el, tab);
        expect(document.documentElement.scrollWidth, tab).to.be.at.most(320);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
