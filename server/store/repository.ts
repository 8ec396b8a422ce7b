/**
 * The storage boundary. Domain code talks only to these interfaces; SQLite implements them today
 * (sqlite.ts). Every method that changes more than one row is one atomic operation here, so a
 * PostgreSQL adapter implements the same operations with its own transactions — an addition, not a
 * rewrite. Methods may return promises; callers always await.
 */
import type { Awaitable, LedgerWrite, Schemas } from '../domain/context';

export interface PollRow {
  id: string; kind: 'poll' | 'survey'; title: string; description: string | null; image: string | null;
  opens_at: string; closes_at: string; results_policy: Schemas['ResultsPolicy']; questions: string; participants: number;
}
export interface TallyRow { question_id: string; option_key: string; count: number }
export interface VoteRow { receipt: string; answers: string; created_at: string }
export interface VoteOutcome { balance: number; participants: number; results: { tallies: TallyRow[]; respondents: { question_id: string; count: number }[] } | null }
export interface PollsRepository {
  list(filter: { status?: Schemas['PollStatus']; now: string }, offset: number, limit: number): Awaitable<PollRow[]>;
  get(id: string): Awaitable<PollRow | undefined>;
  tallies(pollId: string): Awaitable<{ tallies: TallyRow[]; respondents: { question_id: string; count: number }[] }>;
  myVote(pollId: string, citizenId: string): Awaitable<VoteRow | undefined>;
  votedIn(citizenId: string, pollIds: string[]): Awaitable<Set<string>>;
  /**
   * Records the vote, bumps tallies, awards points and — when `idempotency` is given — stores the
   * response for the request's Idempotency-Key, all in one transaction. 'duplicate' if this citizen
   * voted; 'idempotency-conflict' (nothing written) if a response for that key was stored meanwhile.
   * `withResults` reads the tallies inside the same transaction, so they include this vote.
   */
  castVote(vote: { pollId: string; citizenId: string; receipt: string; answers: string; at: string; optionKeys: [string, string][]; answered: string[]; award: LedgerWrite; withResults: boolean },
    idempotency?: IdempotencyWrite<VoteOutcome> | null): Awaitable<VoteOutcome | 'duplicate' | 'idempotency-conflict'>;
  receipt(code: string): Awaitable<{ poll_id: string; title: string; created_at: string } | undefined>;
}

export interface LedgerRow { id: number; amount: number; kind: string; reason: string; description: string; ref_type: string | null; ref_id: string | null; created_at: string; balance_after: number }
export interface CitizensRepository {
  ensure(identity: { id: string; displayName: string; email?: string; phone?: string }, at: string): Awaitable<void>;
  get(id: string): Awaitable<{ id: string; display_name: string; email: string | null; phone: string | null } | undefined>;
}
export interface WalletRepository {
  totals(citizenId: string): Awaitable<{ balance: number; earned: number; spent: number; donated: number }>;
  levels(): Awaitable<Schemas['Level'][]>;
  transactions(citizenId: string, kind: string | undefined, offset: number, limit: number): Awaitable<LedgerRow[]>;
  rewards(category: string | undefined, offset: number, limit: number): Awaitable<RewardRow[]>;
  reward(id: string): Awaitable<RewardRow | undefined>;
  /** Spends and decrements stock atomically; never overdraws, never sells below zero stock. */
  redeem(r: { id: string; citizenId: string; rewardId: string; voucherCode: string; at: string; spend: LedgerWrite }): Awaitable<{ balance: number } | { insufficient: number } | 'out-of-stock'>;
  redemptions(citizenId: string, offset: number, limit: number): Awaitable<RedemptionRow[]>;
  funds(offset: number, limit: number): Awaitable<FundRow[]>;
  fund(id: string): Awaitable<FundRow | undefined>;
  donate(d: { id: string; citizenId: string; fundId: string; amount: number; receiptNumber: string; at: string; spend: LedgerWrite }): Awaitable<{ balance: number } | { insufficient: number }>;
}
export interface RewardRow { id: string; title: string; description: string; category: string; partner: string; cost: number; stock: number | null; image: string | null; how_to_use: string }
export interface RedemptionRow { id: string; reward_id: string; title: string; cost: number; voucher_code: string; how_to_use: string; created_at: string }
export interface FundRow { id: string; name: string; description: string; raised: number; donors: number; min_donation: number; step: number; image: string | null }

