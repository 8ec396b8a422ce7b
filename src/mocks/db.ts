/**
 * The mocks' in-memory store: the demo region (the same generator the reference server seeds from)
 * plus everything citizens do during a session. Read models are computed on request from source
 * records, the way the server derives them, so counts, balances and results stay consistent.
 */
import type { components } from '../core/api-schema';
import {
  addWorkingDays, createDemoRegion, pollStatusAt, seededRandom,
  type DemoCitizen, type DemoComplaint, type DemoFund, type DemoIdea, type DemoLedgerEntry, type DemoPoll, type DemoRegion,
} from '../../api/fixtures/demo-region';
import { excerpt } from './formats';

export type S = components['schemas'];

/** A signed-in caller of the mocks (from a `mock:<citizenId>` bearer token). */
export interface MockIdentity { id: string; displayName: string; roles: S['Role'][]; agencyId: string | null; email?: string; phone?: string }

/** A complaint as stored: the demo record, but filed ones may come without an address or location. */
/** Photos live in `MockDb.complaintMedia`, so the confirmation here is the record without them. */
export type MockComplaint = Omit<DemoComplaint, 'address' | 'location' | 'confirmation'> & {
  address: string | null; location: S['GeoPoint'] | null; confirmation: Omit<S['Confirmation'], 'media'> | null;
};
export interface ComplaintMedia { citizen: string[]; answer: string[]; confirmation: string[] }
export interface MockMedia { id: string; citizenId: string; contentType: S['Media']['contentType']; bytes: Uint8Array; createdAt: string }
export interface MockVote { pollId: string; citizenId: string; receipt: string; answers: S['Answer'][]; at: string }
export interface MockPledge { id: string; ideaId: string; citizenId: string; kind: 'points' | 'money'; amount: number; status: 'confirmed' | 'pending'; paymentReference: string | null; createdAt: string }

/** How long the author may confirm or dispute a resolved complaint. */
export const CONFIRMATION_DAYS = 14;
const DAY = 86_400_000;
const OPEN_STATUSES: S['ComplaintStatus'][] = ['submitted', 'in_progress', 'disputed'];
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomCode(groups: number, rand?: () => number): string {
  const bytes = new Uint8Array(groups * 4);
  if (rand) bytes.forEach((_, i) => { bytes[i] = Math.floor(rand() * 256); });
  else globalThis.crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]!);
  return Array.from({ length: groups }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}
export const newId = (prefix: string) => `${prefix}-${randomCode(3).replace(/-/g, '').toLowerCase()}`;
export const isoAt = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
const median = (values: number[]) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

export class MockDb {
  readonly region: DemoRegion;
  readonly createdAt: Date;
  citizens = new Map<string, DemoCitizen>();
  votes: MockVote[] = [];
  complaints: MockComplaint[] = [];
  /** media ids attached by complaint id: the filing's, the agency answer's, the author's confirmation's */
  complaintMedia = new Map<string, ComplaintMedia>();
  ideas: DemoIdea[] = [];
  ideaMedia = new Map<string, string[]>();
  ideaSupportsAt = new Map<string, string>();
  pledges: MockPledge[] = [];
  ledger: DemoLedgerEntry[] = [];
  redemptions: DemoRegion['redemptions'] = [];
  donations: DemoRegion['donations'] = [];
  rewards: S['Reward'][] = [];
  funds: DemoFund[] = [];
  media = new Map<string, MockMedia>();
  private trackingSeq = 5000;

  constructor(options: { now?: Date } = {}) {
    this.createdAt = options.now ?? new Date();
    this.region = createDemoRegion({ now: this.createdAt });
    this.reset();
  }

