/**
 * The poll when core's failure handling (src/core/failure.ts) cannot load: its first render and
 * its view never needed it, and a failure still gives a usable error state with a retry. (Its
 * own page: the import fails for every test in this file.)
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { scenarios } from '../../../src/mocks/index.js';
import { setFailureImport } from '../../../src/core/failure-handling.js';
import { $, mocks, pick, polls, renderPoll, requests, reset, submit, submitButton, text, useOnly } from './setup.js';

describe('<veche-poll> without the failure handling (its chunk could not load)', () => {
  before(() => setFailureImport(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))));
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('loads and shows the poll, its controls styled by the view', async () => {
    const el = await renderPoll(polls.openSingle);
    expect(el.matches(':state(open)')).to.be.true;
    expect(getComputedStyle(submitButton(el)).minBlockSize).to.equal('44px');
    await expect(el).to.be.accessible();
  });

  it('shows a failed load as a generic error with a retry that loads the poll', async () => {
    await mocks(...scenarios.serverError());
    const error = oneEvent(document, 'veche-error');
    const el = await renderPoll(polls.openSingle, { loaded: false });
    expect((await error).detail).to.include({ code: 'server', status: 500 });
    await waitUntil(() => $(el, '[part~="retry"]'), 'no retry');
    expect(el.matches(':state(error)')).to.be.true;
    expect(text(el, '[part~="status"]')).to.contain('Что-то пошло не так');
    expect(requests.filter((r) => r.method === 'GET' && r.path.startsWith('/polls/'))).to.have.length(1);
    await expect(el).to.be.accessible();
    await useOnly();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => el.matches(':state(open)'), 'the retry did not load the poll');
  });

  it('a vote that needs sign-in still shows the sign-in link', async () => {
    await mocks(...scenarios.signedOut());
    const el = await renderPoll(polls.openSingle, { citizen: null });
    await pick(el, 'Летняя сцена');
    const auth = oneEvent(el, 'veche-auth-required');
    await submit(el);
    await auth;
    await waitUntil(() => el.matches(':state(signed-out)'), 'no sign-in state');
    expect($<HTMLAnchorElement>(el, '[part~="sign-in-link"]')!.href).to.equal('https://portal.example/login');
    await expect(el).to.be.accessible();
  });
});