export interface ServiceRow { code: string; name: string; description: string; grp: string; keywords: string; agency_id: string; agency_name: string; agency_short: string; deadline_days: number; description_max: number; max_media: number; attributes: string }
export interface ServicesRepository {
  list(filter: { q?: string; group?: string }, offset: number, limit: number): Awaitable<ServiceRow[]>;
  get(code: string): Awaitable<ServiceRow | undefined>;
}

export interface MediaRepository {
  insert(m: { id: string; citizenId: string; contentType: string; size: number; width: number | null; height: number | null; data: Buffer; at: string }): Awaitable<void>;
  get(id: string): Awaitable<{ content_type: string; data: Buffer } | undefined>;
  owned(ids: string[], citizenId: string): Awaitable<string[]>;
}

export interface ComplaintRow {
  id: string; tracking_number: string; citizen_id: string; service_code: string; service_name: string; agency_id: string; agency_name: string; agency_short: string;
  status: Schemas['ComplaintStatus']; description: string; address: string | null; lat: number | null; long: number | null; attributes: string; media: string;
  created_at: string; updated_at: string; deadline_days: number; due_at: string; answer_text: string | null; answer_at: string | null; answer_media: string | null;
  confirmation_outcome: 'confirmed' | 'disputed' | null; confirmation_comment: string | null; confirmation_at: string | null; confirmation_media: string; resolved_at: string | null; closed_at: string | null;
  supporters: number; rated: number;
}
export interface ComplaintEventRow { complaint_id: string; status: Schemas['ComplaintStatus']; actor: 'citizen' | 'agency' | 'system'; note: string | null; at: string }
export interface ComplaintFilter { citizenId?: string; agencyId?: string; status?: string; serviceCode?: string; statuses?: string[]; ids?: string[]; from?: string; to?: string }
export interface ComplaintsRepository {
  list(filter: ComplaintFilter, offset: number, limit: number): Awaitable<ComplaintRow[]>;
  get(id: string): Awaitable<ComplaintRow | undefined>;
  events(ids: string[]): Awaitable<ComplaintEventRow[]>;
  supportedBy(citizenId: string, ids: string[]): Awaitable<Set<string>>;
  nearbyCandidates(serviceCode: string, box: { minLat: number; maxLat: number; minLong: number; maxLong: number }): Awaitable<ComplaintRow[]>;
  create(c: { id: string; trackingNumber: string; citizenId: string; serviceCode: string; agencyId: string; description: string; address: string | null; lat: number | null; long: number | null; attributes: string; media: string; contact: string | null; at: string; deadlineDays: number; dueAt: string; note: string; award: LedgerWrite }): Awaitable<{ balance: number }>;
  support(complaintId: string, citizenId: string, at: string): Awaitable<number | 'duplicate'>;
  /** Applies a status change only if the complaint is still in `from` (optimistic check). */
  transition(t: { id: string; from: string; to: string; actor: 'citizen' | 'agency'; note: string | null; at: string; answer?: { text: string; media: string }; confirmation?: { outcome: string; comment: string | null; media: string }; resolvedAt?: string; closedAt?: string }): Awaitable<boolean>;
  nextTrackingSeq(): Awaitable<number>;
}

export interface AgencyStatsRow { id: string; name: string; short_name: string; description: string; website: string | null; average: number | null; count: number; open: number; resolved: number; on_time: number; finished: number }
export interface RatingRow { id: string; agency_id: string; complaint_id: string; stars: number; comment: string | null; created_at: string; author: string }
export interface AgenciesRepository {
  stats(): Awaitable<AgencyStatsRow[]>;
  resolutionDays(agencyId: string): Awaitable<number[]>;
  distribution(agencyId: string): Awaitable<{ stars: number; count: number }[]>;
  services(agencyId: string): Awaitable<{ code: string; name: string }[]>;
  ratings(agencyId: string, offset: number, limit: number): Awaitable<RatingRow[]>;
  eligibleComplaints(agencyId: string, citizenId: string): Awaitable<{ closed: { id: string; tracking_number: string; service_name: string; closed_at: string; rated: number }[] }>;
  rate(r: { id: string; agencyId: string; complaintId: string; citizenId: string; stars: number; comment: string | null; at: string; award: LedgerWrite }): Awaitable<{ balance: number } | 'duplicate'>;
}

