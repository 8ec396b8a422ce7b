/**
 * Schema migrations, applied in order on start inside one transaction each. Append only: a shipped
 * migration is never edited, a change is a new entry.
 */
export const migrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE citizens (
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, email TEXT, phone TEXT, created_at TEXT NOT NULL
);
CREATE TABLE agencies (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, short_name TEXT NOT NULL, description TEXT NOT NULL, website TEXT, sort INTEGER NOT NULL
);
CREATE TABLE services (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, grp TEXT NOT NULL, keywords TEXT NOT NULL,
  agency_id TEXT NOT NULL REFERENCES agencies(id), deadline_days INTEGER NOT NULL, description_max INTEGER NOT NULL,
  max_media INTEGER NOT NULL, attributes TEXT NOT NULL, search TEXT NOT NULL, sort INTEGER NOT NULL
);
CREATE TABLE polls (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, description TEXT, image TEXT,
  opens_at TEXT NOT NULL, closes_at TEXT NOT NULL, results_policy TEXT NOT NULL, questions TEXT NOT NULL,
  participants INTEGER NOT NULL DEFAULT 0, sort INTEGER NOT NULL
);
-- Running counts per option (or scale value), updated in the vote's transaction so results are O(options).
CREATE TABLE poll_tallies (
  poll_id TEXT NOT NULL REFERENCES polls(id), question_id TEXT NOT NULL, option_key TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (poll_id, question_id, option_key)
) WITHOUT ROWID;
CREATE TABLE poll_respondents (
  poll_id TEXT NOT NULL, question_id TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (poll_id, question_id)
) WITHOUT ROWID;
CREATE TABLE votes (
  id INTEGER PRIMARY KEY, poll_id TEXT NOT NULL REFERENCES polls(id), citizen_id TEXT NOT NULL,
  receipt TEXT NOT NULL UNIQUE, answers TEXT NOT NULL, created_at TEXT NOT NULL,
  UNIQUE (poll_id, citizen_id)
);
-- Append-only points ledger; a balance is always SUM(amount).
CREATE TABLE ledger (
  id INTEGER PRIMARY KEY, citizen_id TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount <> 0), kind TEXT NOT NULL,
  reason TEXT NOT NULL, description TEXT NOT NULL, ref_type TEXT, ref_id TEXT, created_at TEXT NOT NULL
);
CREATE INDEX ledger_citizen ON ledger(citizen_id, id);
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
CREATE TABLE levels (id TEXT PRIMARY KEY, name TEXT NOT NULL, threshold INTEGER NOT NULL);
CREATE TABLE media (
  id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,
  width INTEGER, height INTEGER, data BLOB NOT NULL, created_at TEXT NOT NULL
);
CREATE TABLE complaints (
  id TEXT PRIMARY KEY, tracking_number TEXT NOT NULL UNIQUE, citizen_id TEXT NOT NULL, service_code TEXT NOT NULL REFERENCES services(code),
  agency_id TEXT NOT NULL REFERENCES agencies(id), status TEXT NOT NULL, description TEXT NOT NULL, address TEXT, lat REAL, long REAL,
  attributes TEXT NOT NULL, media TEXT NOT NULL, contact TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  deadline_days INTEGER NOT NULL, due_at TEXT NOT NULL, answer_text TEXT, answer_at TEXT, answer_media TEXT,
  confirmation_outcome TEXT, confirmation_comment TEXT, confirmation_at TEXT, resolved_at TEXT, closed_at TEXT,
  supporters INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaints_citizen ON complaints(citizen_id, created_at);
CREATE INDEX complaints_service ON complaints(service_code, status);
CREATE INDEX complaints_agency ON complaints(agency_id, status);
CREATE INDEX complaints_created ON complaints(created_at);
CREATE TABLE complaint_events (
  id INTEGER PRIMARY KEY, complaint_id TEXT NOT NULL REFERENCES complaints(id), status TEXT NOT NULL,
  actor TEXT NOT NULL, note TEXT, at TEXT NOT NULL
);
CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, id);
CREATE TABLE complaint_supports (
  complaint_id TEXT NOT NULL REFERENCES complaints(id), citizen_id TEXT NOT NULL, created_at TEXT NOT NULL,
  PRIMARY KEY (complaint_id, citizen_id)
) WITHOUT ROWID;
CREATE TABLE ratings (
  id TEXT PRIMARY KEY, agency_id TEXT NOT NULL REFERENCES agencies(id), complaint_id TEXT NOT NULL UNIQUE REFERENCES complaints(id),
  citizen_id TEXT NOT NULL, stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5), comment TEXT, created_at TEXT NOT NULL
);
CREATE INDEX ratings_agency ON ratings(agency_id, created_at);
CREATE TABLE idea_categories (id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT, sort INTEGER NOT NULL);
CREATE TABLE ideas (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL, category_id TEXT NOT NULL REFERENCES idea_categories(id),
  author_id TEXT NOT NULL, author_name TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
  base_supporters INTEGER NOT NULL DEFAULT 0, recent_base INTEGER NOT NULL DEFAULT 0, supporters INTEGER NOT NULL DEFAULT 0,
  threshold INTEGER NOT NULL, agency_id TEXT REFERENCES agencies(id), rejection_reason TEXT, media TEXT NOT NULL DEFAULT '[]',
  funding_goal INTEGER, point_value REAL, match_factor REAL, match_cap INTEGER, funding_deadline TEXT,
  money_raised INTEGER NOT NULL DEFAULT 0, points_pledged INTEGER NOT NULL DEFAULT 0, search TEXT NOT NULL
);
CREATE INDEX ideas_status ON ideas(status, supporters);
CREATE INDEX ideas_category ON ideas(category_id, status);
CREATE INDEX ideas_author ON ideas(author_id);
CREATE TABLE idea_events (
  id INTEGER PRIMARY KEY, idea_id TEXT NOT NULL REFERENCES ideas(id), status TEXT NOT NULL, note TEXT, agency_id TEXT, at TEXT NOT NULL
);
CREATE INDEX idea_events_idea ON idea_events(idea_id, id);
CREATE TABLE idea_supports (
  idea_id TEXT NOT NULL REFERENCES ideas(id), citizen_id TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (idea_id, citizen_id)
) WITHOUT ROWID;
CREATE INDEX idea_supports_recent ON idea_supports(idea_id, created_at);
CREATE TABLE pledges (
  id TEXT PRIMARY KEY, idea_id TEXT NOT NULL REFERENCES ideas(id), citizen_id TEXT NOT NULL, kind TEXT NOT NULL,
  amount INTEGER NOT NULL, status TEXT NOT NULL, payment_reference TEXT, created_at TEXT NOT NULL
);
CREATE INDEX pledges_idea ON pledges(idea_id);
CREATE TABLE rewards (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL, category TEXT NOT NULL, partner TEXT NOT NULL,
  cost INTEGER NOT NULL, stock INTEGER CHECK (stock IS NULL OR stock >= 0), image TEXT, how_to_use TEXT NOT NULL
);
CREATE TABLE redemptions (
  id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL, reward_id TEXT NOT NULL REFERENCES rewards(id), cost INTEGER NOT NULL,
  voucher_code TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL
);
CREATE INDEX redemptions_citizen ON redemptions(citizen_id, created_at);
CREATE TABLE funds (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, raised_before INTEGER NOT NULL, donors_before INTEGER NOT NULL,
  min_donation INTEGER NOT NULL, step INTEGER NOT NULL, image TEXT, sort INTEGER NOT NULL
);
CREATE TABLE donations (
  id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL, fund_id TEXT NOT NULL REFERENCES funds(id), amount INTEGER NOT NULL,
  receipt_number TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL
);
CREATE INDEX donations_fund ON donations(fund_id);
CREATE TABLE idempotency (
  scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT, state TEXT NOT NULL, status INTEGER, body TEXT,
  headers TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (scope, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_created ON idempotency(created_at);
`,
  },
  {
    version: 2,
    name: 'photos with a complaint confirmation',
    // JSON array of media ids sent with the author's confirmation or dispute.
    sql: `ALTER TABLE complaints ADD COLUMN confirmation_media TEXT NOT NULL DEFAULT '[]';`,
  },
];
