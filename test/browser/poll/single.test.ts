import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, backend, ballots, loaded, mocks, pick, polls, renderPoll, requests, reset, submit, submitButton, text, voted } from './setup.js';
import { animatedProperties, backgroundBehind } from '../../helpers/browser/paint.js';

describe('<veche-poll> single choice', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('renders an open poll as a native radio group with option image, alt and description', async () => {
    const el = await renderPoll(polls.openSingle);
    expect(el.matches(':state(open)')).to.be.true;
    expect($(el, 'h2')!.textContent).to.equal('Парк у реки');
    const radios = $$(el, 'input[type=radio]');
    expect(radios).to.have.length(5);
    expect(radios.every((r) => r.name === 'q1' && r.required)).to.be.true;
    const img = $<HTMLImageElement>(el, '.option img')!;
    expect(img.alt).to.equal('Эскиз: Велодорожка и прокат');
    expect(text(el, '.option')).to.contain('Проект готов, подрядчик определён.');
    expect(text(el)).to.contain('За участие — 10 баллов');
    expect(submitButton(el).textContent!.trim()).to.equal('Проголосовать');
    await expect(el).to.be.accessible();
  });

  it('votes: one POST with an idempotency key, events, points announced, focus on the confirmation, receipt checked', async () => {
    const el = await renderPoll(polls.openSingle);
    const changes: CustomEvent[] = [];
    el.addEventListener('veche-points-change', (e) => changes.push(e));
    await pick(el, 'Летняя сцена');
    const vote = oneEvent(el, 'veche-vote');
    await submit(el);
    const { detail } = await vote;
    expect(detail).to.deep.equal({ poll: '42', answers: [{ questionId: 'q1', optionIds: ['o3'] }] });
    await voted(el);
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail).to.include({ delta: 10, reason: 'vote' });
    expect(changes[0]!.detail.balance).to.be.a('number');
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
    expect(text(el, '.done')).to.contain('Спасибо! Ваш голос учтён.').and.contain('Начислено: 10 баллов.');
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(ballots('42')).to.equal(1);
    // The receipt is shown and checked against GET /votes/{receipt}.
    const receipt = $(el, 'code')!.textContent!;
    expect(receipt).to.equal(backend.db.votes.at(-1)!.receipt);
    await waitUntil(() => $(el, '#check'), 'the receipt was not checked');
    expect(requests.some((r) => r.method === 'GET' && r.path === `/votes/${receipt}`)).to.be.true;
    expect(text(el, '#check')).to.contain('Голос с этим кодом учтён');
    await waitUntil(() => (el as unknown as { announcer: { lastMessage: string } }).announcer.lastMessage.includes('учтён'));
    expect(el.matches(':state(voted)')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('asks to announce the vote and its points, before the receipt check is announced', async () => {
    const el = await renderPoll(polls.openSingle);
    const announcer = (el as unknown as { announcer: { announce(message: string, options?: { assertive?: boolean }): void } }).announcer;
    const asked: string[] = [];
    const announce = announcer.announce.bind(announcer);
    announcer.announce = (message, options) => {
      asked.push(message);
      announce(message, options);
    };
    await pick(el, 'Летняя сцена');
    await submit(el);
    await voted(el);
    await waitUntil(() => asked.some((m) => m.startsWith('Голос с этим кодом учтён')), 'the receipt check was not announced');
    expect(asked[0]).to.equal('Спасибо! Ваш голос учтён. Начислено: 10 баллов.');
    expect(asked).to.have.length(2);
  });

  it('the live region says the vote and its points, then (or with them) the receipt check', async () => {
    const el = await renderPoll(polls.openSingle);
    // The announcer's polite region: a live region of its own, first in the shadow root.
    const region = [...el.shadowRoot!.children].find((c) => c.getAttribute('aria-live') === 'polite')!;
    expect(region, 'no polite live region').to.exist;
    const spoken: string[] = [];
    const observer = new MutationObserver(() => {
      const said = region.textContent!.trim();
      if (said && said !== spoken.at(-1)) spoken.push(said);
    });
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    try {
      await pick(el, 'Летняя сцена');
      await submit(el);
      await voted(el);
      await waitUntil(() => spoken.some((m) => m.includes('Голос с этим кодом учтён')), 'the receipt check was not announced');
    } finally {
      observer.disconnect();
    }
    // The receipt check often answers within the announcer's delay: then both are one message.
    const said = spoken.join(' | ');
    const points = said.indexOf('Спасибо! Ваш голос учтён. Начислено: 10 баллов.');
    expect(points, `announced: ${JSON.stringify(spoken)}`).to.be.at.least(0);
    expect(points).to.be.below(said.indexOf('Голос с этим кодом учтён'));
  });

  it('after-vote policy: no results before voting; after voting the results mark my choice', async () => {
    const el = await renderPoll(polls.openSingle);
    expect($(el, '[part~="results"]')).to.be.null;
    expect(text(el)).to.contain('Результаты откроются после того, как вы проголосуете.');
    await pick(el, 'Пляж и раздевалки');
    await submit(el);
    await voted(el);
    const rows = $$<HTMLLIElement>(el, '[part~="result"]');
    expect(rows).to.have.length(5);
    const mine = $$<HTMLLIElement>(el, '[part~="result-mine"]');
    expect(mine).to.have.length(1);
    expect(mine[0]!.textContent).to.contain('Пляж и раздевалки').and.contain('(ваш выбор)');
    const results = backend.db.results(backend.db.poll('42')!);
    expect(text(el, '[part~="results"]')).to.contain(`Проголосовал`).and.contain(String(results.participants));
    // Every row says its share and its count in words, and the bar is decoration for sighted readers.
    const row = rows[1]!;
    expect(row.textContent).to.match(/\d+\s?%/).and.match(/\d+ голос(а|ов)?/);
    expect(row.querySelector('.bar')!.getAttribute('aria-hidden')).to.equal('true');
    const fill = row.querySelector<HTMLElement>('.fill')!;
    expect(Number(fill.style.getPropertyValue('--_share'))).to.be.closeTo(results.questions[0]!.options[1]!.share, 1e-9);
    await expect(el).to.be.accessible();
  });

  it('is operated by keyboard: arrows move the choice, Enter votes', async () => {
    const el = await renderPoll(polls.openSingle);
    $$(el, 'input')[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($$(el, 'input').findIndex((r) => r.checked)).to.equal(2);
    await sendKeys({ press: 'Enter' });
    await voted(el);
    expect(backend.db.votes.at(-1)!.answers).to.deep.equal([{ questionId: 'q1', optionIds: ['o3'] }]);
  });

  it('requires an answer before sending, says so next to the question and sends nothing', async () => {
    const el = await renderPoll(polls.openSingle);
    await submit(el);
    await el.updateComplete;
    expect(text(el, '#error')).to.equal('Ответьте на этот вопрос.');
    expect($$(el, 'input')[0]!.getAttribute('aria-describedby')).to.contain('error');
    expect(el.shadowRoot!.activeElement).to.equal($$(el, 'input')[0]);
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('cannot be sent twice: a second click while sending does nothing', async () => {
    const { scenarios } = await import('../../../src/mocks/index.js');
    await mocks(...scenarios.slow(undefined, 300));
    const el = await renderPoll(polls.openSingle);
    await pick(el, 'Летняя сцена');
    submitButton(el).click();
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(el.matches(':state(sending)')).to.be.true;
    submitButton(el).click();
    await voted(el);
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(1);
    expect(ballots('42')).to.equal(1);
  });

  it('shows a citizen who already voted their answers, receipt and (policy permitting) results', async () => {
    const anna = 'anna';
    const id = polls.alreadyVotedBy.anna;
    const el = await renderPoll(id, { citizen: anna });
    expect(el.matches(':state(voted)')).to.be.true;
    const mine = backend.db.myVote(id, anna)!;
    expect($(el, 'code')!.textContent).to.equal(mine.receipt);
    expect(text(el, '.done')).to.contain('Вы проголосовали');
    expect(el.shadowRoot!.querySelector('form')).to.be.null;
    $<HTMLButtonElement>(el, '.done button')!.click();
    await waitUntil(() => $(el, '#check'));
    expect(text(el, '#check')).to.contain('учтён');
    await expect(el).to.be.accessible();
  });

  it('loading in the visually-impaired mode, where the surfaces are one colour: the skeleton shows by its edge', async () => {
    const themes = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/src/themes/index.css' });
    const loadedCss = new Promise((resolve, reject) => {
      themes.addEventListener('load', resolve);
      themes.addEventListener('error', reject);
    });
    document.head.append(themes);
    document.documentElement.dataset.vecheTheme = 'vision';
    try {
      await loadedCss;
      const { scenarios } = await import('../../../src/mocks/index.js');
      await mocks(...scenarios.slow(undefined, 400));
      const el = await renderPoll(polls.openSingle, { loaded: false });
      const skeletons = [...el.shadowRoot!.querySelectorAll('.skeleton')];
      expect(skeletons.length).to.be.greaterThan(0);
      for (const skeleton of skeletons) {
        const style = getComputedStyle(skeleton);
        const under = backgroundBehind(skeleton);
        expect(style.backgroundColor, 'the surfaces are one colour here').to.equal(under);
        expect(style.outlineStyle).to.equal('solid');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
        expect(style.outlineColor, 'its edge is the colour of what it stands on').to.not.equal(under);
      }
      await loaded(el);
    } finally {
      delete document.documentElement.dataset.vecheTheme;
      themes.remove();
    }
  });

  it('loads with a skeleton that reserves space, and never shrinks after loading', async () => {
    const { scenarios } = await import('../../../src/mocks/index.js');
    await mocks(...scenarios.slow(undefined, 400));
    const el = await renderPoll(polls.openSingle, { loaded: false });
    expect(el.matches(':state(loading)')).to.be.true;
    expect($(el, '[aria-busy="true"]')).to.exist;
    expect(text(el, '[aria-busy]')).to.contain('Загрузка');
    // It pulses on the compositor: the main thread stays free for the page while it loads.
    expect(el.shadowRoot!.getAnimations().length).to.be.greaterThan(0);
    expect(animatedProperties(el.shadowRoot!)).to.deep.equal(['opacity']);
    const skeletons = [...el.shadowRoot!.querySelectorAll('.skeleton')];
    expect(skeletons.length).to.be.greaterThan(0);
    for (const skeleton of skeletons) expect(getComputedStyle(skeleton).backgroundColor, 'a skeleton the colour of what it stands on').to.not.equal(backgroundBehind(skeleton));
    await expect(el).to.be.accessible();
    const before = el.getBoundingClientRect().height;
    expect(before).to.be.at.least(300);
    await loaded(el);
    expect(el.getBoundingClientRect().height).to.be.at.least(before);
  });
});
