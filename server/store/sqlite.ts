/**
 * The SQLite implementation of the storage boundary (better-sqlite3 12, synchronous). One
 * connection per process; WAL so readers never block the writer; statements prepared once.
 * Operations that check-then-write (spends, stock) run as IMMEDIATE transactions, so even several
 * processes on one file serialise on the write lock before reading the balance.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { LedgerWrite } from '../domain/context';
import { migrations } from './migrations';
import type {
  AgenciesRepository, CitizensRepository, ComplaintFilter, ComplaintRow, ComplaintsRepository, IdeaFilter, IdeaRow, IdeasRepository,
  IdempotencyRecord, IdempotencyRepository, MediaRepository, PollsRepository, ServicesRepository, Store, TallyRow, VoteOutcome, WalletRepository,
} from './repository';

type DB = Database.Database;

export interface OpenOptions {
  /**
   * false: no automatic checkpoints on this connection (wal_autocheckpoint = 0), for connections
   * whose file has a checkpointer thread (store/checkpointer.ts). Default true (SQLite's 1000 pages).
   */
  autoCheckpoint?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  if (options.autoCheckpoint === false) db.pragma('wal_autocheckpoint = 0');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

/** PRAGMA wal_checkpoint(mode): busy 1 when it could not finish (a reader or writer in the way); log and checkpointed in frames. */
export function walCheckpoint(db: DB, mode: 'PASSIVE' | 'RESTART' | 'TRUNCATE'): { busy: number; log: number; checkpointed: number } {
  return (db.pragma(`wal_checkpoint(${mode})`) as { busy: number; log: number; checkpointed: number }[])[0]!;
}

function migrate(db: DB): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare<[], number>('SELECT version FROM schema_migrations').pluck().all());
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}

const isUnique = (e: unknown) => e instanceof Error && 'code' in e && String((e as { code: string }).code).startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') || (e instanceof Error && 'code' in e && (e as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE');
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Group commit: writes queued during one event-loop turn share one transaction (each in its own
 * savepoint, so one failure does not undo the others). Every commit rewrites the touched pages
 * into the WAL; sharing the commit between concurrent votes is what makes thousands per second
 * possible. A caller's promise settles only after the shared commit.
 *
 * `defer` queues a single-statement write nobody waits for (the citizen directory); it is written
 * at the start of the next shared transaction, or at once by `flushDeferred` before a read that
 * needs it.
 */
class GroupCommit {
  private queue: { fn: () => unknown; settled: ((value: unknown) => void) | undefined; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  private deferred = new Map<string, () => void>();
  private scheduled = false;
  private closing: (() => void)[] = [];
  // Transaction wrappers are built once: building one per job costs more than the savepoint itself.
  private inSavepoint: (fn: () => unknown) => unknown;
  private writeAll: { immediate: (jobs: GroupCommit['queue'], outcomes: { ok: boolean; value: unknown }[]) => void };
  private writeDeferredTx: { immediate: () => void };
  /**
   * Number of the current (or last) shared transaction. What jobs read may be kept in memory for
   * the next jobs of the same transaction (other connections write only between transactions);
   * a job rolled back must not have changed it (see `settled`).
   */
  tx = 0;
  constructor(private db: DB) {
    this.inSavepoint = db.transaction((fn: () => unknown) => fn());
    this.writeAll = db.transaction((jobs: GroupCommit['queue'], outcomes: { ok: boolean; value: unknown }[]) => {
      this.tx++;
      this.writeDeferred();
      for (let i = 0; i < jobs.length; i++) {
        const job = jobs[i]!;
        let value: unknown;
        try { value = this.inSavepoint(job.fn); } catch (e) { outcomes[i] = { ok: false, value: e }; continue; }
        outcomes[i] = { ok: true, value };
        // Outside the try: a throw here undoes the whole transaction rather than leave a job half counted.
        job.settled?.(value);
      }
      // Writes gathered from the jobs (running counts), in the same transaction: they commit with them or not at all.
      for (const close of this.closing) close();
    });
    this.writeDeferredTx = db.transaction(() => this.writeDeferred());
  }
  /**
   * `fn` runs in its own savepoint inside the next shared transaction; `settled` runs right after
   * that savepoint was released (the job's writes stand), still inside the transaction.
   */
  run<T>(fn: () => T, settled?: (value: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, settled: settled as ((value: unknown) => void) | undefined, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }
  /** Runs at the end of every shared transaction, before its commit (a throw undoes the whole transaction). */
  beforeCommit(fn: () => void): void { this.closing.push(fn); }
  /** A write keyed by `key` (a later one replaces an earlier one not yet written). */
  defer(key: string, fn: () => void): void {
    this.deferred.set(key, fn);
    this.schedule();
  }
  flushDeferred(): void {
    if (this.deferred.size === 0 || !this.db.open) return;
    if (this.db.inTransaction) { this.writeDeferred(); return; }
    this.writeDeferredTx.immediate();
  }
  private writeDeferred(): void {
    const writes = this.deferred;
    this.deferred = new Map();
    for (const fn of writes.values()) {
      try { fn(); } catch (e) { console.error('veche: deferred write failed', e); }
    }
  }
  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }
  private flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    if (!this.db.open) {
      const closed = new Error('database closed');
      for (const job of jobs) job.reject(closed);
      return;
    }
    if (jobs.length === 0) { this.flushDeferred(); return; }
    const outcomes: { ok: boolean; value: unknown }[] = new Array(jobs.length);
    try {
      this.writeAll.immediate(jobs, outcomes);
    } catch (e) {
      for (const job of jobs) job.reject(e);
      return;
    }
    for (let i = 0; i < jobs.length; i++) {
      if (outcomes[i]!.ok) jobs[i]!.resolve(outcomes[i]!.value);
      else jobs[i]!.reject(outcomes[i]!.value);
    }
  }
}

