/**
 * `<veche-poll>` inside a React 19 app: React 19 sets properties on custom elements (objects and
 * functions such as `getToken` included) and binds `on<event-name>` props as DOM listeners, so
 * the kit needs no wrapper component. Backend: the contract's MSW mocks.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createMockBackend, fixtureIds, MOCK_API, mockToken } from '../../../src/mocks/index.js';
import '../../../src/widgets/poll/define.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';
import type { VecheVoteDetail } from '../../../src/widgets/poll/events.js';
import { requireCommonJs } from '../../helpers/browser/commonjs.js';
import { startMocks } from '../../helpers/browser/msw.js';

type ReactModule = typeof import('react');
type ReactDomClient = typeof import('react-dom/client');

const backend = createMockBackend();
const POLL = fixtureIds.polls.openSingle;

describe('React 19 interop', () => {
  let React: ReactModule;
  let ReactDom: ReactDomClient;
  let container: HTMLElement;
  let root: import('react-dom/client').Root;

  before(async () => {
    // React first: the mocks treat any request they do not know as an error.
    React = await requireCommonJs<ReactModule>('react');
    ReactDom = await requireCommonJs<ReactDomClient>('react-dom/client');
    await startMocks(...backend.handlers);
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  });

  after(() => delete (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT);

  beforeEach(() => {
    backend.reset();
    localStorage.clear();
    container = document.createElement('div');
    document.body.append(container);
    root = ReactDom.createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  /** Renders in React's act() so the commit is done when this resolves. */
  async function render(node: React.ReactNode): Promise<VechePoll> {
    await React.act(async () => root.render(node));
    const el = container.querySelector('veche-poll')!;
    // Loaded once its vote button is there: the title comes with the view, the question part may follow.
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="submit"]'), 'the poll did not load', { timeout: 6000 });
    return el;
  }

  const shadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

  it('sets attributes, function and object properties, and hears veche-* events through on<event> props', async () => {
    const votes: Array<CustomEvent<VecheVoteDetail>> = [];
    const getToken = () => mockToken(fixtureIds.citizens.newcomer);
    const strings = { vote: 'Голосую!' };
    const el = await render(
      React.createElement('veche-poll', {
        poll: POLL,
        api: MOCK_API,
        getToken,
        strings,
        'onveche-vote': (event: CustomEvent<VecheVoteDetail>) => votes.push(event),
      }),
    );
    expect(el.poll).to.equal(POLL);
    expect(el.getToken).to.equal(getToken);
    expect(el.hasAttribute('gettoken')).to.equal(false);
    expect(el.strings).to.equal(strings);
    expect(shadow(el, '[part~="submit"]').textContent!.trim()).to.equal('Голосую!');

    shadow<HTMLInputElement>(el, '[part~="option"] input').click();
    shadow<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => votes.length === 1, 'React did not receive veche-vote', { timeout: 6000 });
    expect(votes[0]!.detail.poll).to.equal(POLL);
    expect(backend.db.votes.filter((v) => v.pollId === POLL && v.citizenId === fixtureIds.citizens.newcomer)).to.have.length(1);
  });

  it('a ref gives the element for addEventListener; a new getToken from a re-render is used', async () => {
    const ref = React.createRef<VechePoll>();
    const authRequired: Event[] = [];
    const app = (token: (() => string) | undefined) =>
      React.createElement('veche-poll', { ref, poll: POLL, api: MOCK_API, getToken: token, 'login-url': 'https://portal.example/login' });
    const el = await render(app(undefined));
    expect(ref.current).to.equal(el);
    ref.current!.addEventListener('veche-auth-required', (event) => authRequired.push(event));

    // Signed out: voting asks the host for a sign-in.
    shadow<HTMLInputElement>(el, '[part~="option"] input').click();
    shadow<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => authRequired.length === 1, 'no veche-auth-required', { timeout: 6000 });
    expect(el.getAttribute('login-url')).to.equal('https://portal.example/login');

    // The portal signs the citizen in and re-renders with a token getter.
    const getToken = () => mockToken(fixtureIds.citizens.some);
    await React.act(async () => root.render(app(getToken)));
    expect(el.getToken).to.equal(getToken);
  });
});
