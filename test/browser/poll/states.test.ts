import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { getResponse } from 'msw';
import { scenarios } from '../../../src/mocks/index.js';
import { problemResponse } from '../../../src/mocks/http.js';
import { readStored } from '../../../src/core/storage.js';
import { $, $$, backend, ballots, fixtureIds, MOCK_API, mocks, NEWCOMER, pick, polls, renderPoll, requests, reset, submit, submitButton, text, useOnly, voted } from './setup.js';

describe('<veche-poll> states', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('not found: a polite notice and veche-error, no blank box', async () => {
    await mocks(...scenarios.notFound());
    const errors: CustomEvent[] = [];
    addEventListener('veche-error', (e) => errors.push(e), { once: true });
    const el = await renderPoll('no-such-poll');
    expect(el.matches(':state(not-found)')).to.be.true;
    expect(text(el, '[part~="status"]')).to.contain('Голосование не найдено');
    expect(errors[0]!.detail).to.include({ code: 'not-found', status: 404 });
    await expect(el).to.be.accessible();
  });

  it('upcoming: says when it opens and offers no form', async () => {
    const el = await renderPoll(polls.upcoming);
    expect(el.matches(':state(upcoming)')).to.be.true;
    const poll = backend.db.poll(polls.upcoming)!;
    expect(text(el)).to.contain('Голосование ещё не началось').and.contain(new Date(poll.opensAt).getFullYear().toString());
    expect($(el, 'form')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('closed with after-close policy: final results, no form', async () => {
    const el = await renderPoll(polls.closed);
    expect(el.matches(':state(closed)')).to.be.true;
    expect($(el, 'form')).to.be.null;
    expect(text(el)).to.contain('Голосование завершено.');
    expect(text(el, '[part~="results"] h3')).to.equal('Итоги');
    const results = backend.db.results(backend.db.poll(polls.closed)!);
    expect(text(el, '[part~="results"]')).to.contain(String(results.participants));
    await expect(el).to.be.accessible();
  });

  it('closed with hidden policy: no results, and says they are not published', async () => {
    const el = await renderPoll(polls.closedHidden);
    expect($(el, '[part~="results"]')).to.be.null;
    expect(text(el)).to.contain('Результаты этого голосования не публикуются.');
    await expect(el).to.be.accessible();
  });

  it('live policy: current results before voting', async () => {
    const el = await renderPoll(polls.openLive);
    expect($(el, 'form')).to.exist;
    expect(text(el, '[part~="results"] h3')).to.equal('Промежуточные результаты');
    await expect(el).to.be.accessible();
  });

  it('after-close policy while open: no results before or after voting; my answers are shown instead', async () => {
    const el = await renderPoll(polls.openAfterClose);
    expect($(el, '[part~="results"]')).to.be.null;
    expect(text(el)).to.contain('Результаты опубликуют после завершения');
    await pick(el, '4');
    await submit(el);
    await voted(el);
    expect($(el, '[part~="results"]')).to.be.null;
    expect(text(el, '.review')).to.contain('4 из 5');
    await expect(el).to.be.accessible();
  });

  it('hidden policy while open: never any results, also after voting', async () => {
    const el = await renderPoll(polls.openHidden);
    expect($(el, '[part~="results"]')).to.be.null;
    await pick(el, backend.db.poll(polls.openHidden)!.questions[0]!.options[0]!.label);
    await submit(el);
    await voted(el);
    expect($(el, '[part~="results"]')).to.be.null;
    expect(text(el)).to.contain('не публикуются');
  });

  it('signed out: voting fires veche-auth-required and shows the sign-in call to action; answers are kept', async () => {
    await mocks(...scenarios.signedOut());
    const el = await renderPoll(polls.openSingle, { citizen: null });
    await pick(el, 'Летняя сцена');
    const auth = oneEvent(el, 'veche-auth-required');
    await submit(el);
    const { detail } = await auth;
    expect(detail).to.deep.equal({ action: 'vote', loginUrl: 'https://portal.example/login' });
    await waitUntil(() => el.matches(':state(signed-out)'));
    expect($<HTMLAnchorElement>(el, '[part~="sign-in-link"]')!.href).to.equal('https://portal.example/login');
    expect(text(el, '[part~="sign-in"]')).to.contain('Нужно войти');
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('o3');
    await expect(el).to.be.accessible();
  });

  it('a host that cancels veche-auth-required gets no sign-in prompt', async () => {
    await mocks(...scenarios.signedOut());
    const el = await renderPoll(polls.openSingle, { citizen: null });
    el.addEventListener('veche-auth-required', (e) => e.preventDefault());
    await pick(el, 'Летняя сцена');
    await submit(el);
    await waitUntil(() => requests.some((r) => r.method === 'POST'));
    await el.updateComplete;
    expect($(el, '[part~="sign-in"]')).to.be.null;
  });

  it('backend error while loading: message, veche-error, and a retry that loads', async () => {
    await mocks(...scenarios.serverError());
    const error = oneEvent(document, 'veche-error');
    const el = await renderPoll(polls.openSingle);
    expect((await error).detail).to.include({ code: 'server', status: 500 });
    expect(el.matches(':state(error)')).to.be.true;
    expect(text(el, '[part~="status"]')).to.contain('Сервис временно не отвечает');
    await expect(el).to.be.accessible();
    await useOnly();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => el.matches(':state(open)'));
  });

  it('a 500 after the vote was stored: answers kept, retry sends the same key, the vote is counted ONCE', async () => {
    // The backend stores the vote, then the response is lost as a 500 — the worst case for duplicates.
    let broken = true;
    await mocks(
      http.post(`${MOCK_API}/polls/:id/votes`, async ({ request }) => {
        if (!broken) return undefined;
        await getResponse(backend.handlers, request.clone());
        return problemResponse(500, 'internal', 'Внутренняя ошибка сервера');
      }),
    );
    const el = await renderPoll(polls.openSingle);
    await pick(el, 'Летняя сцена');
    await submit(el);
    await waitUntil(() => $(el, '[part~="error"]'), 'no error shown', { timeout: 7000 });
    expect(ballots('42')).to.equal(1);
    expect(text(el, '[part~="error"]')).to.contain('Сервис временно не отвечает');
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('o3');
    expect(submitButton(el).textContent!.trim()).to.equal('Повторить');
    await expect(el).to.be.accessible();
    broken = false;
    await submit(el);
    await voted(el);
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.length).to.be.greaterThan(1);
    expect(new Set(posts.map((p) => p.key)).size).to.equal(1);
    expect(ballots('42')).to.equal(1);
    expect($(el, 'code')!.textContent).to.equal(backend.db.myVote('42', NEWCOMER)!.receipt);
  });

  it('a vote failing with 500: veche-error once with its detail, the error next to the form, answers kept', async () => {
    const el = await renderPoll(polls.openSingle);
    await useOnly(...scenarios.serverError());
    const errors: CustomEvent[] = [];
    const record = (e: CustomEvent) => errors.push(e);
    document.addEventListener('veche-error', record);
    try {
      await pick(el, 'Летняя сцена');
      await submit(el);
      await waitUntil(() => errors.length > 0, 'no veche-error', { timeout: 7000 });
      await waitUntil(() => $(el, '[part~="error"]'), 'no error shown');
      expect(errors[0]!.target).to.equal(el);
      expect(errors[0]!.bubbles && errors[0]!.composed).to.be.true;
      expect(errors[0]!.detail).to.deep.equal({
        code: 'server',
        message: 'Сервис временно не отвечает. Попробуйте ещё раз через минуту.',
        status: 500,
        type: 'https://veche.dev/problems/internal',
      });
      // The client's own retries happen before the failure is reported: one failed vote, one event.
      expect(requests.filter((r) => r.method === 'POST').length).to.be.greaterThan(1);
      expect(errors).to.have.length(1);
      expect(text(el, '[part~="error"]')).to.equal(errors[0]!.detail.message);
      expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('o3');
      expect(ballots('42')).to.equal(0);
    } finally {
      document.removeEventListener('veche-error', record);
    }
  });

  it('sending: the form is locked, says so, and passes axe while the vote travels', async () => {
    // The vote is held until the checks are done; then it goes on to the backend, or (when a check
    // failed) never answers, so that neither it nor a retry of it reaches the next test.
    let go!: (pass: boolean) => void;
    const gate = new Promise<boolean>((resolve) => (go = resolve));
    const el = await renderPoll(polls.openSingle);
    await useOnly(http.post(`${MOCK_API}/polls/:id/votes`, async () => ((await gate) ? undefined : delay('infinite'))));
    try {
      await pick(el, 'Летняя сцена');
      await submit(el);
      await waitUntil(() => requests.some((r) => r.method === 'POST'), 'the vote was not sent');
      await el.updateComplete;
      expect(el.matches(':state(sending)')).to.be.true;
      expect(text(el, '[part~="submit"]')).to.equal('Отправляем…');
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect($<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.be.true;
      await expect(el).to.be.accessible();
      go(true);
    } finally {
      go(false);
    }
    await voted(el);
    expect(el.matches(':state(sending)')).to.be.false;
    expect(ballots('42')).to.equal(1);
  });

  it('offline: answers kept, the vote waits and is sent once when the connection returns', async () => {
    await mocks(...scenarios.offline());
    await useOnly(); // load normally…
    const el = await renderPoll(polls.openSingle);
    await useOnly(...scenarios.offline()); // …then the network drops
    await pick(el, 'Летняя сцена');
    await submit(el);
    await waitUntil(() => el.matches(':state(offline)'), 'not offline', { timeout: 7000 });
    expect(text(el, '[part~="offline"]')).to.contain('Нет подключения к интернету');
    expect($$(el, 'input').find((i) => i.checked)!.value).to.equal('o3');
    const saved = readStored<{ value: { key: string; pending: boolean } }>(`draft:poll:${MOCK_API}#42`)!.value;
    expect(saved.pending).to.be.true;
    await expect(el).to.be.accessible();
    await useOnly();
    dispatchEvent(new Event('online'));
    await voted(el);
    expect(ballots('42')).to.equal(1);
    const keys = new Set(requests.filter((r) => r.method === 'POST').map((r) => r.key));
    expect([...keys]).to.deep.equal([saved.key]);
  });

  it('a vote still pending at reload is sent on the next load with the same key', async () => {
    const el = await renderPoll(polls.openSingle);
    await useOnly(...scenarios.offline());
    await pick(el, 'Летняя сцена');
    await submit(el);
    await waitUntil(() => el.matches(':state(offline)'), 'not offline', { timeout: 7000 });
    const { key } = readStored<{ value: { key: string } }>(`draft:poll:${MOCK_API}#42`)!.value;
    el.remove();
    await useOnly();
    const again = await renderPoll(polls.openSingle);
    await voted(again);
    expect(ballots('42')).to.equal(1);
    expect(requests.filter((r) => r.method === 'POST').at(-1)!.key).to.equal(key);
    expect(readStored(`draft:poll:${MOCK_API}#42`)).to.be.undefined;
  });

  it('on a shared computer a pending vote is neither shown to nor sent by the next citizen signed in; its voter\'s next visit sends it', async () => {
    const el = await renderPoll(polls.openSingle);
    await pick(el, 'Летняя сцена');
    // The first answer asks who is answering; the network drops after that.
    await waitUntil(() => requests.some((r) => r.path === '/session'), 'the session was not asked');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await useOnly(...scenarios.offline());
    await submit(el);
    await waitUntil(() => el.matches(':state(offline)'), 'not offline', { timeout: 7000 });
    expect(readStored<{ value: { voter?: string } }>(`draft:poll:${MOCK_API}#42`)!.value.voter).to.equal(NEWCOMER);
    el.remove();

    const posted = requests.filter((r) => r.method === 'POST').length; // the attempts that failed
    await useOnly();
    // Someone who has not voted in it: a poll one has voted in shows one's own ballot.
    const someoneElse = Object.values(fixtureIds.citizens).find((c) => c !== NEWCOMER && !backend.db.poll('42')!.ballots.some((b) => b.citizenId === c))!;
    const other = await renderPoll(polls.openSingle, { citizen: someoneElse });
    await new Promise((resolve) => setTimeout(resolve, 300)); // long enough for a resumed vote to have gone out
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(posted);
    expect($$(other, 'input').some((i) => i.checked), "Olga's ballot shown to someone else").to.be.false;
    other.remove();

    const again = await renderPoll(polls.openSingle);
    await voted(again);
    expect(ballots('42')).to.equal(1);
  });

  it('a poll taken off the page does not write its pending vote back when the session answers late', async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const el = await renderPoll(polls.openSingle);
    await useOnly(
      http.get(`${MOCK_API}/session`, async () => {
        await answered;
        return undefined; // on to the backend
      }),
      http.post(`${MOCK_API}/polls/:id/votes`, () => HttpResponse.error()),
    );
    await pick(el, 'Летняя сцена');
    await submit(el);
    await waitUntil(() => el.matches(':state(offline)'), 'not offline', { timeout: 7000 });
    // The page moves on: another element, or another test, owns the poll's draft now.
    el.remove();
    localStorage.clear();
    answer();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readStored(`draft:poll:${MOCK_API}#42`)).to.be.undefined;
  });

  it('already voted elsewhere (409): shows that vote instead of an error', async () => {
    const el = await renderPoll(polls.openSingle);
    await useOnly(...scenarios.alreadyVoted());
    await pick(el, 'Летняя сцена');
    await submit(el);
    await waitUntil(() => requests.some((r) => r.method === 'POST'));
    // The mock says "already voted" but holds no ballot of this citizen: the poll reloads as open.
    await waitUntil(() => requests.filter((r) => r.method === 'GET' && r.path === '/polls/42').length === 2);
    expect($(el, '[part~="error"]')).to.be.null;
  });

  it('is misconfigured without a poll id: a visible notice and a console error', async () => {
    const { fixture, html } = await import('@open-wc/testing');
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(String(args[0]));
    try {
      const el = await fixture(html`<veche-poll api=${MOCK_API}></veche-poll>`);
      expect(el.matches(':state(misconfigured)')).to.be.true;
      expect(text(el, '[part~="status"]')).to.contain('Этот блок сейчас недоступен');
      await waitUntil(() => logged.some((m) => m === '[veche] <veche-poll>: the "poll" attribute is required, e.g. <veche-poll poll="42">.'), 'no console error');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });
});
