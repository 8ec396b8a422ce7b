/**
 * The host portal's own integration code — what a regional developer writes once: identity
 * comes from the portal (here a demo sign-in standing in for ESIA/Gosuslugi), handed to the
 * widgets through `veche.configure({ getToken })`, and the portal opens its own sign-in when
 * a widget asks for one (`veche-auth-required`).
 *
 * With `?mock` in the address the page needs no server: `/api` is answered by the contract's
 * MSW mocks (see mock-mode.ts, which this module loads first).
 */
import { backendReady, mockMode } from './mock-mode.js';

const TOKEN_KEY = 'demo-portal-token';
const NAME_KEY = 'demo-portal-name';

const signIn = document.getElementById('sign-in') as HTMLButtonElement;
const signOut = document.getElementById('sign-out') as HTMLButtonElement;
const accountName = document.getElementById('account-name') as HTMLElement;
const backendStatus = document.getElementById('backend-status') as HTMLElement;
const persona = document.getElementById('persona') as HTMLSelectElement;
const personaField = document.getElementById('persona-field') as HTMLElement;

/**
 * "Версия для слабовидящих": the portal switches its own look and, with one theme word on
 * <html>, every widget on the page (src/themes/vision.css). Remembered across visits, as portals
 * do; applied by this module before the widgets' code loads, so they start in it.
 */
const VISION_KEY = 'demo-portal-vision';
const visionSwitch = document.getElementById('vision-switch') as HTMLButtonElement;

/** The remembered choice; storage may be blocked (a sandboxed frame, strict privacy settings), and then the switch works for this visit only. */
function rememberedVision(): boolean {
  try {
    return localStorage.getItem(VISION_KEY) === 'on';
  } catch {
    return false;
  }
}

function rememberVision(on: boolean): void {
  try {
    if (on) localStorage.setItem(VISION_KEY, 'on');
    else localStorage.removeItem(VISION_KEY);
  } catch {
    // Not remembered; the page still switches.
  }
}

function showVision(on: boolean): void {
  const root = document.documentElement;
  const words = (root.dataset.vecheTheme ?? '').split(/\s+/).filter((word) => word && word !== 'vision');
  if (on) words.push('vision');
  if (words.length) root.dataset.vecheTheme = words.join(' ');
  else delete root.dataset.vecheTheme;
  visionSwitch.setAttribute('aria-pressed', String(on));
}

showVision(rememberedVision());
visionSwitch.addEventListener('click', () => {
  const on = visionSwitch.getAttribute('aria-pressed') !== 'true';
  rememberVision(on);
  showVision(on);
});

if (mockMode) {
  backendStatus.textContent = 'Демо без сервера: ответы дают встроенные макеты (MSW), данные живут до перезагрузки страницы.';
  backendReady.catch((error: unknown) => (backendStatus.textContent = `Макеты не запустились: ${String(error)}`));
  // Links between the demo pages keep the mode.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-demo-page]')) link.search = '?mock';
}

async function vecheReady(): Promise<NonNullable<Window['veche']>> {
  while (!window.veche) await new Promise((resolve) => setTimeout(resolve, 20));
  return window.veche;
}

function showAccount(): void {
  const name = sessionStorage.getItem(NAME_KEY);
  accountName.textContent = name ? `Вы вошли: ${name}` : '';
  signIn.hidden = !!name;
  personaField.hidden = !!name;
  signOut.hidden = !name;
}

async function demoSignIn(): Promise<void> {
  signIn.disabled = true;
  try {
    const body = persona.value === 'fresh' ? { fresh: true } : { citizenId: persona.value };
    const response = await fetch('/api/auth/demo', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const session = (await response.json()) as { token: string; me?: { displayName?: string; name?: string } };
    sessionStorage.setItem(TOKEN_KEY, session.token);
    sessionStorage.setItem(NAME_KEY, session.me?.displayName ?? session.me?.name ?? 'житель');
    (await vecheReady()).configure({ getToken: () => sessionStorage.getItem(TOKEN_KEY) });
    showAccount();
  } catch (error) {
    backendStatus.textContent = mockMode
      ? `Не удалось войти (${String(error)}).`
      : `Не удалось войти: сервер недоступен (${String(error)}). Запустите его командой npm start или откройте демо без сервера: ?mock.`;
  } finally {
    signIn.disabled = false;
  }
}

signIn.addEventListener('click', () => void demoSignIn());
signOut.addEventListener('click', async () => {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(NAME_KEY);
  await fetch('/api/auth/session', { method: 'DELETE', credentials: 'include' }).catch(() => undefined);
  (await vecheReady()).configure({ getToken: () => null });
  showAccount();
});

// A widget needs a signed-in citizen: the portal runs its own sign-in instead of the widget's link.
document.addEventListener('veche-auth-required', (event) => {
  event.preventDefault();
  void demoSignIn();
});

void vecheReady().then((veche) => {
  if (sessionStorage.getItem(TOKEN_KEY)) veche.configure({ getToken: () => sessionStorage.getItem(TOKEN_KEY) });
});
showAccount();