/** Thrown inside a transaction to undo it when an Idempotency-Key already has a stored response. */
class IdempotencyConflict extends Error {}

class Ledger {
  private balanceStmt;
  private insertStmt;
  constructor(db: DB) {
    this.balanceStmt = db.prepare<[string], number>('SELECT COALESCE(SUM(amount), 0) FROM ledger WHERE citizen_id = ?').pluck();
    this.insertStmt = db.prepare('INSERT INTO ledger (citizen_id, amount, kind, reason, description, ref_type, ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }
  balance(citizenId: string): number { return this.balanceStmt.get(citizenId) ?? 0; }
  /** Must run inside a transaction. Awards are written as given; spends/donations negative. */
  write(citizenId: string, w: LedgerWrite, at: string): void {
    if (w.amount === 0) return;
    this.insertStmt.run(citizenId, w.kind === 'earned' ? Math.abs(w.amount) : -Math.abs(w.amount), w.kind, w.reason, w.description, w.refType, w.refId, at);
  }
  /** Must run inside an IMMEDIATE transaction: the check and the write see the same balance. */
  spend(citizenId: string, w: LedgerWrite, at: string): { balance: number } | { insufficient: number } {
    const balance = this.balance(citizenId);
    const cost = Math.abs(w.amount);
    if (balance < cost) return { insufficient: cost - balance };
    this.write(citizenId, w, at);
    return { balance: balance - cost };
  }
}

function pollsRepo(db: DB, ledger: Ledger, group: GroupCommit, idempotency: { insertDone: Database.Statement }): PollsRepository {
  const cols = 'id, kind, title, description, image, opens_at, closes_at, results_policy, questions, participants';
  const get = db.prepare(`SELECT ${cols} FROM polls WHERE id = ?`);
  const tallies = db.prepare('SELECT question_id, option_key, count FROM poll_tallies WHERE poll_id = ?');
  const respondents = db.prepare('SELECT question_id, count FROM poll_respondents WHERE poll_id = ?');
  const myVote = db.prepare('SELECT receipt, answers, created_at FROM votes WHERE poll_id = ? AND citizen_id = ?');
  const insertVote = db.prepare('INSERT INTO votes (poll_id, citizen_id, receipt, answers, created_at) VALUES (?, ?, ?, ?, ?)');
  const addTally = db.prepare('UPDATE poll_tallies SET count = count + ? WHERE poll_id = ? AND question_id = ? AND option_key = ?');
  const addRespondents = db.prepare('UPDATE poll_respondents SET count = count + ? WHERE poll_id = ? AND question_id = ?');
  const addParticipants = db.prepare('UPDATE polls SET participants = participants + ? WHERE id = ?');
  const participantsOf = db.prepare<[string], number>('SELECT participants FROM polls WHERE id = ?').pluck();
  const receipt = db.prepare('SELECT v.poll_id, p.title, v.created_at FROM votes v JOIN polls p ON p.id = v.poll_id WHERE v.receipt = ?');
  type Vote = Parameters<PollsRepository['castVote']>[0];
  type Idem = Parameters<PollsRepository['castVote']>[1];
  type Results = { tallies: TallyRow[]; respondents: { question_id: string; count: number }[] };
  /**
   * A poll's running counts within one shared transaction. They are read once per poll per
   * transaction and kept in memory with the votes written since; the votes' increments are
   * summed and written once, at the end of the transaction (beforeCommit), instead of three
   * UPDATEs per vote (one of them rewriting the poll's whole row). A vote counts here only once
   * its savepoint was released (`settle`), so a vote undone never reaches the sums. Nobody else
   * writes these rows meanwhile: the shared transaction holds SQLite's write lock.
   */
  interface Counts {
    participants: number;
    /** the poll's tallies as they stand with this transaction's settled votes; read when a vote first needs them */
    results: Results | null;
    added: number;
    addedTallies: Map<string, { q: string; key: string; n: number }>;
    addedRespondents: Map<string, number>;
  }
  const counts = new Map<string, Counts>();
  let countsTx = -1;
  const countsOf = (pollId: string): Counts => {
    if (countsTx !== group.tx) { counts.clear(); countsTx = group.tx; }
    let c = counts.get(pollId);
    if (!c) {
      c = { participants: participantsOf.get(pollId) ?? 0, results: null, added: 0, addedTallies: new Map(), addedRespondents: new Map() };
      counts.set(pollId, c);
    }
    return c;
  };
  const bump = (r: Results, v: Vote) => {
    for (const [q, key] of v.optionKeys) { const t = r.tallies.find((x) => x.question_id === q && x.option_key === key); if (t) t.count++; }
    for (const q of v.answered) { const x = r.respondents.find((y) => y.question_id === q); if (x) x.count++; }
  };
  const resultsOf = (c: Counts, pollId: string): Results => {
    if (!c.results) {
      const r: Results = { tallies: tallies.all(pollId) as TallyRow[], respondents: respondents.all(pollId) as Results['respondents'] };
      // The rows do not hold this transaction's votes yet: add them.
      for (const t of c.addedTallies.values()) { const x = r.tallies.find((y) => y.question_id === t.q && y.option_key === t.key); if (x) x.count += t.n; }
      for (const [q, n] of c.addedRespondents) { const x = r.respondents.find((y) => y.question_id === q); if (x) x.count += n; }
      c.results = r;
    }
    return c.results;
  };
  /** The vote's savepoint was released: its increments join the transaction's sums. */
  const settle = (v: Vote) => {
    const c = countsOf(v.pollId);
    c.participants++;
    c.added++;
    for (const [q, key] of v.optionKeys) {
      const k = `${q}\u0000${key}`;
      const t = c.addedTallies.get(k);
      if (t) t.n++; else c.addedTallies.set(k, { q, key, n: 1 });
    }
    for (const q of v.answered) c.addedRespondents.set(q, (c.addedRespondents.get(q) ?? 0) + 1);
    if (c.results) bump(c.results, v);
  };
  group.beforeCommit(() => {
    if (countsTx !== group.tx) return;
    for (const [pollId, c] of counts) {
      if (c.added === 0) continue;
      addParticipants.run(c.added, pollId);
      for (const t of c.addedTallies.values()) addTally.run(t.n, pollId, t.q, t.key);
      for (const [q, n] of c.addedRespondents) addRespondents.run(n, pollId, q);
    }
    counts.clear();
    countsTx = -1;
  });
  /** Runs inside the group commit's savepoint: any throw undoes all of it (and `settle` never runs). */
  const cast = (v: Vote, idem: Idem): VoteOutcome | 'duplicate' => {
    try {
      insertVote.run(v.pollId, v.citizenId, v.receipt, v.answers, v.at);
    } catch (e) {
      if (isUnique(e)) return 'duplicate';
      throw e;
    }
    ledger.write(v.citizenId, v.award, v.at);
    const c = countsOf(v.pollId);
    let results: Results | null = null;
    if (v.withResults) {
      // A copy with this vote added: the counts in memory change only once the vote stands.
      const r = resultsOf(c, v.pollId);
      results = { tallies: r.tallies.map((t) => ({ ...t })), respondents: r.respondents.map((x) => ({ ...x })) };
      bump(results, v);
    }
    const outcome: VoteOutcome = { balance: ledger.balance(v.citizenId), participants: c.participants + 1, results };
    if (idem) {
      const r = idem.render(outcome);
      try {
        idempotency.insertDone.run(idem.scope, idem.key, idem.hash, r.status, r.body, r.headers, idem.nowMs);
      } catch (e) {
        if (isUnique(e)) throw new IdempotencyConflict();
        throw e;
      }
    }
    return outcome;
  };
  return {
    list: (f, offset, limit) => {
      const where = f.status === 'upcoming' ? 'WHERE opens_at > @now' : f.status === 'closed' ? 'WHERE closes_at <= @now' : f.status === 'open' ? 'WHERE opens_at <= @now AND closes_at > @now' : '';
      return db.prepare(`SELECT ${cols} FROM polls ${where} ORDER BY opens_at DESC, sort LIMIT @limit OFFSET @offset`).all({ now: f.now, limit, offset }) as never;
    },
    get: (id) => get.get(id) as never,
    tallies: (id) => ({ tallies: tallies.all(id) as never, respondents: respondents.all(id) as never }),
    myVote: (pollId, citizenId) => myVote.get(pollId, citizenId) as never,
    votedIn: (citizenId, ids) => {
      if (ids.length === 0) return new Set();
      const rows = db.prepare<unknown[], string>(`SELECT poll_id FROM votes WHERE citizen_id = ? AND poll_id IN (${ids.map(() => '?').join(',')})`).pluck().all(citizenId, ...ids);
      return new Set(rows);
    },
    castVote: (v, idem) => group.run(() => cast(v, idem), (r) => { if (r !== 'duplicate') settle(v); }).catch((e: unknown) => {
      if (e instanceof IdempotencyConflict) return 'idempotency-conflict' as const;
      throw e;
    }),
    receipt: (code) => receipt.get(code) as never,
  };
}

function citizensRepo(db: DB, group: GroupCommit): CitizensRepository {
  const upsert = db.prepare(`INSERT INTO citizens (id, display_name, email, phone, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, email = COALESCE(excluded.email, email), phone = COALESCE(excluded.phone, phone)`);
  const get = db.prepare('SELECT id, display_name, email, phone FROM citizens WHERE id = ?');
  // A citizen row is refreshed once per process per id, and nobody waits for it: it rides along
  // with the next shared commit (or is written at once before a read of the directory).
  const seen = new Set<string>();
  return {
    ensure: (c, at) => {
      const key = `${c.id}\u0000${c.displayName}\u0000${c.email ?? ''}\u0000${c.phone ?? ''}`;
      if (seen.has(key)) return;
      if (seen.size > 100_000) seen.clear();
      seen.add(key);
      group.defer(c.id, () => { upsert.run(c.id, c.displayName, c.email ?? null, c.phone ?? null, at); });
    },
    get: (id) => { group.flushDeferred(); return get.get(id) as never; },
  };
}

function walletRepo(db: DB, ledger: Ledger): WalletRepository {
  const totals = db.prepare(`SELECT COALESCE(SUM(amount), 0) AS balance,
      COALESCE(SUM(CASE WHEN kind = 'earned' THEN amount END), 0) AS earned,
      COALESCE(-SUM(CASE WHEN kind = 'spent' THEN amount END), 0) AS spent,
      COALESCE(-SUM(CASE WHEN kind = 'donated' THEN amount END), 0) AS donated
    FROM ledger WHERE citizen_id = ?`);
  const rewardCols = 'id, title, description, category, partner, cost, stock, image, how_to_use';
  const reward = db.prepare(`SELECT ${rewardCols} FROM rewards WHERE id = ?`);
  const takeStock = db.prepare('UPDATE rewards SET stock = stock - 1 WHERE id = ? AND (stock IS NULL OR stock > 0)');
  const stockOf = db.prepare<[string], number | null>('SELECT stock FROM rewards WHERE id = ?').pluck();
  const insertRedemption = db.prepare('INSERT INTO redemptions (id, citizen_id, reward_id, cost, voucher_code, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const fundCols = `f.id, f.name, f.description, f.raised_before + COALESCE((SELECT SUM(amount) FROM donations d WHERE d.fund_id = f.id), 0) AS raised,
    f.donors_before + (SELECT COUNT(DISTINCT citizen_id) FROM donations d WHERE d.fund_id = f.id) AS donors, f.min_donation, f.step, f.image`;
  const fund = db.prepare(`SELECT ${fundCols} FROM funds f WHERE f.id = ?`);
  const insertDonation = db.prepare('INSERT INTO donations (id, citizen_id, fund_id, amount, receipt_number, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const redeem = db.transaction((r: Parameters<WalletRepository['redeem']>[0]) => {
    if (stockOf.get(r.rewardId) === 0) return 'out-of-stock' as const;
    const spent = ledger.spend(r.citizenId, r.spend, r.at);
    if ('insufficient' in spent) return spent;
    if (takeStock.run(r.rewardId).changes === 0) throw new Error('stock changed inside an immediate transaction');
    insertRedemption.run(r.id, r.citizenId, r.rewardId, Math.abs(r.spend.amount), r.voucherCode, r.at);
    return spent;
  });
  const donate = db.transaction((d: Parameters<WalletRepository['donate']>[0]) => {
    const spent = ledger.spend(d.citizenId, d.spend, d.at);
    if ('insufficient' in spent) return spent;
    insertDonation.run(d.id, d.citizenId, d.fundId, d.amount, d.receiptNumber, d.at);
    return spent;
  });
  return {
    totals: (id) => totals.get(id) as never,
    levels: () => db.prepare('SELECT id, name, threshold FROM levels ORDER BY threshold').all() as never,
    transactions: (id, kind, offset, limit) => db.prepare(`SELECT * FROM (
        SELECT id, amount, kind, reason, description, ref_type, ref_id, created_at, SUM(amount) OVER (ORDER BY created_at, id) AS balance_after
        FROM ledger WHERE citizen_id = @id) ${kind ? 'WHERE kind = @kind' : ''} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`)
      .all({ id, kind, limit, offset }) as never,
    rewards: (category, offset, limit) => db.prepare(`SELECT ${rewardCols} FROM rewards ${category ? 'WHERE category = @category' : ''} ORDER BY cost, id LIMIT @limit OFFSET @offset`).all({ category, limit, offset }) as never,
    reward: (id) => reward.get(id) as never,
    redeem: (r) => redeem.immediate(r),
    redemptions: (id, offset, limit) => db.prepare(`SELECT r.id, r.reward_id, w.title, r.cost, r.voucher_code, w.how_to_use, r.created_at FROM redemptions r JOIN rewards w ON w.id = r.reward_id
      WHERE r.citizen_id = ? ORDER BY r.created_at DESC, r.id LIMIT ? OFFSET ?`).all(id, limit, offset) as never,
    funds: (offset, limit) => db.prepare(`SELECT ${fundCols} FROM funds f ORDER BY f.sort LIMIT ? OFFSET ?`).all(limit, offset) as never,
    fund: (id) => fund.get(id) as never,
    donate: (d) => donate.immediate(d),
  };
}

function servicesRepo(db: DB): ServicesRepository {
  const cols = 's.code, s.name, s.description, s.grp, s.keywords, s.agency_id, a.name AS agency_name, a.short_name AS agency_short, s.deadline_days, s.description_max, s.max_media, s.attributes';
  const get = db.prepare(`SELECT ${cols} FROM services s JOIN agencies a ON a.id = s.agency_id WHERE s.code = ?`);
  return {
    list: (f, offset, limit) => {
      const where: string[] = [];
      if (f.q) where.push("s.search LIKE @q ESCAPE '\\'");
      if (f.group) where.push('s.grp = @group');
      return db.prepare(`SELECT ${cols} FROM services s JOIN agencies a ON a.id = s.agency_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.sort LIMIT @limit OFFSET @offset`)
        .all({ q: f.q ? `%${escapeLike(f.q.toLowerCase())}%` : undefined, group: f.group, limit, offset }) as never;
    },
    get: (code) => get.get(code) as never,
  };
}

function mediaRepo(db: DB): MediaRepository {
  const insert = db.prepare('INSERT INTO media (id, citizen_id, content_type, size, width, height, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const get = db.prepare('SELECT content_type, data FROM media WHERE id = ?');
  return {
    insert: (m) => { insert.run(m.id, m.citizenId, m.contentType, m.size, m.width, m.height, m.data, m.at); },
    get: (id) => get.get(id) as never,
    owned: (ids, citizenId) => ids.length === 0 ? [] : db.prepare<unknown[], string>(`SELECT id FROM media WHERE citizen_id = ? AND id IN (${ids.map(() => '?').join(',')})`).pluck().all(citizenId, ...ids),
  };
}

const complaintCols = `c.id, c.tracking_number, c.citizen_id, c.service_code, s.name AS service_name, c.agency_id, a.name AS agency_name, a.short_name AS agency_short,
  c.status, c.description, c.address, c.lat, c.long, c.attributes, c.media, c.created_at, c.updated_at, c.deadline_days, c.due_at, c.answer_text, c.answer_at, c.answer_media,
  c.confirmation_outcome, c.confirmation_comment, c.confirmation_at, c.confirmation_media, c.resolved_at, c.closed_at, c.supporters,
  EXISTS (SELECT 1 FROM ratings r WHERE r.complaint_id = c.id) AS rated`;
const complaintFrom = 'FROM complaints c JOIN services s ON s.code = c.service_code JOIN agencies a ON a.id = c.agency_id';

function complaintsRepo(db: DB, ledger: Ledger): ComplaintsRepository {
  const get = db.prepare(`SELECT ${complaintCols} ${complaintFrom} WHERE c.id = ?`);
  const insert = db.prepare(`INSERT INTO complaints (id, tracking_number, citizen_id, service_code, agency_id, status, description, address, lat, long, attributes, media, contact,
    created_at, updated_at, deadline_days, due_at) VALUES (?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare('INSERT INTO complaint_events (complaint_id, status, actor, note, at) VALUES (?, ?, ?, ?, ?)');
  const insertSupport = db.prepare('INSERT INTO complaint_supports (complaint_id, citizen_id, created_at) VALUES (?, ?, ?)');
  const bumpSupport = db.prepare<[string], number>('UPDATE complaints SET supporters = supporters + 1 WHERE id = ? RETURNING supporters').pluck();
  const create = db.transaction((c: Parameters<ComplaintsRepository['create']>[0]) => {
    insert.run(c.id, c.trackingNumber, c.citizenId, c.serviceCode, c.agencyId, c.description, c.address, c.lat, c.long, c.attributes, c.media, c.contact, c.at, c.at, c.deadlineDays, c.dueAt);
    event.run(c.id, 'submitted', 'system', c.note, c.at);
    ledger.write(c.citizenId, c.award, c.at);
    return { balance: ledger.balance(c.citizenId) };
  });
  const support = db.transaction((id: string, citizenId: string, at: string) => {
    try { insertSupport.run(id, citizenId, at); } catch (e) { if (isUnique(e)) return 'duplicate' as const; throw e; }
    return bumpSupport.get(id) ?? 0;
  });
  const transition = db.transaction((t: Parameters<ComplaintsRepository['transition']>[0]) => {
    const sets = ['status = @to', 'updated_at = @at'];
    if (t.answer) sets.push('answer_text = @answerText', 'answer_at = @at', 'answer_media = @answerMedia');
    if (t.confirmation) sets.push('confirmation_outcome = @outcome', 'confirmation_comment = @comment', 'confirmation_at = @at', 'confirmation_media = @confirmationMedia');
    if (t.resolvedAt) sets.push('resolved_at = @resolvedAt');
    if (t.closedAt) sets.push('closed_at = @closedAt');
    const changed = db.prepare(`UPDATE complaints SET ${sets.join(', ')} WHERE id = @id AND status = @from`).run({
      id: t.id, from: t.from, to: t.to, at: t.at, answerText: t.answer?.text, answerMedia: t.answer?.media,
      outcome: t.confirmation?.outcome, comment: t.confirmation?.comment ?? null, confirmationMedia: t.confirmation?.media, resolvedAt: t.resolvedAt, closedAt: t.closedAt,
    }).changes;
    if (changed === 0) return false;
    event.run(t.id, t.to, t.actor, t.note, t.at);
    return true;
  });
  return {
    list: (f: ComplaintFilter, offset, limit) => {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit, offset };
      if (f.citizenId) { where.push('c.citizen_id = @citizenId'); params.citizenId = f.citizenId; }
      if (f.agencyId) { where.push('c.agency_id = @agencyId'); params.agencyId = f.agencyId; }
      if (f.status) { where.push('c.status = @status'); params.status = f.status; }
      if (f.serviceCode) { where.push('c.service_code = @serviceCode'); params.serviceCode = f.serviceCode; }
      if (f.statuses) { where.push(`c.status IN (${f.statuses.map((s, i) => { params[`st${i}`] = s; return `@st${i}`; }).join(',')})`); }
      if (f.ids) { where.push(`c.id IN (${f.ids.map((s, i) => { params[`id${i}`] = s; return `@id${i}`; }).join(',') || "''"})`); }
      if (f.from) { where.push('c.created_at >= @from'); params.from = f.from; }
      if (f.to) { where.push('c.created_at <= @to'); params.to = f.to; }
      return db.prepare(`SELECT ${complaintCols} ${complaintFrom} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset`).all(params) as never;
    },
    get: (id) => get.get(id) as never,
    events: (ids) => ids.length === 0 ? [] : db.prepare(`SELECT complaint_id, status, actor, note, at FROM complaint_events WHERE complaint_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as never,
    supportedBy: (citizenId, ids) => ids.length === 0 ? new Set() : new Set(db.prepare<unknown[], string>(`SELECT complaint_id FROM complaint_supports WHERE citizen_id = ? AND complaint_id IN (${ids.map(() => '?').join(',')})`).pluck().all(citizenId, ...ids)),
    nearbyCandidates: (serviceCode, b) => db.prepare(`SELECT ${complaintCols} ${complaintFrom} WHERE c.service_code = @serviceCode AND c.status IN ('submitted', 'in_progress', 'disputed', 'resolved')
      AND c.lat BETWEEN @minLat AND @maxLat AND c.long BETWEEN @minLong AND @maxLong`).all({ serviceCode, ...b }) as never,
    create: (c) => create(c),
    support: (id, citizenId, at) => support(id, citizenId, at),
    transition: (t) => transition.immediate(t),
    nextTrackingSeq: () => (db.prepare<[], number>('SELECT COUNT(*) FROM complaints').pluck().get() ?? 0) + 1,
  };
}

function agenciesRepo(db: DB, ledger: Ledger): AgenciesRepository {
  const insert = db.prepare('INSERT INTO ratings (id, agency_id, complaint_id, citizen_id, stars, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const rate = db.transaction((r: Parameters<AgenciesRepository['rate']>[0]) => {
    try { insert.run(r.id, r.agencyId, r.complaintId, r.citizenId, r.stars, r.comment, r.at); } catch (e) { if (isUnique(e)) return 'duplicate' as const; throw e; }
    ledger.write(r.citizenId, r.award, r.at);
    return { balance: ledger.balance(r.citizenId) };
  });
  const stats = db.prepare(`SELECT a.id, a.name, a.short_name, a.description, a.website,
      (SELECT AVG(stars) FROM ratings r WHERE r.agency_id = a.id) AS average,
      (SELECT COUNT(*) FROM ratings r WHERE r.agency_id = a.id) AS count,
      (SELECT COUNT(*) FROM complaints c WHERE c.agency_id = a.id AND c.status IN ('submitted', 'in_progress', 'disputed')) AS open,
      (SELECT COUNT(*) FROM complaints c WHERE c.agency_id = a.id AND c.status IN ('resolved', 'closed')) AS resolved,
      (SELECT COUNT(*) FROM complaints c WHERE c.agency_id = a.id AND c.resolved_at IS NOT NULL AND c.resolved_at <= c.due_at) AS on_time,
      (SELECT COUNT(*) FROM complaints c WHERE c.agency_id = a.id AND c.resolved_at IS NOT NULL) AS finished
    FROM agencies a ORDER BY a.sort`);
  return {
    stats: () => stats.all() as never,
    resolutionDays: (id) => db.prepare<[string], number>(`SELECT (julianday(resolved_at) - julianday(created_at)) FROM complaints WHERE agency_id = ? AND resolved_at IS NOT NULL AND status IN ('resolved', 'closed', 'disputed')`).pluck().all(id),
    distribution: (id) => db.prepare('SELECT stars, COUNT(*) AS count FROM ratings WHERE agency_id = ? GROUP BY stars').all(id) as never,
    services: (id) => db.prepare('SELECT code, name FROM services WHERE agency_id = ? ORDER BY sort').all(id) as never,
    ratings: (id, offset, limit) => db.prepare(`SELECT r.id, r.agency_id, r.complaint_id, r.stars, r.comment, r.created_at, COALESCE(ci.display_name, 'Житель') AS author
      FROM ratings r LEFT JOIN citizens ci ON ci.id = r.citizen_id WHERE r.agency_id = ? ORDER BY r.created_at DESC, r.id LIMIT ? OFFSET ?`).all(id, limit, offset) as never,
    eligibleComplaints: (agencyId, citizenId) => ({
      closed: db.prepare(`SELECT c.id, c.tracking_number, s.name AS service_name, COALESCE(c.closed_at, c.updated_at) AS closed_at, EXISTS (SELECT 1 FROM ratings r WHERE r.complaint_id = c.id) AS rated
        FROM complaints c JOIN services s ON s.code = c.service_code WHERE c.agency_id = ? AND c.citizen_id = ? AND c.status = 'closed' ORDER BY c.closed_at DESC`).all(agencyId, citizenId) as never,
    }),
    rate: (r) => rate(r),
  };
}

const ideaCols = `i.id, i.title, i.text, i.category_id, k.name AS category_name, i.author_id, i.author_name, i.status, i.created_at, i.supporters, i.threshold,
  i.agency_id, a.name AS agency_name, a.short_name AS agency_short, i.rejection_reason, i.media, i.funding_goal, i.point_value, i.match_factor, i.match_cap, i.funding_deadline,
  i.money_raised, i.points_pledged, (SELECT COUNT(DISTINCT citizen_id) FROM pledges p WHERE p.idea_id = i.id AND p.status = 'confirmed') AS pledgers`;
const ideaFrom = 'FROM ideas i JOIN idea_categories k ON k.id = i.category_id LEFT JOIN agencies a ON a.id = i.agency_id';

function ideasRepo(db: DB, ledger: Ledger): IdeasRepository {
  const get = db.prepare(`SELECT ${ideaCols} ${ideaFrom} WHERE i.id = ?`);
  const insertEvent = db.prepare('INSERT INTO idea_events (idea_id, status, note, agency_id, at) VALUES (?, ?, ?, ?, ?)');
  const insertIdea = db.prepare(`INSERT INTO ideas (id, title, text, category_id, author_id, author_name, status, created_at, threshold, media, funding_goal, point_value, match_factor, match_cap, search)
    VALUES (@id, @title, @text, @categoryId, @authorId, @authorName, 'moderation', @at, @threshold, @media, @fundingGoal, @pointValue, @matchFactor, @matchCap, @search)`);
  const insertSupport = db.prepare('INSERT INTO idea_supports (idea_id, citizen_id, created_at) VALUES (?, ?, ?)');
  const deleteSupport = db.prepare('DELETE FROM idea_supports WHERE idea_id = ? AND citizen_id = ?');
  const addSupporters = db.prepare<[number, string], number>('UPDATE ideas SET supporters = supporters + ? WHERE id = ? RETURNING supporters').pluck();
  const supporters = db.prepare<[string], number>('SELECT supporters FROM ideas WHERE id = ?').pluck();
  const insertPledge = db.prepare('INSERT INTO pledges (id, idea_id, citizen_id, kind, amount, status, payment_reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const addPoints = db.prepare('UPDATE ideas SET points_pledged = points_pledged + ? WHERE id = ?');
  const create = db.transaction((i: Parameters<IdeasRepository['create']>[0]) => {
    insertIdea.run({ threshold: i.threshold, id: i.id, title: i.title, text: i.text, categoryId: i.categoryId, authorId: i.authorId, authorName: i.authorName, at: i.at, media: i.media,
      fundingGoal: i.fundingGoal, pointValue: i.funding?.pointValue ?? null, matchFactor: i.funding?.matchFactor ?? null, matchCap: i.funding?.matchCap ?? null,
      search: `${i.title}\n${i.text}`.toLowerCase() });
    insertEvent.run(i.id, 'moderation', null, null, i.at);
  });
  const support = db.transaction((id: string, citizenId: string, at: string) => {
    try { insertSupport.run(id, citizenId, at); } catch (e) { if (isUnique(e)) return 'duplicate' as const; throw e; }
    return addSupporters.get(1, id) ?? 0;
  });
  const withdraw = db.transaction((id: string, citizenId: string) => {
    if (deleteSupport.run(id, citizenId).changes === 0) return supporters.get(id) ?? 0;
    return addSupporters.get(-1, id) ?? 0;
  });
  const pledge = db.transaction((p: Parameters<IdeasRepository['pledge']>[0]) => {
    let balance: number | null = null;
    if (p.spend) {
      const spent = ledger.spend(p.citizenId, p.spend, p.at);
      if ('insufficient' in spent) return spent;
      balance = spent.balance;
      addPoints.run(p.amount, p.ideaId);
    }
    insertPledge.run(p.id, p.ideaId, p.citizenId, p.kind, p.amount, p.status, p.paymentReference, p.at);
    return { balance };
  });
  const transition = db.transaction((t: Parameters<IdeasRepository['transition']>[0]) => {
    const changed = db.prepare(`UPDATE ideas SET status = @to, agency_id = COALESCE(@agencyId, agency_id), rejection_reason = COALESCE(@reason, rejection_reason) WHERE id = @id AND status = @from`)
      .run({ id: t.id, from: t.from, to: t.to, agencyId: t.agencyId, reason: t.rejectionReason }).changes;
    if (changed === 0) return false;
    insertEvent.run(t.id, t.to, t.note, t.agencyId, t.at);
    if (t.award) ledger.write(t.award.citizenId, t.award.write, t.at);
    return true;
  });
  return {
    categories: (offset, limit) => db.prepare(`SELECT k.id, k.name, k.description, (SELECT COUNT(*) FROM ideas i WHERE i.category_id = k.id AND i.status NOT IN ('moderation', 'rejected')) AS idea_count
      FROM idea_categories k ORDER BY k.sort LIMIT ? OFFSET ?`).all(limit, offset) as never,
    category: (id) => db.prepare('SELECT id, name FROM idea_categories WHERE id = ?').get(id) as never,
    list: (f: IdeaFilter, offset, limit) => {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit, offset, recentSince: f.recentSince };
      if (f.q) { where.push("i.search LIKE @q ESCAPE '\\'"); params.q = `%${escapeLike(f.q.toLowerCase())}%`; }
      if (f.category) { where.push('i.category_id = @category'); params.category = f.category; }
      if (f.status) { where.push('i.status = @status'); params.status = f.status; }
      if (f.authorId) { where.push('i.author_id = @authorId'); params.authorId = f.authorId; }
      if (f.funded === true) where.push('i.funding_goal IS NOT NULL');
      if (f.funded === false) where.push('i.funding_goal IS NULL');
      // Ideas in moderation or rejected are listed to their authors only, except that asking for
      // rejected ideas lists those rejected after they were published (with their reason);
      // rejected at moderation, an idea never becomes public.
      if (f.publicOnly) {
        where.push(f.status === 'rejected'
          ? "(i.author_id = @viewer OR EXISTS (SELECT 1 FROM idea_events e WHERE e.idea_id = i.id AND e.status = 'published'))"
          : "(i.status NOT IN ('moderation', 'rejected') OR i.author_id = @viewer)");
        params.viewer = f.viewerId ?? '';
      }
      if (f.sort === 'threshold') where.push('i.supporters < i.threshold');
      const order = f.sort === 'newest' ? 'i.created_at DESC, i.id DESC'
        : f.sort === 'trending' ? '(i.recent_base + (SELECT COUNT(*) FROM idea_supports s WHERE s.idea_id = i.id AND s.created_at >= @recentSince)) DESC, i.supporters DESC, i.id'
        : f.sort === 'threshold' ? '(i.threshold - i.supporters) ASC, i.id' : 'i.supporters DESC, i.created_at DESC, i.id';
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = db.prepare(`SELECT ${ideaCols} ${ideaFrom} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params) as IdeaRow[];
      const { limit: _l, offset: _o, recentSince: _r, ...countParams } = params;
      const total = db.prepare<[Record<string, unknown>], number>(`SELECT COUNT(*) FROM ideas i ${whereSql}`).pluck().get(countParams) ?? 0;
      return { rows, total };
    },
    get: (id) => get.get(id) as never,
    events: (id) => db.prepare(`SELECT e.status, e.note, e.agency_id, a.name AS agency_name, a.short_name AS agency_short, e.at FROM idea_events e LEFT JOIN agencies a ON a.id = e.agency_id
      WHERE e.idea_id = ? ORDER BY e.id`).all(id) as never,
    supportedBy: (citizenId, ids) => ids.length === 0 ? new Set() : new Set(db.prepare<unknown[], string>(`SELECT idea_id FROM idea_supports WHERE citizen_id = ? AND idea_id IN (${ids.map(() => '?').join(',')})`).pluck().all(citizenId, ...ids)),
    create: (i) => { create(i); },
    support: (id, citizenId, at) => support(id, citizenId, at),
    withdraw: (id, citizenId) => withdraw(id, citizenId),
    pledge: (p) => pledge.immediate(p),
    transition: (t) => transition.immediate(t),
  };
}

function idempotencyRepo(db: DB): IdempotencyRepository & { insertDone: Database.Statement } {
  const insert = db.prepare("INSERT INTO idempotency (scope, key, state, created_at) VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING");
  const get = db.prepare('SELECT request_hash, state, status, body, headers, created_at FROM idempotency WHERE scope = ? AND key = ?');
  const takeOver = db.prepare("UPDATE idempotency SET created_at = ? WHERE scope = ? AND key = ? AND state = 'pending' AND created_at < ?");
  const complete = db.prepare(`INSERT INTO idempotency (scope, key, request_hash, state, status, body, headers, created_at) VALUES (?, ?, ?, 'done', ?, ?, ?, ?)
    ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, state = 'done', status = excluded.status, body = excluded.body, headers = excluded.headers`);
  // Written inside an operation's own transaction: a conflict means the key already has a response.
  const insertDone = db.prepare("INSERT INTO idempotency (scope, key, request_hash, state, status, body, headers, created_at) VALUES (?, ?, ?, 'done', ?, ?, ?, ?)");
  const release = db.prepare("DELETE FROM idempotency WHERE scope = ? AND key = ? AND state = 'pending'");
  const purge = db.prepare('DELETE FROM idempotency WHERE created_at < ?');
  return {
    insertDone,
    reserve: (scope, key, nowMs, staleBeforeMs) => {
      if (insert.run(scope, key, nowMs).changes === 1) return null;
      // A pending record whose owner vanished (crash) would block the key forever; take it over.
      if (takeOver.run(nowMs, scope, key, staleBeforeMs).changes === 1) return null;
      return (get.get(scope, key) as IdempotencyRecord | undefined) ?? null;
    },
    find: (scope, key) => (get.get(scope, key) as IdempotencyRecord | undefined) ?? null,
    complete: (scope, key, hash, status, body, headers, nowMs) => { complete.run(scope, key, hash, status, body, headers, nowMs); },
    release: (scope, key) => { release.run(scope, key); },
    purge: (olderThanMs) => purge.run(olderThanMs).changes,
  };
}

export function createSqliteStore(file: string, options: OpenOptions = {}): Store & { db: DB } {
  const db = openDatabase(file, options);
  const ledger = new Ledger(db);
  const group = new GroupCommit(db);
  const idempotency = idempotencyRepo(db);
  return {
    db,
    citizens: citizensRepo(db, group),
    polls: pollsRepo(db, ledger, group, idempotency),
    wallet: walletRepo(db, ledger),
    services: servicesRepo(db),
    media: mediaRepo(db),
    complaints: complaintsRepo(db, ledger),
    agencies: agenciesRepo(db, ledger),
    ideas: ideasRepo(db, ledger),
    idempotency,
    isEmpty: () => (db.prepare<[], number>('SELECT COUNT(*) FROM agencies').pluck().get() ?? 0) === 0,
    close: () => { if (db.open) { group.flushDeferred(); db.pragma('optimize'); db.close(); } },
  };
}

export type { ComplaintRow };
