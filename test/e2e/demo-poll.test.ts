/**
 * End to end: the demo portal in headless Chromium against a real reference server on a
 * temporary SQLite file. A citizen signs in through the portal, votes in a poll, sees the
 * results and the receipt, the receipt verifies, and the wallet balance rose.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemoPortal, type DemoPortal } from '../helpers/demo-portal.js';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server.js';

let server: ReferenceServer;
let portal: DemoPortal;

before(async () => {
  server = await startReferenceServer();
  portal = await openDemoPortal(server.baseUrl);
});

after(async () => {
  await portal?.close();
  await server?.stop();
});

async function api<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${server.apiUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${path} → ${response.status}`);
  return (await response.json()) as T;
}

test('a citizen signs in on the portal, votes, sees results and a receipt that verifies, and earns points', async () => {
  const { page } = portal;
  await page.locator('veche-poll [part~="title"]').first().waitFor();

  // A new resident: has voted nowhere yet, and starts with an empty wallet.
  await page.getByLabel('Демо-житель').selectOption('fresh');
  await page.getByRole('button', { name: 'Войти через Госуслуги (демо)' }).click();
  await page.locator('#account-name', { hasText: 'Вы вошли' }).waitFor();
  const token = await page.evaluate(() => sessionStorage.getItem('demo-portal-token'));
  assert.ok(token, 'the portal keeps the demo token');

  // The first poll on the page this citizen can still vote in.
  const ids = await page.locator('veche-poll').evaluateAll((polls) => polls.map((p) => p.getAttribute('poll')!));
  let pollId: string | undefined;
  for (const id of ids) {
    const poll = await api<{ status: string; myVote: unknown; questions: unknown[] }>(`/polls/${id}`, token);
    if (poll.status === 'open' && !poll.myVote && poll.questions.length === 1) {
      pollId = id;
      break;
    }
  }
  assert.ok(pollId, `the demo page has an open poll the demo citizen has not voted in (${ids.join(', ')})`);
  const before = await api<{ balance: number }>('/wallet', token);

  const poll = page.locator(`veche-poll[poll="${pollId}"]`);
  await poll.locator('[part~="option"]').first().click();
  await poll.locator('[part~="submit"]').click();
  await poll.locator('[part~="confirmation"]').waitFor();

  const receipt = (await poll.locator('[part~="receipt"]').textContent())?.trim();
  assert.ok(receipt, 'a receipt is shown');
  // The widget checks its own receipt (GET /votes/{receipt}) and says so: "Голос с этим кодом учтён …"
  // (not the thank-you heading, which also says "учтён").
  await poll.locator('[part~="confirmation"]', { hasText: 'Голос с этим кодом учтён' }).waitFor();
  await poll.locator('[part~="results"]').waitFor();

  const check = await api<{ pollId?: string; poll?: { id: string }; countedAt: string }>(`/votes/${receipt}`, token);
  assert.ok(check.countedAt, 'the server confirms the receipt');

  const afterVote = await api<{ balance: number }>('/wallet', token);
  assert.ok(afterVote.balance > before.balance, `balance rose: ${before.balance} → ${afterVote.balance}`);

  // Reloading shows the vote as already counted, not an open ballot.
  await page.reload();
  await page.locator(`veche-poll[poll="${pollId}"] [part~="confirmation"], veche-poll[poll="${pollId}"] [part~="results"]`).first().waitFor();
  assert.deepEqual(portal.errors, []);
});
