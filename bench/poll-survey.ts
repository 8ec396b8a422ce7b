/**
 * Benchmark: rendering and answering a 5-question survey with the production poll bundle
 * (dist/cdn/standalone/poll.js) in headless Chromium at 4× CPU throttling. The backend is the
 * contract's MSW mocks, answered in Node through Playwright's request routing, so no server
 * and no network are involved. Goal (issue 4): no main-thread task over 50 ms.
 *
 *   node --import tsx bench/poll-survey.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { execSync } from 'node:child_process';
import { getResponse } from 'msw';
import { chromium } from 'playwright-core';
import { createMockBackend, fixtureIds, mockToken } from '../src/mocks/index.js';
import { chromiumLaunchOptions } from '../scripts/ensure-chromium.mjs';

const bundle = 'dist/cdn/standalone/poll.js';
if (!existsSync(bundle)) execSync('npm run --silent build', { stdio: 'inherit' });

const page = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title></head><body>
<script>
  window.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(Math.round(e.startTime) + ":" + Math.round(e.duration)); })
    .observe({ type: 'longtask', buffered: true });
</script></body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/poll.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end(readFileSync(bundle));
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const backend = createMockBackend({ baseUrl: `${origin}/api` });

const browser = await chromium.launch({
  ...chromiumLaunchOptions(),
});
try {
  const tab = await browser.newPage();
  await tab.route(`${origin}/api/**`, async (route) => {
    const request = route.request();
    const body = request.postDataBuffer();
    const fetchRequest = new Request(request.url(), {
      method: request.method(),
      headers: await request.allHeaders(),
      ...(body ? { body } : {}),
    });
    const response = await getResponse(backend.handlers, fetchRequest);
    if (!response) return route.fulfill({ status: 404 });
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await tab.goto(origin);

  const survey = fixtureIds.polls.survey;
  const renderMs = await tab.evaluate(
    async ({ survey, token }) => {
      const started = performance.now();
      await import('/poll.js');
      const poll = document.createElement('veche-poll');
      poll.setAttribute('api', '/api');
      poll.setAttribute('poll', survey);
      (poll as HTMLElement & { getToken?: () => string }).getToken = () => token;
      document.body.append(poll);
      while (!poll.shadowRoot?.querySelector('fieldset input')) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - started;
    },
    { survey, token: mockToken(fixtureIds.citizens.newcomer) },
  );

  // Answer all five questions and reach the review step, as a citizen would.
  const poll = tab.locator('veche-poll');
  for (let question = 0; question < 5; question++) {
    await poll.locator('fieldset input').first().click();
    await poll.locator('[part~="submit"]').click();
  }
  await poll.locator('.review').waitFor();
  await tab.waitForTimeout(200);
  const raw = await tab.evaluate(() => (window as unknown as { longTasks: string[] }).longTasks);
  console.log(raw.join(" "));
  const tasks = raw.map((t) => Number(t.split(":")[1]));
  const longest = tasks.length ? Math.max(...tasks) : 0;
  console.log(`survey first render: ${renderMs.toFixed(0)} ms (bundle load + fetch + render, 4× CPU throttle)`);
  console.log(`long tasks (> 50 ms): ${tasks.length}`);
  console.log(`longest task: ${longest.toFixed(0)} ms (goal ≤ 50 ms: ${longest <= 50 ? 'met' : 'NOT met'})`);
} finally {
  await browser.close();
  server.close();
}
