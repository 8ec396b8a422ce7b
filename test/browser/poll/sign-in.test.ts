/**
 * A signed-out citizen presses "vote": nothing is sent, and they are told why — focus moves to the
 * sign-in prompt (a screen reader reads it; the keyboard lands next to its link).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { scenarios } from '../../../src/mocks/index.js';
import { $, mocks, pick, polls, renderPoll, reset } from './setup.js';

describe('<veche-poll> sign-in prompt', () => {
  beforeEach(async () => {
    reset();
    await mocks(...scenarios.signedOut());
  });

  it('takes focus when voting needs sign-in, and Tab reaches its link', async () => {
    const el = await renderPoll(polls.openSingle, { citizen: null });
    await pick(el, 'Летняя сцена');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~="sign-in"]'), 'focus did not move to the sign-in prompt');
    expect(el.shadowRoot!.activeElement!.textContent).to.contain('Нужно войти');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('sign-in-link');
    await expect(el).to.be.accessible();
  });

  it('a vote resent in the background (focus elsewhere) does not take focus', async () => {
    const el = await renderPoll(polls.openSingle, { citizen: null });
    await pick(el, 'Летняя сцена');
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      // The vote goes out without the citizen in the widget, as a resend on reload or when back online does.
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      outside.focus();
      await waitUntil(() => $(el, '[part~="sign-in"]'), 'no sign-in prompt');
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
    } finally {
      outside.remove();
    }
  });

  it('upcoming and closed notices are status messages', async () => {
    const upcoming = await renderPoll(polls.upcoming, { citizen: null });
    expect($(upcoming, '[part~="status"][role="status"]')!.textContent).to.match(/\S/);
    const closed = await renderPoll(polls.closed, { citizen: null });
    expect($(closed, '[part~="status"][role="status"]')!.textContent).to.match(/\S/);
  });
});
