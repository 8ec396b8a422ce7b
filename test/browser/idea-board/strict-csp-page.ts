/**
 * Runs inside an iframe with a strict Content-Security-Policy (no inline styles, Trusted Types):
 * renders the idea board over the contract's mock backend (answered in-page with MSW's
 * getResponse, so no request leaves the page), scrolls the virtualized list, and reports every
 * CSP violation. `?control` sets an inline style on purpose, to prove violations are detected.
 */
import { MOCK_API } from '../../../src/mocks/index.js';
import { answerInPage, watchViolations } from '../../helpers/browser/strict-csp-frame.js';
import '../../../src/widgets/idea-board/define.js';

const violations = watchViolations();
answerInPage();

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function run(): Promise<void> {
  const board = document.createElement('veche-idea-board');
  board.setAttribute('api', MOCK_API);
  document.body.append(board);
  const root = () => board.shadowRoot!;
  for (let i = 0; i < 300 && !root().querySelector('.card[data-index]'); i++) await new Promise((r) => setTimeout(r, 20));
  const scroller = root().querySelector<HTMLElement>('.scroller');
  for (let i = 0; i < 10 && scroller; i++) {
    scroller.scrollTop += 600;
    await frame();
  }
  await new Promise((r) => setTimeout(r, 200));
  if (location.search.includes('control')) document.body.setAttribute('style', 'color: red');
  await new Promise((r) => setTimeout(r, 100));
  const cards = [...root().querySelectorAll<HTMLElement>('.card[data-index]')];
  parent.postMessage(
    {
      violations,
      cards: cards.length,
      positioned: cards.every((c) => getComputedStyle(c).position === 'absolute'),
      scrollerPosition: scroller ? getComputedStyle(scroller).position : '',
      scrolled: scroller?.scrollTop ?? 0,
    },
    '*',
  );
}

void run();