  /** Back to the demo region as generated (the store is shared by every handler of a backend). */
  reset(): void {
    const r = structuredClone(this.region);
    this.citizens = new Map(r.citizens.map((c) => [c.id, c]));
    const rand = seededRandom(7);
    this.votes = r.polls.flatMap((p) => p.ballots.map((b) => ({ pollId: p.id, citizenId: b.citizenId, receipt: randomCode(5, rand), answers: b.answers, at: b.at })));
    this.complaints = r.complaints;
    this.complaintMedia = new Map();
    this.ideas = r.ideas;
    this.ideaMedia = new Map();
    this.ideaSupportsAt = new Map();
    this.pledges = r.ideas.flatMap((i) => i.pledges.map((p, k) => ({ id: `${i.id}-pl${k + 1}`, ideaId: i.id, citizenId: p.citizenId, kind: p.kind, amount: p.amount, status: 'confirmed' as const, paymentReference: null, createdAt: p.createdAt })));
    this.ledger = r.ledger;
    this.redemptions = r.redemptions;
    this.donations = r.donations;
    this.rewards = r.rewards;
    this.funds = r.funds;
    this.media = new Map();
    this.trackingSeq = 5000;
  }

  now(): Date { return new Date(); }

  // ------------------------------------------------------------------ identity

  /** Any id in a mock token is a citizen: demo people keep their roles, others are fresh citizens. */
  identity(citizenId: string): MockIdentity {
    const c = this.citizens.get(citizenId);
    if (c) return { id: c.id, displayName: c.displayName, roles: c.roles, agencyId: c.agencyId, email: c.email, phone: c.phone };
    return { id: citizenId, displayName: `Житель ${citizenId}`, roles: ['citizen'], agencyId: null };
  }

  addCitizen(name?: string): MockIdentity {
    const id = newId('citizen');
    this.citizens.set(id, { id, displayName: name ?? `Житель ${id.slice(-6)}`, email: '', phone: '', roles: ['citizen'], agencyId: null, about: 'fresh' });
    return this.identity(id);
  }

  me(who: MockIdentity): S['Me'] {
    const contact: S['Me']['contact'] = { name: who.displayName };
    if (who.email) contact.email = who.email;
    if (who.phone) contact.phone = who.phone;
    return { id: who.id, displayName: who.displayName, roles: who.roles, agencyId: who.agencyId, contact };
  }

  displayName(citizenId: string): string {
    return this.citizens.get(citizenId)?.displayName ?? 'Житель';
  }

  // ------------------------------------------------------------------ points

  balance(citizenId: string): number {
    return this.ledger.reduce((sum, e) => (e.citizenId === citizenId ? sum + e.amount : sum), 0);
  }

  /** Appends to the ledger; a spend that would overdraw is refused (returns the missing amount). */
  post(entry: Omit<DemoLedgerEntry, 'createdAt'>): { balance: number } | { missing: number } {
    const before = this.balance(entry.citizenId);
    if (before + entry.amount < 0) return { missing: -(before + entry.amount) };
    this.ledger.push({ ...entry, createdAt: isoAt(this.now().getTime()) });
    return { balance: before + entry.amount };
  }

  pointsChange(awarded: number, spent: number, balance: number, reason: string): S['PointsChange'] {
    return { awarded, spent, balance, reason };
  }

  wallet(citizenId: string): S['Wallet'] {
    const mine = this.ledger.filter((e) => e.citizenId === citizenId);
    const earned = mine.filter((e) => e.amount > 0).reduce((s, e) => s + e.amount, 0);
    const donated = -mine.filter((e) => e.reason === 'donation').reduce((s, e) => s + e.amount, 0);
    const spent = -mine.filter((e) => e.amount < 0 && e.reason !== 'donation').reduce((s, e) => s + e.amount, 0);
    const levels = [...this.region.levels].sort((a, b) => a.threshold - b.threshold);
    const level = [...levels].reverse().find((l) => earned >= l.threshold) ?? levels[0]!;
    const nextLevel = levels.find((l) => l.threshold > earned) ?? null;
    return { balance: earned - spent - donated, earned, spent, donated, level, nextLevel, pointsToNextLevel: nextLevel ? nextLevel.threshold - earned : null, levels };
  }

  /** Newest first, with the balance after each entry. */
  transactions(citizenId: string): S['LedgerEntry'][] {
    let running = 0;
    const out: S['LedgerEntry'][] = [];
    this.ledger.forEach((e, index) => {
      if (e.citizenId !== citizenId) return;
      running += e.amount;
      const kind: S['LedgerKind'] = e.amount > 0 ? 'earned' : e.reason === 'donation' ? 'donated' : 'spent';
      out.push({ id: `l${index + 1}`, kind, amount: e.amount, reason: e.reason, description: e.description, createdAt: e.createdAt, balanceAfter: running, reference: e.reference });
    });
    return out.reverse();
  }