export interface IdeaRow {
  id: string; title: string; text: string; category_id: string; category_name: string; author_id: string; author_name: string; status: Schemas['IdeaStatus'];
  created_at: string; supporters: number; threshold: number; agency_id: string | null; agency_name: string | null; agency_short: string | null; rejection_reason: string | null; media: string;
  funding_goal: number | null; point_value: number | null; match_factor: number | null; match_cap: number | null; funding_deadline: string | null;
  money_raised: number; points_pledged: number; pledgers: number;
}
export interface IdeaFilter { q?: string; category?: string; status?: string; publicOnly: boolean; authorId?: string; funded?: boolean; viewerId?: string; sort: 'popular' | 'newest' | 'trending' | 'threshold'; recentSince: string }
export interface IdeasRepository {
  categories(offset: number, limit: number): Awaitable<{ id: string; name: string; description: string | null; idea_count: number }[]>;
  category(id: string): Awaitable<{ id: string; name: string } | undefined>;
  list(filter: IdeaFilter, offset: number, limit: number): Awaitable<{ rows: IdeaRow[]; total: number }>;
  get(id: string): Awaitable<IdeaRow | undefined>;
  events(id: string): Awaitable<{ status: Schemas['IdeaStatus']; note: string | null; agency_id: string | null; agency_name: string | null; agency_short: string | null; at: string }[]>;
  supportedBy(citizenId: string, ids: string[]): Awaitable<Set<string>>;
  create(i: { id: string; threshold: number; title: string; text: string; categoryId: string; authorId: string; authorName: string; media: string; fundingGoal: number | null; funding: { pointValue: number; matchFactor: number; matchCap: number } | null; at: string }): Awaitable<void>;
  support(ideaId: string, citizenId: string, at: string): Awaitable<number | 'duplicate'>;
  withdraw(ideaId: string, citizenId: string): Awaitable<number>;
  pledge(p: { id: string; ideaId: string; citizenId: string; kind: 'points' | 'money'; amount: number; status: 'confirmed' | 'pending'; paymentReference: string | null; at: string; spend: LedgerWrite | null }): Awaitable<{ balance: number | null } | { insufficient: number }>;
  /** Moves the idea only if it is still in `from`; awards the author when given. */
  transition(t: { id: string; from: string; to: string; note: string | null; agencyId: string | null; rejectionReason: string | null; at: string; award: { citizenId: string; write: LedgerWrite } | null }): Awaitable<boolean>;
}

export interface IdempotencyRecord { request_hash: string | null; state: 'pending' | 'done'; status: number | null; body: string | null; headers: string | null; created_at: number }
/** The stored response of an idempotent request, written by an operation inside its own transaction. */
export interface IdempotencyWrite<T> {
  scope: string; key: string; hash: string; nowMs: number;
  /** Called inside the transaction with the operation's outcome; returns the response to store. Throwing undoes the operation. */
  render(outcome: T): { status: number; body: string; headers: string };
}
export interface IdempotencyRepository {
  /** Inserts a pending record; returns the existing one if the key is taken. */
  reserve(scope: string, key: string, nowMs: number, staleBeforeMs: number): Awaitable<IdempotencyRecord | null>;
  /** The record for a key, if any (no reservation is made). */
  find(scope: string, key: string): Awaitable<IdempotencyRecord | null>;
  /** Stores the final response, whether or not a pending reservation exists. */
  complete(scope: string, key: string, hash: string, status: number, body: string, headers: string, nowMs: number): Awaitable<void>;
  release(scope: string, key: string): Awaitable<void>;
  purge(olderThanMs: number): Awaitable<number>;
}

export interface Store {
  citizens: CitizensRepository;
  polls: PollsRepository;
  wallet: WalletRepository;
  services: ServicesRepository;
  media: MediaRepository;
  complaints: ComplaintsRepository;
  agencies: AgenciesRepository;
  ideas: IdeasRepository;
  idempotency: IdempotencyRepository;
  isEmpty(): Awaitable<boolean>;
  close(): Awaitable<void>;
}
