/// The staged roster import (#18): rows go into a temporary table as they are read, then one
/// ordered statement merges them into `learners`.
///
/// In SQLite the staging table gets a covering index on (id, line, fields) once it is full: the
/// repeat check then reads it in order without sorting, and the merge inserts in id order, which keeps
/// SQLite's page cache small however the file is ordered (random-order inserts into a big index
/// spill the cache and were 7× slower). PostgreSQL plans the same queries with hash aggregates and
/// a sort of its own; its staging table is dropped at commit.
extension Statements {
    /// Rows per staging statement: 6 values each, far below both backends' parameter limits.
    static let stagingBatch = 1_000
    static let stagingColumns = ["line", "id", "name", "email", "department", "role"]
    private static let fullStagingInsert = stagingInsert(stagingBatch)

    static let dropStaging = SQL(sqlite: "DROP TABLE IF EXISTS temp.learner_staging", postgres: "DROP TABLE IF EXISTS pg_temp.learner_staging")
    static let createStaging = SQL(
        sqlite: "CREATE TABLE temp.learner_staging (line INTEGER NOT NULL, id TEXT NOT NULL, name TEXT, email TEXT, department TEXT, role TEXT)",
        postgres: """
            CREATE TEMPORARY TABLE learner_staging (line BIGINT NOT NULL, id TEXT NOT NULL, name TEXT, email TEXT, department TEXT, role TEXT)
            ON COMMIT DROP
            """)
    /// SQLite only: the covering index the repeat check and the merge read in order, made once the rows are in.
    static let indexStaging = SQL(
        "CREATE INDEX IF NOT EXISTS temp.learner_staging_by_id ON learner_staging (id, line, name, email, department, role)")
    static let stagedCount = SQL(sqlite: "SELECT count(*) AS staged FROM temp.learner_staging", postgres: "SELECT count(*) AS staged FROM pg_temp.learner_staging")

    static func stageLearners(count: Int) -> SQL { count == stagingBatch ? fullStagingInsert : stagingInsert(count) }

    private static func stagingInsert(_ count: Int) -> SQL {
        let row = "(" + stagingColumns.map { _ in "?" }.joined(separator: ", ") + ")"
        return SQL(
            sqlite: "INSERT INTO temp.learner_staging (\(stagingColumns.joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: count).joined(separator: ", "),
            postgres: "INSERT INTO pg_temp.learner_staging (\(stagingColumns.joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: count).joined(separator: ", "))
    }

    /// Whether any id is on two staged rows (a single ordered pass in SQLite, stopping at the first).
    static let anyStagedRepeat = SQL(
        sqlite: """
            SELECT EXISTS (SELECT 1 FROM temp.learner_staging INDEXED BY learner_staging_by_id GROUP BY id HAVING count(*) > 1) AS found
            """,
        postgres: "SELECT EXISTS (SELECT 1 FROM pg_temp.learner_staging GROUP BY id HAVING count(*) > 1) AS found")
    /// How many staged rows repeat an earlier row's id.
    static let stagedRepeatCount = SQL(
        sqlite: "SELECT count(*) - count(DISTINCT id) AS repeats FROM temp.learner_staging",
        postgres: "SELECT count(*) - count(DISTINCT id) AS repeats FROM pg_temp.learner_staging")
    /// The staged rows that repeat an earlier row's id, with that row's line, in line order; parameter: the limit.
    static let stagedRepeats = SQL(
        sqlite: stagedRepeatsText("temp"),
        postgres: stagedRepeatsText("pg_temp"))

    private static func stagedRepeatsText(_ schema: String) -> String {
        """
        SELECT s.line AS line, s.id AS id, f.first AS first
        FROM \(schema).learner_staging s
        JOIN (SELECT id, min(line) AS first FROM \(schema).learner_staging GROUP BY id HAVING count(*) > 1) f ON f.id = s.id
        WHERE s.line > f.first ORDER BY s.line LIMIT ?
        """
    }

    static let learnerCount = SQL("SELECT count(*) AS learners FROM learners")
    /// SQLite only: how many rows the last statement inserted or updated.
    static let lastChanges = SQL("SELECT changes() AS changed")

    /// Inserts or updates a learner for every staged row, setting the `given` fields, active and from
    /// the roster, and writing nothing for a learner that would not change. Parameters: `true`,
    /// `true`, the time (created and updated). PostgreSQL returns how many rows it wrote (`changed`);
    /// SQLite's count is `lastChanges`. With `inIDOrder` the rows are read in the order they were
    /// staged, already by id; otherwise SQLite reads them through the covering index.
    static func mergeStaged(given: Set<LearnerField>, inIDOrder: Bool) -> SQL {
        let fields = LearnerField.allCases.filter(given.contains).map(\.rawValue)
        let selected = LearnerField.allCases.map { given.contains($0) ? $0.rawValue : "NULL" }.joined(separator: ", ")
        let set = (fields + ["is_active", "from_roster", "updated_at"]).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        func changed(_ distinct: String) -> String {
            (fields.map { "learners.\($0) \(distinct) excluded.\($0)" } + ["NOT learners.is_active", "NOT learners.from_roster"])
                .joined(separator: " OR ")
        }
        func upsert(_ schema: String, _ index: String, _ order: String, _ distinct: String) -> String {
            """
            INSERT INTO learners (id, name, email, department, role, is_active, from_roster, created_at, updated_at)
            SELECT id, \(selected), ?, ?, ?, ? FROM \(schema).learner_staging\(index) WHERE true\(order)
            ON CONFLICT (id) DO UPDATE SET \(set) WHERE \(changed(distinct))
            """
        }
        return SQL(
            sqlite: inIDOrder
                ? upsert("temp", "", " ORDER BY rowid", "IS NOT") : upsert("temp", " INDEXED BY learner_staging_by_id", " ORDER BY id", "IS NOT"),
            postgres: "WITH merged AS (\(upsert("pg_temp", "", inIDOrder ? "" : " ORDER BY id", "IS DISTINCT FROM")) RETURNING 1) "
                + "SELECT count(*) AS changed FROM merged")
    }
}
