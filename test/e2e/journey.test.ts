/**
 * End to end: one citizen's journey through the demo portal against the real reference server
 * (temporary SQLite file), driven the way a person drives it — by roles, labels and visible text.
 *
 * A new resident signs in, votes and sees the award arrive in "Мои баллы"; files a complaint
 * with a photo; the agency resolves it through its own endpoint (from here, with an agency
 * token); the resident sees that in "Мои обращения", confirms the fix and rates the agency in
 * the form offered there; redeems a reward for a voucher; donates to a fund; supports an idea
 * and pledges points to a crowdfunded one; and the wallet history shows every step, exactly as
 * `GET /wallet/transactions` has it.
 *
 * The region's point rules are set for the run (a new resident would otherwise have too few
 * points for the cheapest reward); every expected amount below is derived from them.
 */
import assert from 'node:assert/strict';
import { deflateSync, crc32 } from 'node:zlib';
import { after, before, test, type TestContext } from 'node:test';
import type { Locator } from 'playwright-core';
import { openDemoPortal, type DemoPortal } from '../helpers/demo-portal.js';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server.js';

const RULES = { vote: 300, survey: 300, complaint: 200, rating: 100, ideaAccepted: 100 };
const REWARD = { id: 'parking-hour', title: 'Час парковки в центре', cost: 100 };
const FUND = { id: 'fund-kids', name: 'Фонд «Дети Заречья»', amount: 50 };
const PLEDGE = 40;
const ANSWER = 'Яму заделали горячим асфальтом, участок проверен.';

let server: ReferenceServer;
let portal: DemoPortal;

before(async () => {
  server = await startReferenceServer({ env: { VECHE_POINT_RULES: JSON.stringify(RULES) } });
  portal = await openDemoPortal(server.baseUrl);
  portal.page.setDefaultTimeout(15_000);
});

after(async () => {
  await portal?.close();
  await server?.stop();
});

// ---------------------------------------------------------------- helpers

/** A real PNG (RGB gradient), built byte by byte: signature, IHDR, IDAT, IEND. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 96], row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function call<T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Whole points as the widgets write them in Russian ("300 баллов", "1 балл", "2 балла"). */
function points(n: number): string {
  const grouped = new Intl.NumberFormat('ru').format(n);
  const rule = new Intl.PluralRules('ru').select(n);
  return `${grouped} ${rule === 'one' ? 'балл' : rule === 'few' ? 'балла' : 'баллов'}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');

/** Waits until the locator's text contains `text` (any whitespace where `text` has a space). */
async function waitText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: typeof text === 'string' ? new RegExp(escape(text)) : text }).first().waitFor();
}

interface IdeaSummary { id: string; title: string; status: string; supportedByMe: boolean; funding: { deadline?: string | null } | null }

/**
 * The first idea the filter lists whose title no other idea in the region has: the board is
 * searched by title, and the demo region repeats titles in other places. Chosen from the server
 * rather than named here, so a change to the generated region does not break the journey.
 */
async function ideaToFind(filter: (idea: IdeaSummary) => boolean, token: string): Promise<IdeaSummary> {
  const ideas: IdeaSummary[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: { items: IdeaSummary[]; nextCursor: string | null } = await call('GET', `/ideas?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    ideas.push(...page.items);
    cursor = page.nextCursor;
  }
  const idea = ideas.find((candidate) => filter(candidate) && ideas.filter((other) => other.title === candidate.title).length === 1);
  assert.ok(idea, 'the demo region has an idea for this step with a title of its own');
  return idea;
}

interface LedgerEntry { amount: number; reason: string; description: string; balanceAfter: number }
interface Wallet { balance: number; earned: number; spent: number; donated: number }

/** Each step runs only if every step before it passed: a broken journey reports where it broke. */
let broken: string | undefined;
function step(name: string, fn: (t: TestContext) => Promise<void>) {
  return async (t: TestContext) =>
    t.test(name, async (s) => {
      if (broken) return s.skip(`after "${broken}" failed`);
      try {
        await fn(s);
      } catch (error) {
        broken = name;
        if (process.env.JOURNEY_DEBUG) {
          const { writeFileSync } = await import('node:fs');
          writeFileSync(process.env.JOURNEY_DEBUG, await portal.page.locator('#main').ariaSnapshot().catch(String));
        }
        throw error;
      }
    });
}