  fund(f: DemoFund): S['Fund'] {
    const donations = this.donations.filter((d) => d.fundId === f.id);
    const { raisedBefore, donorsBefore, ...rest } = f;
    return { ...rest, raised: raisedBefore + donations.reduce((s, d) => s + d.amount, 0), donors: donorsBefore + new Set(donations.map((d) => d.citizenId)).size };
  }

  redemption(r: DemoRegion['redemptions'][number]): S['Redemption'] {
    const reward = this.rewards.find((x) => x.id === r.rewardId)!;
    return { id: r.id, rewardId: r.rewardId, rewardTitle: reward.title, cost: reward.cost, voucherCode: r.voucherCode, howToUse: reward.howToUse, createdAt: r.createdAt };
  }

  // ------------------------------------------------------------------ polls

  poll(id: string): DemoPoll | undefined { return this.region.polls.find((p) => p.id === id); }
  pollStatus(p: DemoPoll): S['PollStatus'] { return pollStatusAt(p, this.now()); }
  myVote(pollId: string, citizenId: string | undefined): MockVote | undefined {
    return citizenId ? this.votes.find((v) => v.pollId === pollId && v.citizenId === citizenId) : undefined;
  }

  resultsVisible(p: DemoPoll, voted: boolean): boolean {
    const status = this.pollStatus(p);
    switch (p.resultsPolicy) {
      case 'live': return true;
      case 'after-vote': return voted || status === 'closed';
      case 'after-close': return status === 'closed';
      default: return false;
    }
  }

  results(p: DemoPoll): S['PollResults'] {
    const votes = this.votes.filter((v) => v.pollId === p.id);
    return {
      participants: votes.length,
      final: this.pollStatus(p) === 'closed',
      questions: p.questions.map((q): S['QuestionResult'] => {
        const answers = votes.map((v) => v.answers.find((a) => a.questionId === q.id)).filter((a): a is S['Answer'] => Boolean(a));
        const respondents = answers.length;
        const keys = q.type === 'scale' ? ['1', '2', '3', '4', '5'] : q.options.map((o) => o.id);
        const count = (key: string) => answers.filter((a) => (q.type === 'scale' ? String(a.value) === key : a.optionIds?.includes(key))).length;
        const options = keys.map((optionId) => ({ optionId, count: count(optionId), share: respondents ? round2(count(optionId) / respondents) : 0 }));
        const result: S['QuestionResult'] = { questionId: q.id, type: q.type, respondents, options };
        if (q.type === 'scale') result.average = respondents ? round2(answers.reduce((s, a) => s + (a.value ?? 0), 0) / respondents) : null;
        return result;
      }),
    };
  }

  pollPoints(p: DemoPoll): number { return p.kind === 'survey' ? this.region.pointRules.survey : this.region.pointRules.vote; }

  pollSummary(p: DemoPoll, who: MockIdentity | null): S['PollSummary'] {
    const voted = Boolean(this.myVote(p.id, who?.id));
    const summary: S['PollSummary'] = {
      id: p.id, kind: p.kind, title: p.title, status: this.pollStatus(p), opensAt: p.opensAt, closesAt: p.closesAt,
      resultsPolicy: p.resultsPolicy, questionCount: p.questions.length,
      participants: this.resultsVisible(p, voted) ? this.votes.filter((v) => v.pollId === p.id).length : null,
      points: this.pollPoints(p), votedByMe: voted,
    };
    if (p.description) summary.description = p.description;
    if (p.image) summary.image = p.image;
    return summary;
  }

  pollView(p: DemoPoll, who: MockIdentity | null): S['Poll'] {
    const mine = this.myVote(p.id, who?.id);
    return {
      ...this.pollSummary(p, who),
      questions: p.questions,
      myVote: mine ? { receipt: mine.receipt, votedAt: mine.at, answers: mine.answers } : null,
      results: this.resultsVisible(p, Boolean(mine)) ? this.results(p) : null,
    };
  }

