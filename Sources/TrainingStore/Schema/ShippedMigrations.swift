import Foundation

/// The schema's history: one entry per shipped migration, the same tables and columns in both backends.
///
/// A shipped migration is never edited, so stores made by any earlier cares open and upgrade
/// unchanged: add a new entry ("v4-…") instead. Each is written once with the type tokens of
/// `schema(_:)`: PostgreSQL gets native types (TIMESTAMPTZ, BOOLEAN, DOUBLE PRECISION, UUID) and a
/// `seq` identity column where SQLite orders by rowid. A step the backends take differently (v3)
/// has a text for each. SQLite records applied migrations by name in GRDB's `grdb_migrations`,
/// PostgreSQL by version in `schema_migrations`. Tests check the result against the text as shipped.
struct ShippedMigration: Sendable {
    let version: Int
    let name: String
    let sqlite: String
    let postgres: String

    init(_ version: Int, _ name: String, sqlite: String, postgres: String) {
        (self.version, self.name, self.sqlite, self.postgres) = (version, name, sqlite, postgres)
    }

    /// One text for both backends.
    init(_ version: Int, _ name: String, both template: String) {
        self.init(version, name, sqlite: Self.schema(template, .sqlite), postgres: Self.schema(template, .postgres))
    }

    /// `template` with its type tokens for `dialect`: `{TIMESTAMP}`, `{UUID}`, `{REAL}`, `{BIGINT}`,
    /// `{BOOLEAN}` with `{TRUE}`/`{FALSE}` defaults and `{CHECK column}` (SQLite keeps 0 or 1),
    /// and `{SEQ}`/`{SEQ UNIQUE}` for PostgreSQL's insertion-order column.
    static func schema(_ template: String, _ dialect: SQLDialect) -> String {
        let sqlite = dialect == .sqlite
        let seq = ",\n    seq BIGINT GENERATED ALWAYS AS IDENTITY"
        return SQLTemplate.expand(template) { inner in
            switch inner {
            case "TIMESTAMP": return sqlite ? "TEXT" : "TIMESTAMPTZ"
            case "UUID": return sqlite ? "TEXT" : "UUID"
            case "REAL": return sqlite ? "REAL" : "DOUBLE PRECISION"
            case "BIGINT": return sqlite ? "INTEGER" : "BIGINT"
            case "BOOLEAN": return sqlite ? "INTEGER" : "BOOLEAN"
            case "TRUE": return sqlite ? "1" : "TRUE"
            case "FALSE": return sqlite ? "0" : "FALSE"
            case "SEQ UNIQUE": return sqlite ? "" : seq + " UNIQUE"
            case "SEQ": return sqlite ? "" : seq
            default:
                // `{CHECK column}`: SQLite keeps a boolean to 0 or 1.
                guard inner.hasPrefix("CHECK ") else { return nil }
                let column = inner.dropFirst(6)
                guard !column.isEmpty, column.utf8.allSatisfy(Self.isWordByte) else { return nil }
                return sqlite ? " CHECK (\(column) IN (0, 1))" : ""
            }
        }
    }

    /// A letter, digit or underscore in ASCII.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }

    /// The statements of `sql`, one by one (PostgreSQL's extended query protocol takes one at a time).
    static func statements(_ sql: String) -> [String] {
        sql.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static let all: [ShippedMigration] = [
        ShippedMigration(
            1, "v1-records",
            both: """
                CREATE TABLE learners (
                    id TEXT NOT NULL PRIMARY KEY,
                    name TEXT,
                    email TEXT,
                    department TEXT,
                    role TEXT,
                    is_active {BOOLEAN} NOT NULL DEFAULT {TRUE}{CHECK is_active},
                    from_roster {BOOLEAN} NOT NULL DEFAULT {FALSE}{CHECK from_roster},
                    created_at {TIMESTAMP} NOT NULL,
                    updated_at {TIMESTAMP} NOT NULL
                );

                CREATE TABLE module_versions (
                    module_id TEXT NOT NULL,
                    version TEXT NOT NULL,
                    title TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    pass_mark INTEGER NOT NULL,
                    valid_for_days INTEGER,
                    max_attempts INTEGER,
                    recorded_at {TIMESTAMP} NOT NULL{SEQ UNIQUE},
                    PRIMARY KEY (module_id, version, content_hash)
                );

                CREATE TABLE attempts (
                    id {UUID} NOT NULL PRIMARY KEY,
                    learner_id TEXT NOT NULL REFERENCES learners (id),
                    module_id TEXT NOT NULL,
                    module_version TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    seed {BIGINT} NOT NULL,
                    question_count INTEGER NOT NULL,
                    started_at {TIMESTAMP} NOT NULL,
                    finished_at {TIMESTAMP},
                    status TEXT NOT NULL
                        CHECK (status IN ('in_progress', 'passed', 'failed', 'abandoned', 'void')),
                    points {REAL},
                    max_points {REAL},
                    score_percent {REAL},
                    os_user TEXT NOT NULL DEFAULT '',
                    host TEXT NOT NULL DEFAULT '',
                    void_reason TEXT{SEQ},
                    FOREIGN KEY (module_id, module_version, content_hash)
                        REFERENCES module_versions (module_id, version, content_hash)
                );
                CREATE UNIQUE INDEX attempts_one_in_progress
                    ON attempts (learner_id, module_id) WHERE status = 'in_progress';
                CREATE INDEX attempts_by_learner ON attempts (learner_id, module_id, started_at);
                CREATE INDEX attempts_by_module ON attempts (module_id, status);

                CREATE TABLE responses (
                    attempt_id {UUID} NOT NULL REFERENCES attempts (id),
                    question_id TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    is_correct {BOOLEAN}{CHECK is_correct},
                    points {REAL} NOT NULL,
                    max_points {REAL} NOT NULL,
                    skipped {BOOLEAN} NOT NULL DEFAULT {FALSE}{CHECK skipped},
                    position INTEGER NOT NULL,
                    answered_at {TIMESTAMP} NOT NULL{SEQ},
                    PRIMARY KEY (attempt_id, question_id)
                );
                """),
        ShippedMigration(
            2, "v2-reports",
            both: """
                CREATE TABLE audit_events (
                    id {UUID} NOT NULL PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('attempt_granted', 'attempt_voided')),
                    learner_id TEXT NOT NULL,
                    module_id TEXT NOT NULL,
                    attempt_id {UUID} REFERENCES attempts (id),
                    reason TEXT NOT NULL,
                    os_user TEXT NOT NULL DEFAULT '',
                    at {TIMESTAMP} NOT NULL{SEQ}
                );
                CREATE INDEX audit_events_by_learner ON audit_events (learner_id, module_id, at);

                CREATE TABLE certificates (
                    code TEXT NOT NULL PRIMARY KEY,
                    attempt_id {UUID} NOT NULL UNIQUE REFERENCES attempts (id),
                    issued_at {TIMESTAMP} NOT NULL
                );
                """),
        ShippedMigration(
            3, "v3-lifecycle",
            // SQLite cannot change a CHECK constraint: the table is recreated with its rows.
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
        ShippedMigration(
            4, "v4-report-order",
            // The streaming reports read attempts by learner, module, start and id (#16), and only
            // the columns a standing needs, which the index carries so the table is not read.
            // PostgreSQL sorts ids byte-wise (COLLATE "C"), so its indexes say so; SQLite's BINARY
            // already is, and there the new index makes attempts_by_learner (a prefix of it) redundant.
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
