import Foundation

/// A table's columns in bind order: the one place a record's columns are listed.
struct Table: Sendable {
    let name: String
    let columns: [String]

    init(_ name: String, _ columns: [String]) {
        self.name = name
        self.columns = columns
    }

    /// The columns for a SELECT list, each as `alias.column AS prefixcolumn` when given.
    func list(alias: String? = nil, prefix: String = "") -> String {
        columns.map { column in
            guard let alias else { return column }
            return prefix.isEmpty ? "\(alias).\(column)" : "\(alias).\(column) AS \(prefix)\(column)"
        }.joined(separator: ", ")
    }

    /// `INSERT INTO table (columns) VALUES (?, …)` for every column, in bind order.
    var insert: String {
        "INSERT INTO \(name) (\(list())) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    /// `SELECT columns FROM table` followed by `rest`.
    func select(_ rest: String) -> String { "SELECT \(list()) FROM \(name) \(rest)" }
}

/// A record stored as one row of `table`: its values in the table's column order, and back.
protocol StoredRecord {
    static var table: Table { get }
    var bindings: [any SQLBindable] { get }
    init(row: SQLRow, prefix: String) throws
}

extension Learner: StoredRecord {
    static let table = Table(
        "learners", ["id", "name", "email", "department", "role", "is_active", "from_roster", "created_at", "updated_at"])
    var bindings: [any SQLBindable] {
        [id, name, email, department, role, isActive, fromRoster, createdAt, updatedAt]
    }
    init(row: SQLRow, prefix: String = "") throws {
        self.init(
            id: try row["id"], name: try row["name"], email: try row["email"], department: try row["department"],
            role: try row["role"], isActive: try row["is_active"], fromRoster: try row["from_roster"],
            createdAt: try row["created_at"], updatedAt: try row["updated_at"])
    }
}

extension ModuleSnapshotRecord: StoredRecord {
    static let table = Table(
        "module_versions",
        ["module_id", "version", "title", "content_hash", "pass_mark", "valid_for_days", "max_attempts", "recorded_at"])
    var bindings: [any SQLBindable] {
        [
            snapshot.moduleID, snapshot.version, snapshot.title, snapshot.contentHash, snapshot.passMark,
            snapshot.validForDays, snapshot.maxAttempts, recordedAt,
        ]
    }
    init(row: SQLRow, prefix: String = "") throws {
        self.init(snapshot: try ModuleSnapshot(row: row), recordedAt: try row["recorded_at"])
    }
}

extension ModuleSnapshot {
    init(row: SQLRow) throws {
        self.init(
            moduleID: try row["module_id"], version: try row["version"], title: try row["title"],
            contentHash: try row["content_hash"], passMark: try row["pass_mark"],
            validForDays: try row["valid_for_days"], maxAttempts: try row["max_attempts"])
    }
}

extension Attempt: StoredRecord {
    static let table = Table(
        "attempts",
        [
            "id", "learner_id", "module_id", "module_version", "content_hash", "seed", "question_count", "started_at",
            "finished_at", "status", "points", "max_points", "score_percent", "os_user", "host", "void_reason",
        ])
    var bindings: [any SQLBindable] {
        [
            id, learnerID, moduleID, moduleVersion, contentHash, seed, questionCount, startedAt, finishedAt, status,
            points, maxPoints, scorePercent, osUser, host, voidReason,
        ]
    }
    init(row: SQLRow, prefix: String = "") throws {
        self.init(
            id: try row["id"], learnerID: try row["learner_id"], moduleID: try row["module_id"],
            moduleVersion: try row["module_version"], contentHash: try row["content_hash"], seed: try row["seed"],
            questionCount: try row["question_count"], startedAt: try row["started_at"],
            finishedAt: try row["finished_at"], status: try row["status"], points: try row["points"],
            maxPoints: try row["max_points"], scorePercent: try row["score_percent"], osUser: try row["os_user"],
            host: try row["host"], voidReason: try row["void_reason"])
    }
}

extension Response: StoredRecord {
    static let table = Table(
        "responses",
        ["attempt_id", "question_id", "answer", "is_correct", "points", "max_points", "skipped", "position", "answered_at"])
    var bindings: [any SQLBindable] {
        [attemptID, questionID, answer, isCorrect, points, maxPoints, skipped, position, answeredAt]
    }
    /// A response from columns named with `prefix` (a join renames them).
    init(row: SQLRow, prefix: String = "") throws {
        self.init(
            attemptID: try row[prefix + "attempt_id"], questionID: try row[prefix + "question_id"],
            answer: try row[prefix + "answer"], isCorrect: try row[prefix + "is_correct"],
            points: try row[prefix + "points"], maxPoints: try row[prefix + "max_points"],
            skipped: try row[prefix + "skipped"], position: try row[prefix + "position"],
            answeredAt: try row[prefix + "answered_at"])
    }
}

extension AuditEvent: StoredRecord {
    static let table = Table(
        "audit_events", ["id", "kind", "learner_id", "module_id", "attempt_id", "reason", "os_user", "at"])
    var bindings: [any SQLBindable] { [id, kind, learnerID, moduleID, attemptID, reason, osUser, at] }
    init(row: SQLRow, prefix: String = "") throws {
        self.init(
            id: try row["id"], kind: try row["kind"], learnerID: try row["learner_id"], moduleID: try row["module_id"],
            attemptID: try row["attempt_id"], reason: try row["reason"], osUser: try row["os_user"], at: try row["at"])
    }
}

extension Certificate: StoredRecord {
    static let table = Table("certificates", ["code", "attempt_id", "issued_at"])
    var bindings: [any SQLBindable] { [code, attemptID, issuedAt] }
    init(row: SQLRow, prefix: String = "") throws {
        self.init(code: try row["code"], attemptID: try row["attempt_id"], issuedAt: try row["issued_at"])
    }
}

/// Enumerations stored as their raw text.
protocol StoredText: RawRepresentable, SQLBindable, SQLReadable where RawValue == String {}

extension StoredText {
    var sqlValue: SQLValue { .text(rawValue) }
    static func read(_ value: SQLValue) -> Self? { String.read(value).flatMap(Self.init(rawValue:)) }
}

extension AttemptStatus: StoredText {}
extension AuditEvent.Kind: StoredText {}
