/// <reference types="jquery" />
/**
 * The legacy site's own script, written the jQuery way a CMS of 2012 would: it listens to the
 * kit's events through `$(document).on(...)` (the kit's event names have no dots, which jQuery
 * would read as namespaces), thanks the citizen in a Bootstrap alert, and runs its demo sign-in
 * when a widget asks for one. With `?mock` the page runs on the MSW mocks (mock-mode.ts).
 */
import type {} from '../src/widgets/poll/events.js';
import { backendReady, mockMode } from './mock-mode.js';

const TOKEN_KEY = 'demo-legacy-token';
// The CMS loads jQuery with a classic <script> before this module.
const $ = jQuery;

async function vecheReady(): Promise<NonNullable<Window['veche']>> {
  while (!window.veche) await new Promise((resolve) => setTimeout(resolve, 20));
  return window.veche;
}

function showAccount(): void {
  const signedIn = !!sessionStorage.getItem(TOKEN_KEY);
  $('#legacy-account').text(signedIn ? 'Вы вошли как житель' : '');
  $('#legacy-sign-in').toggleClass('hidden', signedIn);
}

async function signIn(): Promise<void> {
  const response = await fetch('/api/auth/demo', {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fresh: true }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  sessionStorage.setItem(TOKEN_KEY, token);
  (await vecheReady()).configure({ getToken: () => sessionStorage.getItem(TOKEN_KEY) });
  showAccount();
}

$(() => {
  if (mockMode) {
    $('#legacy-mock-note').removeClass('hidden');
    $('a[data-demo-page]').each((_, link) => void ((link as HTMLAnchorElement).search = '?mock'));
  }
  showAccount();
  $('#legacy-sign-in').on('click', () => void signIn());

  $(document).on('veche-vote', (event) => {
    const { poll } = (event.originalEvent as CustomEvent<{ poll: string }>).detail;
    $('#legacy-thanks').removeClass('hidden').text(`Спасибо! Ваш голос в опросе № ${poll} учтён.`);
  });
  $(document).on('veche-auth-required', (event) => {
    event.preventDefault();
    void signIn();
  });
});

void Promise.all([vecheReady(), backendReady]).then(([veche]) => {
  if (sessionStorage.getItem(TOKEN_KEY)) veche.configure({ getToken: () => sessionStorage.getItem(TOKEN_KEY) });
});
