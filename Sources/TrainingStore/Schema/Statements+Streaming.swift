/// The ordered reads of the streaming reports (#16): one query each, in the order of the
/// `attempts_for_reports` index, so neither backend sorts the attempts. The joins compare ids
/// byte-wise (`{C}`) so that PostgreSQL can use its `COLLATE "C"` indexes (a merge join of two
/// index scans, only a per-learner incremental sort left).
extension Statements {
    /// The learner columns a report row shows, then the attempt columns a standing needs (prefixed `a_`).
    static let streamedLearnerColumns = ["id", "name", "email", "department", "role", "is_active", "from_roster"]
    static let streamedAttemptColumns = [
        "id", "module_id", "module_version", "started_at", "finished_at", "status", "points", "max_points", "score_percent",
    ]

    /// Each learner with its attempts (a row with null attempt columns when it has none), by learner
    /// id, module id, start time and attempt id. Parameters in order: the module id when `module`,
    /// the learner id when `learner`, `true` when `activeOnly`.
    static func learnersWithAttempts(learner: Bool, module: Bool, activeOnly: Bool) -> SQL {
        let learnerList = streamedLearnerColumns.map { "l.\($0)" }.joined(separator: ", ")
        let attemptList = streamedAttemptColumns.map { "a.\($0) AS a_\($0)" }.joined(separator: ", ")
        var conditions: [String] = []
        if learner { conditions.append("l.id = ?") }
        if activeOnly { conditions.append("l.is_active = ?") }
        return SQL(
            """
            SELECT \(learnerList), \(attemptList)
            FROM learners l LEFT JOIN attempts a ON a.learner_id{C} = l.id{C}\(module ? " AND a.module_id = ?" : "")
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY l.id{C}, a.module_id{C}, a.started_at, a.id
            """)
    }

    /// Attempts matching `conditions` (on columns prefixed `a.`) with their learner's columns
    /// (prefixed `l_`), in the order of `attemptsForReport`.
    static func attemptsWithLearners(_ conditions: Conditions) -> SQL {
        let learnerList = streamedLearnerColumns.map { "l.\($0) AS l_\($0)" }.joined(separator: ", ")
        return SQL(
            """
            SELECT \(Attempt.table.list(alias: "a")), \(learnerList)
            FROM attempts a LEFT JOIN learners l ON l.id{C} = a.learner_id{C} \(conditions)
            ORDER BY a.learner_id{C}, a.module_id{C}, a.started_at, a.id
            """)
    }
}
