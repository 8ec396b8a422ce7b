/**
 * Loads the demo region into an empty SQLite database in one transaction (a few hundred ms), so
 * `VECHE_DEMO=1 npm run server` is usable at once. The same fixture module feeds the browser mocks.
 */
import type Database from 'better-sqlite3';
import { addWorkingDays, createDemoRegion, type DemoRegion } from '../../api/fixtures/demo-region';

export function seedDemoRegion(db: Database.Database, now: Date): DemoRegion {
  const region = createDemoRegion({ now });
  const run = (sql: string) => db.prepare(sql);
  db.transaction(() => {
    const citizen = run('INSERT OR IGNORE INTO citizens (id, display_name, email, phone, created_at) VALUES (?, ?, ?, ?, ?)');
    for (const c of region.citizens) citizen.run(c.id, c.displayName, c.email, c.phone, now.toISOString());
    const agency = run('INSERT INTO agencies (id, name, short_name, description, website, sort) VALUES (?, ?, ?, ?, ?, ?)');
    region.agencies.forEach((a, i) => agency.run(a.id, a.name, a.shortName, a.description, a.website ?? null, i));
    const service = run(`INSERT INTO services (code, name, description, grp, keywords, agency_id, deadline_days, description_max, max_media, attributes, search, sort)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    region.services.forEach((s, i) => service.run(s.code, s.name, s.description, s.group, JSON.stringify(s.keywords), s.agency.id, s.deadlineDays, s.descriptionMaxLength, s.maxMedia,
      JSON.stringify(s.attributes), [s.name, s.description, ...s.keywords].join('\n').toLowerCase(), i));
    const level = run('INSERT INTO levels (id, name, threshold) VALUES (?, ?, ?)');
    for (const l of region.levels) level.run(l.id, l.name, l.threshold);

    const poll = run(`INSERT INTO polls (id, kind, title, description, image, opens_at, closes_at, results_policy, questions, participants, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const tally = run('INSERT INTO poll_tallies (poll_id, question_id, option_key, count) VALUES (?, ?, ?, ?)');
    const respondents = run('INSERT INTO poll_respondents (poll_id, question_id, count) VALUES (?, ?, ?)');
    const vote = run('INSERT INTO votes (poll_id, citizen_id, receipt, answers, created_at) VALUES (?, ?, ?, ?, ?)');
    region.polls.forEach((p, i) => {
      poll.run(p.id, p.kind, p.title, p.description ?? null, p.image ? JSON.stringify(p.image) : null, p.opensAt, p.closesAt, p.resultsPolicy, JSON.stringify(p.questions), p.ballots.length, i);
      const counts = new Map<string, number>();
      const answered = new Map<string, number>();
      for (const b of p.ballots) for (const a of b.answers) {
        answered.set(a.questionId, (answered.get(a.questionId) ?? 0) + 1);
        for (const key of a.optionIds ?? [String(a.value)]) counts.set(`${a.questionId}\u0000${key}`, (counts.get(`${a.questionId}\u0000${key}`) ?? 0) + 1);
      }
      for (const q of p.questions) {
        respondents.run(p.id, q.id, answered.get(q.id) ?? 0);
        const keys = q.type === 'scale' ? ['1', '2', '3', '4', '5'] : q.options.map((o) => o.id);
        for (const k of keys) tally.run(p.id, q.id, k, counts.get(`${q.id}\u0000${k}`) ?? 0);
      }
      // Seeded receipts are derived, not random: they only need to be unique and well-formed.
      p.ballots.forEach((b, n) => vote.run(p.id, b.citizenId, seededReceipt(i, n), JSON.stringify(b.answers), b.at));
    });

    const complaint = run(`INSERT INTO complaints (id, tracking_number, citizen_id, service_code, agency_id, status, description, address, lat, long, attributes, media, contact,
      created_at, updated_at, deadline_days, due_at, answer_text, answer_at, answer_media, confirmation_outcome, confirmation_comment, confirmation_at, resolved_at, closed_at, supporters)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', NULL, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)`);
    const event = run('INSERT INTO complaint_events (complaint_id, status, actor, note, at) VALUES (?, ?, ?, ?, ?)');
    const support = run('INSERT INTO complaint_supports (complaint_id, citizen_id, created_at) VALUES (?, ?, ?)');
    const rating = run('INSERT INTO ratings (id, agency_id, complaint_id, citizen_id, stars, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const c of region.complaints) {
      const service = region.services.find((s) => s.code === c.serviceCode)!;
      const last = c.history[c.history.length - 1]!;
      const resolvedAt = c.history.find((h) => h.status === 'resolved' || h.status === 'rejected')?.at ?? null;
      const closedAt = c.history.find((h) => h.status === 'closed')?.at ?? null;
      complaint.run(c.id, c.trackingNumber, c.citizenId, c.serviceCode, service.agency.id, c.status, c.description, c.address, c.location.lat, c.location.long, JSON.stringify(c.attributes),
        c.createdAt, last.at, service.deadlineDays, addWorkingDays(new Date(c.createdAt), service.deadlineDays).toISOString(), c.answer?.text ?? null, c.answer?.at ?? null,
        c.confirmation?.outcome ?? null, c.confirmation?.comment ?? null, c.confirmation?.at ?? null, resolvedAt, closedAt, c.supporterIds.length);
      for (const h of c.history) event.run(c.id, h.status, h.actor, h.note ?? null, h.at);
      for (const s of c.supporterIds) support.run(c.id, s, c.createdAt);
      if (c.rating) rating.run(`rt-${c.id}`, service.agency.id, c.id, c.citizenId, c.rating.stars, c.rating.comment, c.rating.createdAt);
    }

    const category = run('INSERT INTO idea_categories (id, name, description, sort) VALUES (?, ?, ?, ?)');
    region.ideaCategories.forEach((k, i) => category.run(k.id, k.name, k.description ?? null, i));
    const idea = run(`INSERT INTO ideas (id, title, text, category_id, author_id, author_name, status, created_at, base_supporters, recent_base, supporters, threshold, agency_id,
      rejection_reason, funding_goal, point_value, match_factor, match_cap, funding_deadline, money_raised, points_pledged, search)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const ideaEvent = run('INSERT INTO idea_events (idea_id, status, note, agency_id, at) VALUES (?, ?, ?, ?, ?)');
    const ideaSupport = run('INSERT INTO idea_supports (idea_id, citizen_id, created_at) VALUES (?, ?, ?)');
    const pledge = run("INSERT INTO pledges (id, idea_id, citizen_id, kind, amount, status, payment_reference, created_at) VALUES (?, ?, ?, ?, ?, 'confirmed', NULL, ?)");
    for (const i of region.ideas) {
      const money = i.pledges.filter((p) => p.kind === 'money').reduce((s, p) => s + p.amount, 0);
      const points = i.pledges.filter((p) => p.kind === 'points').reduce((s, p) => s + p.amount, 0);
      idea.run(i.id, i.title, i.text, i.categoryId, i.authorId, i.authorName, i.status, i.createdAt, i.baseSupporters, i.recentSupporters, i.baseSupporters + i.supporterIds.length,
        i.threshold, i.agencyId, i.rejectionReason, i.funding?.goal ?? null, i.funding?.pointValue ?? null, i.funding?.matchFactor ?? null, i.funding?.matchCap ?? null,
        i.funding?.deadline ?? null, money, points, `${i.title}\n${i.text}`.toLowerCase());
      for (const e of i.timeline) ideaEvent.run(i.id, e.status, e.note ?? null, e.agencyId ?? null, e.at);
      for (const s of i.supporterIds) ideaSupport.run(i.id, s, i.createdAt);
      i.pledges.forEach((p, n) => pledge.run(`pl-${i.id}-${n}`, i.id, p.citizenId, p.kind, p.amount, p.createdAt));
    }

    const reward = run('INSERT INTO rewards (id, title, description, category, partner, cost, stock, image, how_to_use) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of region.rewards) reward.run(r.id, r.title, r.description, r.category, r.partner, r.cost, r.stock, r.image ? JSON.stringify(r.image) : null, r.howToUse);
    const fund = run('INSERT INTO funds (id, name, description, raised_before, donors_before, min_donation, step, image, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    region.funds.forEach((f, i) => fund.run(f.id, f.name, f.description, f.raisedBefore, f.donorsBefore, f.minDonation, f.step, f.image ? JSON.stringify(f.image) : null, i));
    const redemption = run('INSERT INTO redemptions (id, citizen_id, reward_id, cost, voucher_code, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of region.redemptions) redemption.run(r.id, r.citizenId, r.rewardId, region.rewards.find((x) => x.id === r.rewardId)!.cost, r.voucherCode, r.createdAt);
    const donation = run('INSERT INTO donations (id, citizen_id, fund_id, amount, receipt_number, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const d of region.donations) donation.run(d.id, d.citizenId, d.fundId, d.amount, d.receiptNumber, d.createdAt);
    const ledger = run('INSERT INTO ledger (citizen_id, amount, kind, reason, description, ref_type, ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const e of region.ledger) {
      const kind = e.amount > 0 ? 'earned' : e.reason === 'donation' ? 'donated' : 'spent';
      ledger.run(e.citizenId, e.amount, kind, e.reason, e.description, e.reference?.type ?? null, e.reference?.id ?? null, e.createdAt);
    }
  }).immediate();
  return region;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function seededReceipt(poll: number, ballot: number): string {
  let x = (poll * 100_003 + ballot * 7919 + 12345) >>> 0;
  let out = 'DEMO';
  for (let i = 0; i < 16; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; out += ALPHABET[(x >>> 16) & 31]; }
  return out.match(/.{4}/g)!.join('-');
}
