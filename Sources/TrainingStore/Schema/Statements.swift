/// Every statement the store runs, written once for both backends (see `SQLDialect` for the tokens).
enum Statements {
    private static let learnersTable = Learner.table
    private static let modulesTable = ModuleSnapshotRecord.table
    private static let attemptsTable = Attempt.table
    private static let responsesTable = Response.table
    private static let eventsTable = AuditEvent.table
    private static let certificatesTable = Certificate.table

    // MARK: Learners

    static let learner = SQL(learnersTable.select("WHERE id = ?"))
    static let allLearners = SQL(learnersTable.select("ORDER BY id{C}"))
    static let hasRoster = SQL("SELECT EXISTS (SELECT 1 FROM learners WHERE from_roster = ?) AS roster")
    static let saveLearner = SQL(
        learnersTable.insert + """
             ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, email = excluded.email, department = excluded.department,
                role = excluded.role, is_active = excluded.is_active, from_roster = excluded.from_roster,
                updated_at = excluded.updated_at
            """)
    static let importLearner = SQL(learnersTable.insert + " ON CONFLICT (id) DO NOTHING RETURNING id")
    /// A learner met for the first time (no roster), with the id alone: id, active, from roster, created, updated.
    static let firstSeenLearner = SQL(
        """
        INSERT INTO learners (id, is_active, from_roster, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO NOTHING
        """)
    static let deactivateLearner = SQL("UPDATE learners SET is_active = ?, updated_at = ? WHERE id = ? RETURNING id")
    /// The anonymous learner, from the erased one's row: anonymous id, updated at, erased id.
    static let insertAnonymousLearner = SQL(
        """
        INSERT INTO learners (\(learnersTable.list()))
        SELECT ?, NULL, NULL, department, role, ?, ?, created_at, ? FROM learners WHERE id = ?
        RETURNING id
        """)
    static let eraseReflections = SQL(
        """
        UPDATE responses SET answer = '' WHERE is_correct IS NULL
            AND attempt_id IN (SELECT id FROM attempts WHERE learner_id = ?)
        """)
    static let moveAttempts = SQL("UPDATE attempts SET learner_id = ?, os_user = '' WHERE learner_id = ?")
    static let moveAuditEvents = SQL("UPDATE audit_events SET learner_id = ? WHERE learner_id = ?")
    static let deleteLearner = SQL("DELETE FROM learners WHERE id = ?")

    // MARK: Module snapshots

    static let moduleSnapshot = SQL(modulesTable.select("WHERE module_id = ? AND version = ? ORDER BY {seq} DESC LIMIT 1"))
    static let moduleSnapshotRecords = SQL(modulesTable.select("ORDER BY {seq}"))
    /// The latest insert for each id and version (rows are never deleted).
    static let latestModuleSnapshots = SQL(
        modulesTable.select(
            """
            m WHERE {seq} = (SELECT MAX({seq}) FROM module_versions n
                             WHERE n.module_id = m.module_id AND n.version = m.version)
            ORDER BY module_id{C}, version{C}
            """))
    static let insertModuleSnapshot = SQL(
        modulesTable.insert + " ON CONFLICT (module_id, version, content_hash) DO NOTHING RETURNING module_id")

    // MARK: Attempts

    /// The partial unique index decides, so two terminals starting at once cannot both succeed; the
    /// refusal returns no row and leaves the transaction usable.
    static let insertAttempt = SQL(
        attemptsTable.insert + " ON CONFLICT (learner_id, module_id) WHERE status = 'in_progress' DO NOTHING RETURNING id")
    static let attempt = SQL(attemptsTable.select("WHERE id = ?"))
    /// Attempts matching `conditions`, oldest first.
    static func attempts(_ conditions: Conditions) -> SQL {
        SQL(attemptsTable.select("\(conditions) ORDER BY started_at, {seq}"))
    }
    /// A page of attempts in id order, for copying.
    static func attemptPage(_ conditions: Conditions) -> SQL { SQL(attemptsTable.select("\(conditions) ORDER BY id LIMIT ?")) }
    private static let status = "SELECT status FROM attempts WHERE id = ?"
    static let attemptStatus = SQL(status)
    static let attemptStatusForUpdate = SQL(status + "{FOR UPDATE}")
    static let finishAttempt = SQL(
        """
        UPDATE attempts SET status = ?, points = ?, max_points = ?, score_percent = ?, finished_at = ?
        WHERE id = ? AND status = 'in_progress' RETURNING id
        """)
    static let abandonAttempt = SQL(
        "UPDATE attempts SET status = 'abandoned', finished_at = ? WHERE id = ? AND status = 'in_progress' RETURNING id")
    static let closeImportedAttempt = SQL(
        """
        UPDATE attempts SET status = ?, finished_at = ?, points = ?, max_points = ?, score_percent = ?, void_reason = ?
        WHERE id = ? AND status = 'in_progress' RETURNING id
        """)
    static let voidAttempt = SQL("UPDATE attempts SET status = 'void', void_reason = ? WHERE id = ?")