  /** The poll's rules for a ballot, as field errors (empty when the ballot is fine). */
  ballotErrors(p: DemoPoll, answers: S['Answer'][]): S['FieldError'][] {
    const errors: S['FieldError'][] = [];
    const seen = new Set<string>();
    answers.forEach((a, i) => {
      const q = p.questions.find((x) => x.id === a.questionId);
      const at = `/answers/${i}`;
      if (!q) return errors.push({ pointer: `${at}/questionId`, detail: 'нет такого вопроса', code: 'unknown-question' });
      if (seen.has(q.id)) return errors.push({ pointer: `${at}/questionId`, detail: 'ответ на вопрос повторяется', code: 'duplicate' });
      seen.add(q.id);
      if (q.type === 'scale') {
        if (a.value === undefined || a.optionIds) return errors.push({ pointer: `${at}/value`, detail: 'нужна оценка от 1 до 5', code: 'required' });
        return undefined;
      }
      const ids = a.optionIds ?? [];
      if (a.value !== undefined || ids.length === 0) return errors.push({ pointer: `${at}/optionIds`, detail: 'нужно выбрать вариант', code: 'required' });
      const unknown = ids.findIndex((id) => !q.options.some((o) => o.id === id));
      if (unknown >= 0) return errors.push({ pointer: `${at}/optionIds/${unknown}`, detail: 'нет такого варианта', code: 'unknown-option' });
      const min = q.type === 'single' ? 1 : q.minChoices ?? 1;
      const max = q.type === 'single' ? 1 : q.maxChoices ?? q.options.length;
      if (ids.length < min) return errors.push({ pointer: `${at}/optionIds`, detail: `выберите не меньше ${min}`, code: 'min' });
      if (ids.length > max) return errors.push({ pointer: `${at}/optionIds`, detail: `выберите не больше ${max}`, code: 'max' });
      return undefined;
    });
    p.questions.forEach((q) => {
      if (q.required && !seen.has(q.id)) errors.push({ pointer: '/answers', detail: `нет ответа на обязательный вопрос ${q.id}`, code: 'required' });
    });
    return errors;
  }

  // ------------------------------------------------------------------ services and complaints

  service(code: string): S['Service'] | undefined { return this.region.services.find((s) => s.code === code); }

  mediaRef(id: string, base: string): S['MediaRef'] { return { id, url: `${base}/media/${id}` }; }

  media_(m: MockMedia, base: string): S['Media'] {
    return { id: m.id, url: `${base}/media/${m.id}`, contentType: m.contentType, size: m.bytes.byteLength, width: null, height: null, createdAt: m.createdAt };
  }

  dueAt(c: MockComplaint): Date { return addWorkingDays(new Date(c.createdAt), this.service(c.serviceCode)!.deadlineDays); }

  complaintMediaOf(id: string): ComplaintMedia { return this.complaintMedia.get(id) ?? { citizen: [], answer: [], confirmation: [] }; }

  complaintView(c: MockComplaint, who: MockIdentity | null, base: string): S['Complaint'] {
    const service = this.service(c.serviceCode)!;
    const due = this.dueAt(c);
    const media = this.complaintMediaOf(c.id);
    const last = c.history[c.history.length - 1]!;
    const resolvedAt = [...c.history].reverse().find((h) => h.status === 'resolved')?.at;
    return {
      id: c.id, trackingNumber: c.trackingNumber, serviceCode: c.serviceCode, serviceName: service.name, agency: service.agency,
      status: c.status, description: c.description, address: c.address, location: c.location, attributes: c.attributes,
      media: media.citizen.map((id) => this.mediaRef(id, base)), createdAt: c.createdAt, updatedAt: last.at,
      deadlineDays: service.deadlineDays, dueAt: due.toISOString(),
      overdue: OPEN_STATUSES.includes(c.status) && this.now().getTime() > due.getTime(),
      supporters: c.supporterIds.length, supportedByMe: Boolean(who && c.supporterIds.includes(who.id)), mine: who?.id === c.citizenId,
      history: c.history,
      answer: c.answer ? { text: c.answer.text, at: c.answer.at, media: media.answer.map((id) => this.mediaRef(id, base)) } : null,
      confirmation: c.confirmation ? { ...c.confirmation, media: media.confirmation.map((id) => this.mediaRef(id, base)) } : null,
      // only the author may confirm, so only the author is told until when
      confirmableUntil: c.status === 'resolved' && resolvedAt && who?.id === c.citizenId ? isoAt(Date.parse(resolvedAt) + CONFIRMATION_DAYS * DAY) : null,
      rated: c.rating !== null,
    };
  }

