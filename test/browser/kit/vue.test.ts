/**
 * `<veche-poll>` inside a Vue 3 app, rendered with `h()` (no template compiler, so no
 * `isCustomElement` option is needed). Vue sets a prop as a DOM property when the element has
 * it (`.getToken` forces it), and an `on…` prop becomes a DOM listener whose name is the rest
 * hyphenated: `onVecheVote` listens to `veche-vote`. Backend: the contract's MSW mocks.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createMockBackend, fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import '../../../src/widgets/poll/define.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';
import type { VecheVoteDetail } from '../../../src/widgets/poll/events.js';
import { startMocks } from '../../helpers/browser/msw.js';

// The self-contained ES build: the bundler build expects a bundler to define process.env.
const VUE = '/node_modules/vue/dist/vue.esm-browser.prod.js';
type VueModule = typeof import('vue');

const backend = createMockBackend();
const POLL = fixtureIds.polls.openSingle;
const shadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

describe('Vue 3 interop', () => {
  let Vue: VueModule;
  let container: HTMLElement;
  let app: import('vue').App | undefined;

  before(async () => {
    Vue = (await import(/* @vite-ignore */ VUE)) as VueModule;
    await startMocks(...backend.handlers);
  });

  beforeEach(() => {
    backend.reset();
    localStorage.clear();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
  });

  async function mount(render: () => ReturnType<VueModule['h']>): Promise<VechePoll> {
    app = Vue.createApp({ render });
    app.mount(container);
    await Vue.nextTick();
    const el = container.querySelector('veche-poll')!;
    // Loaded once its vote button is there: the title comes with the view, the question part may follow.
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="submit"]'), 'the poll did not load', { timeout: 6000 });
    return el;
  }

  it('sets attributes and function/object properties, and hears veche-vote through onVecheVote', async () => {
    const votes: Array<CustomEvent<VecheVoteDetail>> = [];
    const getToken = () => mockToken(fixtureIds.citizens.newcomer);
    const strings = { vote: 'Голосую!' };
    const el = await mount(() =>
      Vue.h('veche-poll', {
        poll: POLL,
        api: MOCK_API,
        '.getToken': getToken,
        strings,
        onVecheVote: (event: CustomEvent<VecheVoteDetail>) => votes.push(event),
      }),
    );
    expect(el.poll).to.equal(POLL);
    expect(el.getToken).to.equal(getToken);
    expect(el.strings).to.equal(strings);
    expect(shadow(el, '[part~="submit"]').textContent!.trim()).to.equal('Голосую!');

    shadow<HTMLInputElement>(el, '[part~="option"] input').click();
    shadow<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => votes.length === 1, 'Vue did not receive veche-vote', { timeout: 6000 });
    expect(votes[0]!.detail.poll).to.equal(POLL);
    expect(backend.db.votes.filter((v) => v.pollId === POLL && v.citizenId === fixtureIds.citizens.newcomer)).to.have.length(1);
  });

  it('reactive props reach the element; "on:veche-auth-required" keeps the name verbatim', async () => {
    const token = Vue.shallowRef<(() => string) | undefined>(undefined);
    const authRequired: Array<CustomEvent> = [];
    const el = await mount(() =>
      Vue.h('veche-poll', {
        poll: POLL,
        api: MOCK_API,
        'login-url': 'https://portal.example/login',
        '.getToken': token.value,
        // `on:` keeps the rest verbatim (Vue 3.4+), for names hyphenation would not produce.
        'on:veche-auth-required': (event: CustomEvent) => authRequired.push(event),
      }),
    );
    expect(el.getAttribute('login-url')).to.equal('https://portal.example/login');
    shadow<HTMLInputElement>(el, '[part~="option"] input').click();
    shadow<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => authRequired.length === 1, 'no veche-auth-required', { timeout: 6000 });

    const getToken = () => mockToken(fixtureIds.citizens.some);
    token.value = getToken;
    await Vue.nextTick();
    expect(el.getToken).to.equal(getToken);
  });
});