// ---------------------------------------------------------------- the journey

test('one citizen’s journey: vote, complain with a photo, confirm the fix, rate, redeem, donate, ideas — and the history shows it all', async (t) => {
  const { page } = portal;
  const wallet = page.locator('veche-points-wallet');
  const form = page.locator('veche-complaint-form');
  const mine = page.locator('veche-complaint-status[mine]');
  let token = '';
  let balance = 0;
  let pollTitle = '';
  let tracking = '';
  let complaintId = '';
  let voucher = '';
  let receipt = '';
  /** The ledger entries the journey should leave, oldest first. */
  const expected: { amount: number; reason: string; description: string }[] = [];

  /** The wallet's headline balance, exactly (not "1 600" for 600). */
  const balanceIs = async (n: number) => waitText(wallet.locator('[part~="balance"]'), new RegExp(`Баланс:\\s*${escape(points(n))}`));

  await step('signs in on the portal as a new resident', async () => {
    await page.locator('veche-poll [part~="title"]').first().waitFor();
    // Signed out: every widget that needs the citizen says so — the wallet explains how points are
    // earned, the rest invite to sign in.
    await waitText(wallet, 'Как получить баллы');
    await waitText(mine, 'Нужно войти');
    await waitText(page.locator('veche-agency-rating[agency="roads"]'), 'Чтобы оценить ведомство, войдите через портал.');
    // The complaint form asks for /me only to know whom an answer goes to; it shows that later.
    await page.waitForFunction(() => document.querySelector('veche-complaint-form')?.matches(':state(signed-out)'));
    // A widget that asks the backend whether a cookie session exists may be told "no" with a 401,
    // which Chromium logs. That, and only that, is allowed before sign-in.
    const noise = portal.errors.filter((e) => !/^HTTP 401: .*\/api\/|status of 401 \(Unauthorized\)/.test(e));
    assert.deepEqual(noise, [], 'nothing but signed-out 401s before sign-in');
    portal.errors.length = 0;

    await page.getByLabel('Демо-житель').selectOption('fresh');
    await page.getByRole('button', { name: 'Войти через Госуслуги (демо)' }).click();
    await page.locator('#account-name', { hasText: 'Вы вошли' }).waitFor();
    token = (await page.evaluate(() => sessionStorage.getItem('demo-portal-token'))) ?? '';
    assert.ok(token, 'the portal keeps the demo token');
    // The wallet follows the sign-in: an empty wallet, no longer the signed-out call to action.
    await waitText(wallet.getByRole('tab', { name: 'Баланс' }), 'Баланс');
    await balanceIs(0);
    assert.equal((await call<Wallet>('GET', '/wallet', token)).balance, 0);
  })(t);

  await step('votes in a poll, gets a receipt, and the wallet shows the award without a reload', async () => {
    const ids = await page.locator('veche-poll').evaluateAll((polls) => polls.map((p) => p.getAttribute('poll')!));
    let pollId: string | undefined;
    let award = 0;
    let survey = false;
    for (const id of ids) {
      const poll = await call<{ status: string; myVote: unknown; questions: unknown[]; points: number; title: string; kind: string }>('GET', `/polls/${id}`, token);
      if (poll.status === 'open' && !poll.myVote && poll.questions.length === 1) {
        pollId = id;
        award = poll.points;
        pollTitle = poll.title;
        survey = poll.kind === 'survey';
        break;
      }
    }
    assert.ok(pollId, `an open single-question poll on the page (${ids.join(', ')})`);
    assert.ok(award > 0, 'the poll awards points');

    const poll = page.locator(`veche-poll[poll="${pollId}"]`);
    await poll.locator('[part~="option"]').first().click();
    await poll.locator('[part~="submit"]').click();
    await waitText(poll.locator('[part~="confirmation"]'), 'учтён');
    const receipt = (await poll.locator('[part~="receipt"]').textContent())?.trim();
    assert.ok(receipt, 'a receipt is shown');
    assert.ok((await call<{ countedAt: string }>('GET', `/votes/${encodeURIComponent(receipt)}`, token)).countedAt, 'the receipt verifies');

    balance += award;
    await balanceIs(balance);
    expected.push({ amount: award, reason: survey ? 'survey' : 'vote', description: `${survey ? 'Опрос' : 'Голосование'} «${pollTitle}»` });
  })(t);

  await step('files a complaint with a photo: category → details → place → photo → consent → review → tracking number, agency, due date', async () => {
    await form.scrollIntoViewIfNeeded();
    // Category: searchable; each shows its agency and the answer deadline.
    await form.getByLabel('Найти категорию').fill('яма');
    const pothole = form.getByRole('radio', { name: /Яма на дороге/ });
    await waitText(form.locator('[part~="category"]', { hasText: 'Яма на дороге' }), 'Упрдор · ответ в течение 10 рабочих дней');
    await pothole.check();
    await form.getByRole('button', { name: 'Далее' }).click();

    // Details: the category's own questions, validated, and the description.
    await waitText(form, 'Шаг 2 из 5: Подробности');
    await form.getByRole('button', { name: 'Далее' }).click();
    await waitText(form.locator('[part~="error-summary"]'), 'Заполните поле «Примерная глубина, см»');
    await form.getByLabel('Примерная глубина, см').fill('15');
    await form.getByRole('radio', { name: 'Городская улица' }).check();
    await form.getByLabel('Описание проблемы').fill('Глубокая яма на проезжей части напротив дома 12, машины объезжают её по встречной.');
    await form.getByRole('button', { name: 'Далее' }).click();

    // Place: an address is enough.
    await waitText(form, 'Шаг 3 из 5: Место');
    await form.getByLabel('Адрес или ориентир').fill('ул. Речная, 12');
    await form.getByRole('button', { name: 'Далее' }).click();

    // Photo: a real PNG, prepared in the browser and uploaded to /media.
    await waitText(form, 'Шаг 4 из 5: Фотографии');
    await form.locator('input[type="file"]').setInputFiles({ name: 'yama.png', mimeType: 'image/png', buffer: png(48, 32) });
    await waitText(form.locator('[part~="photo"]'), 'Загружено');
    await form.getByRole('button', { name: 'Далее' }).click();

    // Review: what will be sent, and consent (sending without it is refused).
    await waitText(form, 'Шаг 5 из 5: Проверка');
    const review = form.locator('dl.review');
    for (const text of ['Яма на дороге', '15', 'Городская улица', 'ул. Речная, 12', '1 фото']) await waitText(review, text);
    await form.getByRole('button', { name: 'Отправить обращение' }).click();
    await waitText(form.locator('[part~="error-summary"]'), 'Дайте согласие');
    await form.getByLabel('Я согласен на обработку моих персональных данных').check();
    await form.getByRole('button', { name: 'Отправить обращение' }).click();

    const done = form.locator('[part~="confirmation"]');
    await waitText(done, /Обращение ЗО-\S+ отправлено/);
    tracking = ((await done.locator('code').first().textContent()) ?? '').trim();
    assert.match(tracking, /^ЗО-\d{4}-\d{6}-/);

    const filed = await call<{ items: { id: string; trackingNumber: string; agency: { id: string; name: string }; dueAt: string; media: unknown[]; attributes: Record<string, unknown>; address: string }[] }>('GET', '/complaints?mine=true', token);
    assert.equal(filed.items.length, 1, 'exactly one complaint was filed');
    const c = filed.items[0]!;
    complaintId = c.id;
    assert.equal(c.trackingNumber, tracking);
    assert.equal(c.agency.id, 'roads');
    assert.equal(c.media.length, 1, 'the photo is attached');
    assert.deepEqual(c.attributes, { depth: 15, road_type: 'city' });
    assert.equal(c.address, 'ул. Речная, 12');
    await waitText(done, c.agency.name);
    await waitText(done, new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(c.dueAt)));

    balance += RULES.complaint;
    await balanceIs(balance);
    expected.push({ amount: RULES.complaint, reason: 'complaint', description: `Обращение ${tracking}` });
  })(t);

  await step('the agency resolves the complaint through its endpoint', async () => {
    const staff = await server.token({ sub: 'staff-roads', roles: ['agency'], agencyId: 'roads' });
    await call('POST', `/complaints/${complaintId}/status`, staff, { status: 'in_progress', note: 'Бригада выехала.' });
    const resolved = await call<{ status: string }>('POST', `/complaints/${complaintId}/status`, staff, { status: 'resolved', answer: { text: ANSWER } });
    assert.equal(resolved.status, 'resolved');
  })(t);

  await step('back on the portal, "Мои обращения" shows it resolved with the answer; the citizen confirms the fix', async () => {
    await page.reload();
    await page.locator('#account-name', { hasText: 'Вы вошли' }).waitFor();
    const card = mine.locator('li.card', { hasText: tracking });
    await waitText(card.locator('[part~="badge"]'), 'Решено ведомством');
    await card.getByText('Подробнее').click();
    await waitText(card.locator('[part~="answer"]'), ANSWER);
    await waitText(card.locator('[part~="timeline"]'), 'В работе');
    // The citizen's own photo is there, and it loads.
    const photo = card.getByRole('img', { name: 'Фото к обращению, 1' });
    await photo.scrollIntoViewIfNeeded();
    assert.equal(await photo.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)), 48, 'the uploaded photo displays');
    await card.getByRole('button', { name: 'Да, проблема решена' }).click();
    await waitText(card, 'Спасибо! Вы подтвердили решение, обращение закрыто.');
    await waitText(card.locator('[part~="badge"]'), 'Закрыто');
    const now = await call<{ status: string; confirmation: { outcome: string } | null }>('GET', `/complaints/${complaintId}`, token);
    assert.equal(now.status, 'closed');
    assert.equal(now.confirmation?.outcome, 'confirmed');
  })(t);

  await step('rates the agency in the rating form offered after confirming', async () => {
    const card = mine.locator('li.card', { hasText: tracking });
    const rating = card.locator('veche-agency-rating');
    await waitText(rating, 'Оцените работу ведомства');
    await waitText(rating, tracking);
    await rating.getByRole('radio', { name: '4 из 5' }).check();
    await rating.getByLabel('Комментарий').fill('Сделали быстро, но пришлось напомнить.');
    await rating.getByRole('button', { name: 'Отправить оценку' }).click();
    await waitText(rating, 'Спасибо! Ваша оценка учтена.');
    await waitText(rating, `Начислено: ${points(RULES.rating)}.`);
    const ratings = await call<{ items: { complaintId: string; stars: number; comment: string | null }[] }>('GET', '/agencies/roads/ratings?limit=5', token);
    assert.deepEqual(
      ratings.items.filter((r) => r.complaintId === complaintId).map((r) => [r.stars, r.comment]),
      [[4, 'Сделали быстро, но пришлось напомнить.']],
      'one rating for this complaint, as given',
    );
    balance += RULES.rating;
    await balanceIs(balance);
    expected.push({ amount: RULES.rating, reason: 'rating', description: 'Оценка: Упрдор' });
  })(t);

  await step('redeems a reward in the wallet: confirmation dialog → voucher code', async () => {
    await wallet.scrollIntoViewIfNeeded();
    await wallet.getByRole('tab', { name: 'Награды' }).click();
    const card = wallet.locator('[part~="reward"]', { hasText: REWARD.title });
    await card.getByRole('button', { name: /^Обменять\s*:/ }).click();
    const dialog = wallet.getByRole('dialog');
    await waitText(dialog, `Обменять ${points(REWARD.cost)} на «${REWARD.title}»?`);
    await waitText(dialog, `После этого на счёте останется ${points(balance - REWARD.cost)}.`);
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    const done = wallet.locator('[part~="confirmation"]');
    await waitText(done, `Готово! Вы обменяли ${points(REWARD.cost)} на «${REWARD.title}».`);
    voucher = ((await done.locator('[part~="voucher"]').textContent()) ?? '').trim();
    assert.ok(voucher, 'a voucher code is shown');
    const redemptions = await call<{ items: { rewardId: string; voucherCode: string }[] }>('GET', '/redemptions', token);
    assert.deepEqual(redemptions.items.map((r) => [r.rewardId, r.voucherCode]), [[REWARD.id, voucher]], 'one redemption, the voucher shown');
    balance -= REWARD.cost;
    await balanceIs(balance);
    expected.push({ amount: -REWARD.cost, reason: 'redemption', description: `Награда: ${REWARD.title}` });
  })(t);

  await step('donates to a fund: amount → confirm → receipt', async () => {
    const funds = await call<{ items: { id: string; raised: number }[] }>('GET', '/funds', token);
    const raisedBefore = funds.items.find((f) => f.id === FUND.id)!.raised;
    await wallet.getByRole('tab', { name: 'Благотворительность' }).click();
    const card = wallet.locator('[part~="fund"]', { hasText: FUND.name });
    await card.getByLabel('Сколько баллов пожертвовать').fill(String(FUND.amount));
    await card.getByRole('button', { name: /^Пожертвовать\s*:/ }).click();
    const dialog = wallet.getByRole('dialog');
    await waitText(dialog, `Пожертвовать ${points(FUND.amount)} фонду «${FUND.name}»?`);
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    const done = wallet.locator('[part~="confirmation"]');
    await waitText(done, `Спасибо! Вы пожертвовали ${points(FUND.amount)} фонду «${FUND.name}».`);
    receipt = ((await done.locator('[part~="receipt"]').textContent()) ?? '').trim();
    assert.match(receipt, /^Квитанция № ПЖ-\S+ от /);
    // The fund's total includes the gift.
    await waitText(done, `${FUND.name}: Собрано ${points(raisedBefore + FUND.amount)}`);
    balance -= FUND.amount;
    await balanceIs(balance);
    expected.push({ amount: -FUND.amount, reason: 'donation', description: `Пожертвование: ${FUND.name}` });
  })(t);

  await step('supports an idea and pledges points to a crowdfunded one', async () => {
    const board = page.locator('veche-idea-board').first();
    // The board is part of the journey: a page where it never gets defined fails here.
    await page.waitForFunction(() => !!customElements.get('veche-idea-board'), null, { timeout: 15_000 });
    await board.scrollIntoViewIfNeeded();
    const find = async (title: string) => {
      await board.getByLabel('Поиск идей').fill(title);
      const card = board.locator('[part~="card"]', { has: page.getByRole('heading', { name: title, exact: true }) }).first();
      await card.waitFor();
      return card;
    };

    const toSupport = await ideaToFind((idea) => idea.status === 'published' && !idea.supportedByMe && !idea.funding, token);
    const toFund = await ideaToFind(
      (idea) => ['published', 'review', 'accepted'].includes(idea.status) && !!idea.funding && (!idea.funding.deadline || Date.parse(idea.funding.deadline) > Date.now()),
      token,
    );

    // Support: the card says so, and the server counted it.
    const supportedIdea = await call<{ supporters: number }>('GET', `/ideas/${toSupport.id}`, token);
    const card = await find(toSupport.title);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/ideas/${toSupport.id}/supports`));
    await card.getByRole('button', { name: /^Поддержать\s*:/ }).click();
    assert.equal((await answered).status(), 201, 'the server accepted the support');
    await waitText(card, 'Вы поддержали');
    await card.getByRole('button', { name: /^Отозвать поддержку\s*:/ }).waitFor();
    const afterSupport = await call<{ supporters: number; supportedByMe: boolean }>('GET', `/ideas/${toSupport.id}`, token);
    assert.equal(afterSupport.supportedByMe, true);
    assert.equal(afterSupport.supporters, supportedIdea.supporters + 1);
    await waitText(card, new RegExp(`${afterSupport.supporters}\\sжител[а-я]*\\sподдержал`));

    // Pledge points to a crowdfunded idea, from its own page.
    const before = await call<{ funding: { pointsPledged: number } }>('GET', `/ideas/${toFund.id}`, token);
    const funded = await find(toFund.title);
    await funded.getByRole('button', { name: toFund.title, exact: true }).click();
    await board.getByRole('button', { name: 'Вложить баллы' }).click();
    await waitText(board, `На вашем счёте ${points(balance)}.`);
    await board.getByLabel('Сколько баллов вложить').fill(String(PLEDGE));
    await board.getByRole('button', { name: 'Продолжить' }).click();
    const dialog = board.getByRole('dialog');
    await waitText(dialog, `Списать ${points(PLEDGE)} в пользу идеи «${toFund.title}»?`);
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await waitText(board, `Спасибо! Вы вложили ${points(PLEDGE)}.`);
    const idea = await call<{ funding: { pointsPledged: number } }>('GET', `/ideas/${toFund.id}`, token);
    assert.equal(idea.funding.pointsPledged, before.funding.pointsPledged + PLEDGE, 'the pledge reached the idea');
    balance -= PLEDGE;
    await balanceIs(balance);
    expected.push({ amount: -PLEDGE, reason: 'pledge', description: `Взнос на идею «${toFund.title}»` });
  })(t);

  await step('the wallet’s balance tab has caught up: level, progress and totals', async () => {
    await wallet.getByRole('tab', { name: 'Баланс' }).click();
    const earned = expected.filter((e) => e.amount > 0).reduce((sum, e) => sum + e.amount, 0);
    const spent = -expected.filter((e) => e.amount < 0 && e.reason !== 'donation').reduce((sum, e) => sum + e.amount, 0);
    const donated = -expected.filter((e) => e.reason === 'donation').reduce((sum, e) => sum + e.amount, 0);
    // Totals come from the wallet's own refetch after a spend (coalesced), not from the events.
    const totals = wallet.locator('dl.totals');
    await waitText(totals, `Заработано${points(earned)}`);
    await waitText(totals, `Потрачено${points(spent)}`);
    await waitText(totals, `Пожертвовано${points(donated)}`);
    await waitText(wallet.locator('[part~="level"]'), 'Уровень: Участник');
    await waitText(wallet, `До уровня «Активный гражданин» — ${points(1000 - earned)}`);
    await balanceIs(balance);
  })(t);

  await step('the wallet history shows every step, as GET /wallet/transactions has it', async () => {
    const ledger = await call<{ items: LedgerEntry[] }>('GET', '/wallet/transactions?limit=50', token);
    const newestFirst = [...expected].reverse();
    assert.equal(ledger.items.length, newestFirst.length, `ledger: ${ledger.items.map((e) => e.description).join(' | ')}`);
    newestFirst.forEach((want, i) => {
      const got = ledger.items[i]!;
      assert.equal(got.amount, want.amount, `entry ${i}: ${got.description}`);
      assert.equal(got.reason, want.reason, `entry ${i}: ${got.description}`);
      assert.equal(got.description, want.description);
    });
    assert.equal(ledger.items[0]!.balanceAfter, balance);
    const w = await call<Wallet>('GET', '/wallet', token);
    assert.equal(w.balance, balance);

    await wallet.getByRole('tab', { name: 'История' }).click();
    const entries = wallet.locator('[part~="entry"]');
    await waitText(entries.first(), ledger.items[0]!.description);
    assert.equal(await entries.count(), ledger.items.length, 'one history line per ledger entry');
    for (const [i, e] of ledger.items.entries()) {
      const line = entries.nth(i);
      await waitText(line, e.description);
      await waitText(line, `${e.amount > 0 ? '+' : '−'}${points(Math.abs(e.amount))}`);
      await waitText(line, `остаток ${points(e.balanceAfter)}`);
    }
  })(t);

  await step('no console errors, page errors or failed requests after sign-in', async () => {
    assert.deepEqual(portal.errors, []);
  })(t);
});