    // MARK: Responses

    /// The primary key decides, so two terminals answering the same question at once record one answer.
    static let insertResponse = SQL(
        responsesTable.insert + " ON CONFLICT (attempt_id, question_id) DO NOTHING RETURNING attempt_id")
    /// The response, only while its attempt is in progress (holding the attempt until it is
    /// committed, so the attempt cannot be closed in between), and not over an earlier answer to
    /// the same question: one statement, so it needs no transaction block. Values: the response's,
    /// then the attempt id and the in-progress status.
    static let insertResponseWhileInProgress = SQL(
        "INSERT INTO \(Response.table.name) (\(Response.table.list())) SELECT "
            + Response.table.columns.map { _ in "?" }.joined(separator: ", ")
            + " WHERE EXISTS (SELECT 1 FROM attempts WHERE id = ? AND status = ?{FOR SHARE})"
            + " ON CONFLICT (attempt_id, question_id) DO NOTHING RETURNING attempt_id")
    static let responsesOfAttempt = SQL(responsesTable.select("WHERE attempt_id = ? ORDER BY position, {seq}"))

    // MARK: Reports, audit and certificates

    static func attemptsForReport(_ conditions: Conditions) -> SQL {
        SQL(attemptsTable.select("\(conditions) ORDER BY learner_id{C}, module_id{C}, started_at, id"))
    }
    /// Attempt columns as they are, response columns prefixed with `r_`.
    static func responsesForReport(_ conditions: Conditions) -> SQL {
        SQL(
            """
            SELECT \(attemptsTable.list(alias: "a")), \(responsesTable.list(alias: "r", prefix: "r_"))
            FROM attempts a JOIN responses r ON r.attempt_id = a.id \(conditions)
            ORDER BY a.learner_id{C}, a.module_id{C}, a.started_at, a.id, r.position, r.question_id{C}
            """)
    }
    static let insertAuditEvent = SQL(eventsTable.insert)
    static func auditEvents(_ conditions: Conditions) -> SQL { SQL(eventsTable.select("\(conditions) ORDER BY at, id")) }
    static let insertCertificate = SQL(certificatesTable.insert + " ON CONFLICT (attempt_id) DO NOTHING")
    static let certificateOfAttempt = SQL(certificatesTable.select("WHERE attempt_id = ?"))
    static let certificate = SQL(certificatesTable.select("WHERE code = ?"))

    // MARK: Roster imports (many learners per statement)

    /// How many learners one statement reads or writes: 9 values each stays far below both backends' parameter limits.
    static let learnerBatch = 500
    private static let fullLearnerLookup = learnerLookup(learnerBatch)
    private static let fullLearnerSave = learnerSave(learnerBatch)

    /// The learners among `count` ids.
    static func learners(count: Int) -> SQL { count == learnerBatch ? fullLearnerLookup : learnerLookup(count) }
    /// Inserts or updates `count` learners (bindings one after the other), like `saveLearner`.
    static func saveLearners(count: Int) -> SQL { count == learnerBatch ? fullLearnerSave : learnerSave(count) }

    private static func learnerLookup(_ count: Int) -> SQL {
        SQL(learnersTable.select("WHERE id IN (\(Array(repeating: "?", count: count).joined(separator: ", ")))"))
    }

    private static func learnerSave(_ count: Int) -> SQL {
        let row = "(" + learnersTable.columns.map { _ in "?" }.joined(separator: ", ") + ")"
        return SQL(
            "INSERT INTO learners (\(learnersTable.list())) VALUES "
                + Array(repeating: row, count: count).joined(separator: ", ")
                + """
                 ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, email = excluded.email, department = excluded.department,
                    role = excluded.role, is_active = excluded.is_active, from_roster = excluded.from_roster,
                    updated_at = excluded.updated_at
                """)
    }
}

/// A `WHERE` clause built from the filters given, with its values in order.
struct Conditions: CustomStringConvertible {
    private var clauses: [String] = []
    private(set) var values: [any SQLBindable] = []

    /// Adds `clause` (with one `?`) unless `value` is nil.
    mutating func add<T: SQLBindable>(_ clause: String, _ value: T?) {
        guard let value else { return }
        clauses.append(clause)
        values.append(value)
    }

    /// The filters of an attempt query on columns named with `prefix`.
    init(_ query: AttemptQuery = AttemptQuery(), prefix: String = "") {
        add("\(prefix)learner_id = ?", query.learnerID)
        add("\(prefix)module_id = ?", query.moduleID)
        add("\(prefix)started_at >= ?", query.startedFrom)
        add("\(prefix)started_at < ?", query.startedBefore)
    }

    var description: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }
}