  nextTrackingNumber(): string {
    this.trackingSeq += 1;
    return `ЗО-${this.now().getUTCFullYear()}-${String(this.trackingSeq).padStart(6, '0')}`;
  }

  // ------------------------------------------------------------------ agencies

  agencyComplaints(agencyId: string) { return this.complaints.filter((c) => this.service(c.serviceCode)?.agency.id === agencyId); }

  /** When the agency last resolved or rejected a complaint (the server's `resolved_at`), or null. */
  finishedAt(c: MockComplaint): string | null {
    return [...c.history].reverse().find((h) => h.status === 'resolved' || h.status === 'rejected')?.at ?? null;
  }

  agencySummaries(): S['AgencySummary'][] {
    const rows = this.region.agencies.map((a) => {
      const complaints = this.agencyComplaints(a.id);
      const ratings = complaints.filter((c) => c.rating).map((c) => c.rating!.stars);
      // As the server: a complaint is finished when the agency resolved or rejected it (the latest
      // time it did), on time when that was by its due date, whether or not it was answered.
      const finished = complaints.map((c) => ({ c, at: this.finishedAt(c) })).filter((x): x is { c: MockComplaint; at: string } => x.at !== null);
      const onTime = finished.filter((x) => Date.parse(x.at) <= this.dueAt(x.c).getTime()).length;
      const days = finished.filter((x) => ['resolved', 'closed', 'disputed'].includes(x.c.status)).map((x) => (Date.parse(x.at) - Date.parse(x.c.createdAt)) / DAY);
      const medianDays = median(days);
      return {
        id: a.id, name: a.name, shortName: a.shortName, rank: 0,
        rating: { average: ratings.length ? round2(ratings.reduce((s, x) => s + x, 0) / ratings.length) : null, count: ratings.length },
        onTimeShare: finished.length ? Math.round((onTime / finished.length) * 1000) / 1000 : null,
        medianDaysToResolve: medianDays === null ? null : Math.round(medianDays * 10) / 10,
        openComplaints: complaints.filter((c) => OPEN_STATUSES.includes(c.status)).length,
        resolvedComplaints: complaints.filter((c) => c.status === 'resolved' || c.status === 'closed').length,
      } satisfies S['AgencySummary'];
    });
    // Ranked as the server ranks: by the unrounded average, then volume, then id in code-unit order.
    const average = new Map(this.region.agencies.map((a) => {
      const stars = this.agencyComplaints(a.id).filter((c) => c.rating).map((c) => c.rating!.stars);
      return [a.id, stars.length ? stars.reduce((s, x) => s + x, 0) / stars.length : 0];
    }));
    [...rows]
      .sort((x, y) => average.get(y.id)! - average.get(x.id)! || y.rating.count - x.rating.count || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .forEach((row, i) => { row.rank = i + 1; });
    return rows;
  }

  agencyView(id: string): S['Agency'] | undefined {
    const a = this.region.agencies.find((x) => x.id === id);
    const summary = this.agencySummaries().find((x) => x.id === id);
    if (!a || !summary) return undefined;
    const stars = this.agencyComplaints(id).filter((c) => c.rating).map((c) => c.rating!.stars);
    const view: S['Agency'] = {
      ...summary, description: a.description,
      distribution: [1, 2, 3, 4, 5].map((s) => ({ stars: s, count: stars.filter((x) => x === s).length })),
      services: this.region.services.filter((s) => s.agency.id === id).map((s) => ({ code: s.code, name: s.name })),
    };
    if (a.website) view.website = a.website;
    return view;
  }

  ratings(agencyId: string): S['Rating'][] {
    return this.agencyComplaints(agencyId)
      .filter((c) => c.rating)
      .map((c) => ({ id: `rt-${c.id}`, agencyId, complaintId: c.id, stars: c.rating!.stars, comment: c.rating!.comment, createdAt: c.rating!.createdAt, authorDisplayName: this.displayName(c.citizenId) }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  // ------------------------------------------------------------------ ideas

  category(id: string) { return this.region.ideaCategories.find((c) => c.id === id); }

  agencyRef(id: string | null | undefined): S['AgencyRef'] | undefined {
    const a = id ? this.region.agencies.find((x) => x.id === id) : undefined;
    return a ? { id: a.id, name: a.name, shortName: a.shortName } : undefined;
  }

  ideaSupporters(i: DemoIdea): number { return i.baseSupporters + i.supporterIds.length; }

  /** Supports in the last 7 days: the base ones recorded as recent plus live ones. */
  ideaRecentSupport(i: DemoIdea): number {
    const since = this.now().getTime() - 7 * DAY;
    return i.recentSupporters + i.supporterIds.filter((c) => Date.parse(this.ideaSupportsAt.get(`${i.id}|${c}`) ?? '1970-01-01T00:00:00Z') >= since).length;
  }

  funding(i: DemoIdea): S['Funding'] | null {
    if (!i.funding) return null;
    const pledges = this.pledges.filter((p) => p.ideaId === i.id);
    const pointsPledged = pledges.filter((p) => p.kind === 'points').reduce((s, p) => s + p.amount, 0);
    const money = pledges.filter((p) => p.kind === 'money' && p.status === 'confirmed').reduce((s, p) => s + p.amount, 0);
    const raised = Math.floor(money + pointsPledged * i.funding.pointValue);
    const matched = Math.min(Math.floor(raised * i.funding.matchFactor), i.funding.matchCap);
    return {
      goal: i.funding.goal, currency: 'RUB', raised, pointsPledged, pointValue: i.funding.pointValue, matchFactor: i.funding.matchFactor,
      matchCap: i.funding.matchCap, matched, total: raised + matched,
      pledgers: new Set(pledges.filter((p) => p.status === 'confirmed').map((p) => p.citizenId)).size, deadline: i.funding.deadline,
    };
  }

  ideaSummary(i: DemoIdea, who: MockIdentity | null): S['IdeaSummary'] {
    const category = this.category(i.categoryId)!;
    const summary: S['IdeaSummary'] = {
      id: i.id, title: i.title, excerpt: excerpt(i.text),
      category: { id: category.id, name: category.name }, author: { displayName: i.authorName }, createdAt: i.createdAt, status: i.status,
      supporters: this.ideaSupporters(i), threshold: i.threshold, supportedByMe: Boolean(who && i.supporterIds.includes(who.id)),
      funding: this.funding(i),
    };
    const agency = this.agencyRef(i.agencyId);
    if (agency) summary.agency = agency;
    return summary;
  }

  ideaView(i: DemoIdea, who: MockIdentity | null, base: string): S['Idea'] {
    return {
      ...this.ideaSummary(i, who), text: i.text,
      media: (this.ideaMedia.get(i.id) ?? []).map((id) => this.mediaRef(id, base)),
      timeline: i.timeline.map((e) => {
        const ev: S['IdeaEvent'] = { status: e.status, at: e.at };
        if (e.note) ev.note = e.note;
        const agency = this.agencyRef(e.agencyId);
        if (agency) ev.agency = agency;
        return ev;
      }),
      rejectionReason: i.rejectionReason, mine: who?.id === i.authorId,
    };
  }

  /** Ideas in moderation (and rejected ones) are the author's and the moderators' business. */
  /** As the server: an idea never published (in moderation, or rejected there) exists for its author and moderators only. */
  ideaVisibleTo(i: DemoIdea, who: MockIdentity | null): boolean {
    const neverPublished = i.status === 'moderation' || (i.status === 'rejected' && !i.timeline.some((e) => e.status === 'published'));
    if (!neverPublished) return true;
    return Boolean(who && (who.id === i.authorId || who.roles.includes('moderator')));
  }
}
