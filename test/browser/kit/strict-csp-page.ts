/**
 * Runs inside an iframe with a strict Content-Security-Policy (no inline styles or scripts, no
 * eval, Trusted Types required): every widget but the idea board (which has a page of its own,
 * test/browser/idea-board/strict-csp.html), driven through what a citizen does — a vote, a
 * redemption in the wallet's dialog, a complaint filed step by step, a closed complaint with its
 * rating form, a rating sent — over the contract's mock backend answered in the page
 * (strict-csp-frame.ts). Reports every CSP violation and how far each widget got.
 */
import { fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import { answerInPage, watchViolations } from '../../helpers/browser/strict-csp-frame.js';
import '../../../src/widgets/agency-rating/define.js';
import '../../../src/widgets/complaint-form/define.js';
import '../../../src/widgets/complaint-status/define.js';
import '../../../src/widgets/points-wallet/define.js';
import '../../../src/widgets/poll/define.js';

const violations = watchViolations();
answerInPage();

type Widget = HTMLElement & { getToken?: () => string };

function widget(tag: string, citizen: string, attributes: Record<string, string> = {}): Widget {
  const el = document.createElement(tag) as Widget;
  el.setAttribute('api', MOCK_API);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.getToken = () => mockToken(citizen);
  document.body.append(el);
  return el;
}

/** The first element matching `selector` in the widget's shadow root, once it is there. */
async function find<T extends HTMLElement = HTMLElement>(el: Element, selector: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const found = el.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${selector} in <${el.localName}>`);
}

async function fill(el: Element, selector: string, value: string): Promise<void> {
  const field = await find<HTMLInputElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const { citizens, polls, rewards, complaints, agencies } = fixtureIds;

/** A complaint form from its first step to the location step: a category, a description. Returns its "next". */
async function toLocation(el: Element): Promise<() => Promise<void>> {
  const next = async () => (await find(el, '[part~="submit"]')).click();
  (await find(el, 'input[name=service][value="housing-elevator"]')).click();
  await next();
  await fill(el, '#description', 'Лифт в подъезде не работает третий день.');
  await next();
  return next;
}

/** Each widget's way to its end state; the name of the state reached, or what stopped it. */
const journeys: Record<string, () => Promise<string>> = {
  async poll() {
    const el = widget('veche-poll', citizens.newcomer, { poll: polls.openSingle });
    (await find(el, 'input[type=radio]')).click();
    (await find(el, '[part~="submit"]')).click();
    await find(el, '[part~="results"]');
    return 'voted, results shown';
  },
  async wallet() {
    const el = widget('veche-points-wallet', citizens.active, { tab: 'rewards' });
    (await find(el, `[part~="redeem"][data-reward="${rewards.cheapest}"]`)).click();
    (await find(el, 'dialog[open] [data-primary]')).click();
    await find(el, '[part~="voucher"]');
    return 'redeemed, voucher shown';
  },
  async complaint() {
    const el = widget('veche-complaint-form', citizens.newcomer);
    const next = await toLocation(el);
    await fill(el, '#address', 'ул. Речная, 12');
    await next();
    await find(el, '#photos');
    await next();
    (await find(el, '#consent')).click();
    await next();
    await find(el, 'veche-complaint-status');
    return 'filed, status shown';
  },
  async status() {
    const el = widget('veche-complaint-status', citizens.active, { complaint: complaints.own.annaClosed });
    const rating = await find(el, 'veche-agency-rating');
    // The author rates the agency that closed it: the embedded rating's form, loaded on demand.
    await find(rating, 'input[name="stars"]');
    return 'closed, rating form shown';
  },
  async rating() {
    const el = widget('veche-agency-rating', citizens.active, { agency: agencies.roads });
    (await find(el, 'input[name="stars"][value="4"]')).click();
    (await find(el, '[part~="submit"]')).click();
    await find(el, '[part~="sent"]');
    return 'rated, thanks shown';
  },
};

/**
 * The map picker (`tile-url`) is Leaflet's, which sets `innerHTML` from a string as it loads: a
 * page that requires Trusted Types refuses that. The form says the map is unavailable and goes
 * on with the address (README, "Strict CSP and Trusted Types").
 */
async function mapUnderTrustedTypes(): Promise<string> {
  const el = widget('veche-complaint-form', citizens.newcomer, { 'tile-url': '/tiles/{z}/{x}/{y}.png' });
  const next = await toLocation(el);
  // The step may come a task after the click (an update already asked for in a new task, such
  // as the category list's next step, takes it along).
  await find(el, 'button[aria-expanded]');
  const open = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-expanded]')];
  if (open.length !== 1) throw new Error('no map button');
  open[0]!.click();
  const note = await find(el, '.note[part~="status"]');
  await fill(el, '#address', 'ул. Речная, 12');
  await next();
  await find(el, '#photos');
  return `map: ${note.textContent!.trim()}; the address was enough`;
}

async function run(): Promise<void> {
  const reached: Record<string, string> = {};
  // `?control` breaks the policy on purpose, to prove violations are seen at all.
  if (location.search.includes('control')) document.body.setAttribute('style', 'color: red');
  else if (location.search.includes('map')) reached.map = await mapUnderTrustedTypes().catch((error: unknown) => `stopped: ${String(error)}`);
  // One after another: each widget's own work, violations counted for all of them.
  else for (const [name, journey] of Object.entries(journeys)) reached[name] = await journey().catch((error: unknown) => `stopped: ${String(error)}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  parent.postMessage({ violations, reached }, '*');
}

void run();
