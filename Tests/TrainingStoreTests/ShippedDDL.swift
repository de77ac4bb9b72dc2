/// The migrations exactly as cares shipped them before the schema was written once for both
/// backends (copied verbatim from SQLiteStore+Migrations.swift and PostgresStore+Migrations.swift).
///
/// Tests build stores with this text, as the earlier cares did, and check that today's cares opens
/// and upgrades them and that the schema it creates is the same.
struct ShippedDDL {
    let version: Int
    let name: String
    let sqlite: String
    let postgres: String

    static let all: [ShippedDDL] = [
        ShippedDDL(
            version: 1, name: "v1-records",
            sqlite: """
                CREATE TABLE learners (
                    id TEXT NOT NULL PRIMARY KEY,
                    name TEXT,
                    email TEXT,
                    department TEXT,
                    role TEXT,
                    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
                    from_roster INTEGER NOT NULL DEFAULT 0 CHECK (from_roster IN (0, 1)),
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );

                CREATE TABLE module_versions (
                    module_id TEXT NOT NULL,
                    version TEXT NOT NULL,
                    title TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    pass_mark INTEGER NOT NULL,
                    valid_for_days INTEGER,
                    max_attempts INTEGER,
                    recorded_at TEXT NOT NULL,
                    PRIMARY KEY (module_id, version, content_hash)
                );

                CREATE TABLE attempts (
                    id TEXT NOT NULL PRIMARY KEY,
                    learner_id TEXT NOT NULL REFERENCES learners (id),
                    module_id TEXT NOT NULL,
                    module_version TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    question_count INTEGER NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL
                        CHECK (status IN ('in_progress', 'passed', 'failed', 'abandoned', 'void')),
                    points REAL,
                    max_points REAL,
                    score_percent REAL,
                    os_user TEXT NOT NULL DEFAULT '',
                    host TEXT NOT NULL DEFAULT '',
                    void_reason TEXT,
                    FOREIGN KEY (module_id, module_version, content_hash)
                        REFERENCES module_versions (module_id, version, content_hash)
                );
                CREATE UNIQUE INDEX attempts_one_in_progress
                    ON attempts (learner_id, module_id) WHERE status = 'in_progress';
                CREATE INDEX attempts_by_learner ON attempts (learner_id, module_id, started_at);
                CREATE INDEX attempts_by_module ON attempts (module_id, status);

                CREATE TABLE responses (
                    attempt_id TEXT NOT NULL REFERENCES attempts (id),
                    question_id TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    is_correct INTEGER CHECK (is_correct IN (0, 1)),
                    points REAL NOT NULL,
                    max_points REAL NOT NULL,
                    skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
                    position INTEGER NOT NULL,
                    answered_at TEXT NOT NULL,
                    PRIMARY KEY (attempt_id, question_id)
                );
                """,
            postgres: """
                CREATE TABLE learners (
                    id TEXT NOT NULL PRIMARY KEY,
                    name TEXT,
                    email TEXT,
                    department TEXT,
                    role TEXT,
                    is_active BOOLEAN NOT NULL DEFAULT TRUE,
                    from_roster BOOLEAN NOT NULL DEFAULT FALSE,
                    created_at TIMESTAMPTZ NOT NULL,
                    updated_at TIMESTAMPTZ NOT NULL
                );

                CREATE TABLE module_versions (
                    module_id TEXT NOT NULL,
                    version TEXT NOT NULL,
                    title TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    pass_mark INTEGER NOT NULL,
                    valid_for_days INTEGER,
                    max_attempts INTEGER,
                    recorded_at TIMESTAMPTZ NOT NULL,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                    PRIMARY KEY (module_id, version, content_hash)
                );

                CREATE TABLE attempts (
                    id UUID NOT NULL PRIMARY KEY,
                    learner_id TEXT NOT NULL REFERENCES learners (id),
                    module_id TEXT NOT NULL,
                    module_version TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    seed BIGINT NOT NULL,
                    question_count INTEGER NOT NULL,
                    started_at TIMESTAMPTZ NOT NULL,
                    finished_at TIMESTAMPTZ,
                    status TEXT NOT NULL
                        CHECK (status IN ('in_progress', 'passed', 'failed', 'abandoned', 'void')),
                    points DOUBLE PRECISION,
                    max_points DOUBLE PRECISION,
                    score_percent DOUBLE PRECISION,
                    os_user TEXT NOT NULL DEFAULT '',
                    host TEXT NOT NULL DEFAULT '',
                    void_reason TEXT,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY,
                    FOREIGN KEY (module_id, module_version, content_hash)
                        REFERENCES module_versions (module_id, version, content_hash)
                );
                CREATE UNIQUE INDEX attempts_one_in_progress
                    ON attempts (learner_id, module_id) WHERE status = 'in_progress';
                CREATE INDEX attempts_by_learner ON attempts (learner_id, module_id, started_at);
                CREATE INDEX attempts_by_module ON attempts (module_id, status);

                CREATE TABLE responses (
                    attempt_id UUID NOT NULL REFERENCES attempts (id),
                    question_id TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    is_correct BOOLEAN,
                    points DOUBLE PRECISION NOT NULL,
                    max_points DOUBLE PRECISION NOT NULL,
                    skipped BOOLEAN NOT NULL DEFAULT FALSE,
                    position INTEGER NOT NULL,
                    answered_at TIMESTAMPTZ NOT NULL,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY,
                    PRIMARY KEY (attempt_id, question_id)
                );
                """),
        ShippedDDL(
            version: 2, name: "v2-reports",
            sqlite: """
                CREATE TABLE audit_events (
                    id TEXT NOT NULL PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('attempt_granted', 'attempt_voided')),
                    learner_id TEXT NOT NULL,
                    module_id TEXT NOT NULL,
                    attempt_id TEXT REFERENCES attempts (id),
                    reason TEXT NOT NULL,
                    os_user TEXT NOT NULL DEFAULT '',
                    at TEXT NOT NULL
                );
                CREATE INDEX audit_events_by_learner ON audit_events (learner_id, module_id, at);

                CREATE TABLE certificates (
                    code TEXT NOT NULL PRIMARY KEY,
                    attempt_id TEXT NOT NULL UNIQUE REFERENCES attempts (id),
                    issued_at TEXT NOT NULL
                );
                """,
            postgres: """
                CREATE TABLE audit_events (
                    id UUID NOT NULL PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('attempt_granted', 'attempt_voided')),
                    learner_id TEXT NOT NULL,
                    module_id TEXT NOT NULL,
                    attempt_id UUID REFERENCES attempts (id),
                    reason TEXT NOT NULL,
                    os_user TEXT NOT NULL DEFAULT '',
                    at TIMESTAMPTZ NOT NULL,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY
                );
                CREATE INDEX audit_events_by_learner ON audit_events (learner_id, module_id, at);

                CREATE TABLE certificates (
                    code TEXT NOT NULL PRIMARY KEY,
                    attempt_id UUID NOT NULL UNIQUE REFERENCES attempts (id),
                    issued_at TIMESTAMPTZ NOT NULL
                );
                """),
        ShippedDDL(
            version: 3, name: "v3-lifecycle",
            sqlite: """
                CREATE TABLE audit_events_v3 (
                    id TEXT NOT NULL PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('attempt_granted', 'attempt_voided', 'learner_erased')),
                    learner_id TEXT NOT NULL,
                    module_id TEXT NOT NULL,
                    attempt_id TEXT REFERENCES attempts (id),
                    reason TEXT NOT NULL,
                    os_user TEXT NOT NULL DEFAULT '',
                    at TEXT NOT NULL
                );
                INSERT INTO audit_events_v3 (id, kind, learner_id, module_id, attempt_id, reason, os_user, at)
                    SELECT id, kind, learner_id, module_id, attempt_id, reason, os_user, at FROM audit_events ORDER BY rowid;
                DROP TABLE audit_events;
                ALTER TABLE audit_events_v3 RENAME TO audit_events;
                CREATE INDEX audit_events_by_learner ON audit_events (learner_id, module_id, at);
                """,
            postgres: """
                ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_kind_check;
                ALTER TABLE audit_events ADD CONSTRAINT audit_events_kind_check
                    CHECK (kind IN ('attempt_granted', 'attempt_voided', 'learner_erased'));
                """),
        ShippedDDL(
            version: 4, name: "v4-report-order",
            sqlite: """
                CREATE INDEX attempts_for_reports ON attempts (learner_id, module_id, started_at, id,
                    module_version, status, finished_at, points, max_points, score_percent);
                DROP INDEX attempts_by_learner;
                """,
            postgres: """
                CREATE INDEX attempts_for_reports ON attempts (learner_id COLLATE "C", module_id COLLATE "C", started_at, id)
                    INCLUDE (module_version, status, finished_at, points, max_points, score_percent);
                CREATE UNIQUE INDEX learners_by_id_c ON learners (id COLLATE "C");
                """),
    ]
}
