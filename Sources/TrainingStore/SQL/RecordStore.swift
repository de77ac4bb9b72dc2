import Foundation

/// The record store on either backend: every `CompletionStore` method written once, over a driver
/// (`SQLiteStore`, `PostgresStore`) that runs the shared `Statements`.
///
/// Open one with `StoreLocation.withStore`, which closes it when done.
public class RecordStore: CompletionStore, @unchecked Sendable {
    /// Where the records are; its description is safe to print.
    public let location: StoreLocation
    let database: any SQLDatabase

    init(location: StoreLocation, database: any SQLDatabase) {
        self.location = location
        self.database = database
    }

    /// What this backend can do beyond the `CompletionStore` methods.
    public var capabilities: StoreCapabilities { location.capabilities }

    /// The schema version this build creates.
    public static var latestSchemaVersion: Int { ShippedMigration.all.count }

    // MARK: Schema and lifetime

    public func migrate() async throws { try await Migrator(dialect: database.dialect).migrate(database) }
    public func schemaVersion() async throws -> Int { try await Migrator(dialect: database.dialect).schemaVersion(database) }
    public func close() async { await database.close() }

    public func integrityProblems() async throws -> [String] {
        var problems: [String] = []
        do {
            problems += try await database.checkProblems()
        } catch {
            problems.append("integrity check could not run: \(error)")
        }
        do {
            let version = try await schemaVersion()
            let latest = Self.latestSchemaVersion
            if version < latest {
                problems.append("schema version \(version) is older than this cares's \(latest); run `cares db migrate`")
            } else if version > latest {
                problems.append("schema version \(version) is newer than this cares's \(latest); upgrade cares")
            }
        } catch {
            problems.append("the schema version cannot be read: \(error)")
        }
        return problems
    }

    /// Copies the whole store into a new file at `destination` (see `StoreCapabilities.onlineBackup`);
    /// throws `StoreError.unsupported` on a backend without it.
    public func backup(to destination: String) async throws {
        throw StoreError.unsupported("cares db backup copies SQLite files; back up a PostgreSQL store with pg_dump")
    }

    // MARK: Learners

    public func learner(id: String) async throws -> Learner? {
        try await database.read { try await $0.record(Statements.learner, [id]) }
    }

    public func saveLearner(_ learner: Learner) async throws {
        try await database.write { try await $0.execute(Statements.saveLearner, learner.bindings) }
    }

    public func learners() async throws -> [Learner] {
        try await database.read { try await $0.records(Statements.allLearners) }
    }

    public func hasRoster() async throws -> Bool {
        try await database.read { try await $0.value(Statements.hasRoster, [true], column: "roster") ?? false }
    }

    public func deactivateLearner(id: String, at: Date) async throws {
        try await database.write { connection in
            guard try await connection.changed(Statements.deactivateLearner, [false, at, id]) else {
                throw StoreError.learnerNotFound(id)
            }
        }
    }

    public func eraseLearner(id: String, anonymousID: String, event: AuditEvent) async throws {
        try await database.write { connection in
            guard try await connection.changed(Statements.insertAnonymousLearner, [anonymousID, false, false, event.at, id])
            else { throw StoreError.learnerNotFound(id) }
            try await connection.execute(Statements.eraseReflections, [id])
            try await connection.execute(Statements.moveAttempts, [anonymousID, id])
            try await connection.execute(Statements.moveAuditEvents, [anonymousID, id])
            try await connection.execute(Statements.deleteLearner, [id])
            try await connection.execute(Statements.insertAuditEvent, event.bindings)
        }
    }

    // MARK: Attempts

    public func startAttempt(_ attempt: Attempt, module: ModuleSnapshot) async throws {
        try await database.write { connection in
            let startedAt = attempt.startedAt
            try await connection.execute(Statements.firstSeenLearner, [attempt.learnerID, true, false, startedAt, startedAt])
            let record = ModuleSnapshotRecord(snapshot: module, recordedAt: startedAt)
            try await connection.execute(Statements.insertModuleSnapshot, record.bindings)
            try await Self.insert(attempt, on: connection)
        }
    }

    /// Inserts the attempt row as given; throws `attemptInProgress` when the learner has one in progress at the module.
    private static func insert(_ attempt: Attempt, on connection: any SQLConnection) async throws {
        guard try await connection.changed(Statements.insertAttempt, attempt.bindings) else {
            throw StoreError.attemptInProgress(learnerID: attempt.learnerID, moduleID: attempt.moduleID)
        }
    }

    public func attempt(id: UUID) async throws -> Attempt? {
        try await database.read { try await $0.record(Statements.attempt, [id]) }
    }

    public func attempts(learnerID: String, moduleID: String?) async throws -> [Attempt] {
        let conditions = Conditions(AttemptQuery(learnerID: learnerID, moduleID: moduleID))
        return try await database.read { try await $0.records(Statements.attempts(conditions), conditions.values) }
    }

    public func inProgressAttempts(learnerID: String) async throws -> [Attempt] {
        var conditions = Conditions(AttemptQuery(learnerID: learnerID))
        conditions.add("status = ?", AttemptStatus.inProgress)
        return try await database.read { try await $0.records(Statements.attempts(conditions), conditions.values) }
    }

    public func finishAttempt(
        id: UUID, status: AttemptStatus, points: Double, maxPoints: Double, scorePercent: Double, at: Date
    ) async throws {
        guard status != .inProgress else {
            throw StoreError.constraint("finishAttempt needs a final status, not in_progress")
        }
        try await close(id, Statements.finishAttempt, [status, points, maxPoints, scorePercent, at, id])
    }

    public func abandonAttempt(id: UUID, at: Date) async throws {
        try await close(id, Statements.abandonAttempt, [at, id])
    }

    /// Runs an update limited to an attempt in progress; tells a missing attempt from a closed one.
    private func close(_ id: UUID, _ update: SQL, _ values: [any SQLBindable]) async throws {
        try await database.write { connection in
            guard try await !connection.changed(update, values) else { return }
            try await Self.requireInProgress(id, on: connection, lock: Statements.attemptStatus)
        }
    }

    /// Throws `attemptNotFound` or `attemptNotInProgress` unless the attempt is in progress.
    private static func requireInProgress(_ id: UUID, on connection: any SQLConnection, lock statement: SQL) async throws {
        let status: AttemptStatus? = try await connection.value(statement, [id], column: "status")
        guard let status else { throw StoreError.attemptNotFound(StoredID.text(id)) }
        guard status == .inProgress else { throw StoreError.attemptNotInProgress(StoredID.text(id)) }
    }

    public func recordResponse(_ response: Response) async throws {
        let values = response.bindings + [response.attemptID, AttemptStatus.inProgress]
        guard try await !database.writeAlone(Statements.insertResponseWhileInProgress, values) else { return }
        // Nothing was written: say why (a missing or closed attempt, else an earlier answer).
        try await database.read { connection in
            try await Self.requireInProgress(response.attemptID, on: connection, lock: Statements.attemptStatus)
        }
        throw StoreError.duplicateResponse(questionID: response.questionID)
    }

    public func responses(attemptID: UUID) async throws -> [Response] {
        try await database.read { try await $0.records(Statements.responsesOfAttempt, [attemptID]) }
    }

    // MARK: Modules

    public func moduleSnapshot(moduleID: String, version: String) async throws -> ModuleSnapshot? {
        try await database.read { connection in
            try await connection.rows(Statements.moduleSnapshot, [moduleID, version]).first.map(ModuleSnapshot.init(row:))
        }
    }

    public func moduleSnapshots() async throws -> [ModuleSnapshot] {
        try await database.read { connection in
            try await connection.rows(Statements.latestModuleSnapshots, []).map(ModuleSnapshot.init(row:))
        }
    }

    // MARK: Copying between stores

    public func moduleSnapshotRecords() async throws -> [ModuleSnapshotRecord] {
        try await database.read { try await $0.records(Statements.moduleSnapshotRecords) }
    }

    public func attemptPage(after: UUID?, limit: Int) async throws -> [Attempt] {
        var conditions = Conditions()
        conditions.add("id > ?", after)
        return try await database.read {
            try await $0.records(Statements.attemptPage(conditions), conditions.values + [max(0, limit)])
        }
    }

    public func importLearner(_ learner: Learner) async throws -> Bool {
        try await database.write { try await $0.changed(Statements.importLearner, learner.bindings) }
    }

    public func importModuleSnapshot(_ record: ModuleSnapshotRecord) async throws -> Bool {
        try await database.write { try await $0.changed(Statements.insertModuleSnapshot, record.bindings) }
    }

    public func importAttempt(_ attempt: Attempt, responses: [Response]) async throws -> AttemptImport {
        try await database.write { connection in
            let existing: AttemptStatus? = try await connection.value(
                Statements.attemptStatusForUpdate, [attempt.id], column: "status")
            var outcome = AttemptImport.Outcome.skipped
            if existing == nil {
                try await Self.insert(attempt, on: connection)
                outcome = .inserted
            }
            let inserted = try await connection.runEach(Statements.insertResponse, responses.map(\.bindings))
            if existing == .inProgress, attempt.status != .inProgress {
                let values: [any SQLBindable] = [
                    attempt.status, attempt.finishedAt, attempt.points, attempt.maxPoints, attempt.scorePercent,
                    attempt.voidReason, attempt.id,
                ]
                if try await connection.changed(Statements.closeImportedAttempt, values) { outcome = .closed }
            }
            return AttemptImport(outcome: outcome, responsesInserted: inserted, responsesSkipped: responses.count - inserted)
        }
    }

    /// Inserts records as given, leaving alone any already there, in one transaction through the
    /// store's own statements: for loading generated data in bulk (`cares-bench store`).
    public func load(
        learners: [Learner] = [], modules: [ModuleSnapshotRecord] = [], attempts: [Attempt] = [],
        responses: [Response] = []
    ) async throws {
        try await database.write { connection in
            _ = try await connection.runEach(Statements.importLearner, learners.map(\.bindings))
            _ = try await connection.runEach(Statements.insertModuleSnapshot, modules.map(\.bindings))
            _ = try await connection.runEach(Statements.insertAttempt, attempts.map(\.bindings))
            _ = try await connection.runEach(Statements.insertResponse, responses.map(\.bindings))
        }
    }

    // MARK: Reports and coordinators

    public func forEachAttempt(_ query: AttemptQuery, _ body: (Attempt) throws -> Void) async throws {
        let conditions = Conditions(query)
        try await database.stream(Statements.attemptsForReport(conditions), conditions.values) { row in
            try body(try Attempt(row: row))
        }
    }

    public func forEachResponse(_ query: AttemptQuery, _ body: (Attempt, Response) throws -> Void) async throws {
        let conditions = Conditions(query, prefix: "a.")
        var current: Attempt?
        try await database.stream(Statements.responsesForReport(conditions), conditions.values) { row in
            let id: UUID = try row["id"]
            if current?.id != id { current = try Attempt(row: row) }
            guard let attempt = current else { return }
            try body(attempt, try Response(row: row, prefix: "r_"))
        }
    }

    public func grantAttempt(_ event: AuditEvent) async throws {
        try await database.write { try await $0.execute(Statements.insertAuditEvent, event.bindings) }
    }

    public func voidAttempt(_ event: AuditEvent) async throws {
        guard let attemptID = event.attemptID else { throw StoreError.attemptNotFound("(none given)") }
        try await database.write { connection in
            let status: AttemptStatus? = try await connection.value(
                Statements.attemptStatusForUpdate, [attemptID], column: "status")
            guard let status else { throw StoreError.attemptNotFound(StoredID.text(attemptID)) }
            guard status != .void else { throw StoreError.attemptAlreadyVoid(StoredID.text(attemptID)) }
            try await connection.execute(Statements.voidAttempt, [event.reason, attemptID])
            try await connection.execute(Statements.insertAuditEvent, event.bindings)
        }
    }

    public func auditEvents(learnerID: String?, moduleID: String?) async throws -> [AuditEvent] {
        var conditions = Conditions()
        conditions.add("learner_id = ?", learnerID)
        conditions.add("module_id = ?", moduleID)
        return try await database.read { try await $0.records(Statements.auditEvents(conditions), conditions.values) }
    }

    public func issueCertificate(_ certificate: Certificate) async throws -> Certificate {
        try await database.write { connection in
            try await connection.execute(Statements.insertCertificate, certificate.bindings)
            let stored: [Certificate] = try await connection.records(Statements.certificateOfAttempt, [certificate.attemptID])
            guard let first = stored.first else { throw StoreError.attemptNotFound(StoredID.text(certificate.attemptID)) }
            return first
        }
    }

    public func certificate(code: String) async throws -> Certificate? {
        try await database.read { try await $0.record(Statements.certificate, [code]) }
    }

    // MARK: Imports and erasure

    public func withTransaction<T: Sendable>(_ body: (any CompletionStore) async throws -> T) async throws -> T {
        let run = TransactionRun()
        do {
            return try await database.write { connection in
                run.reset()
                let inside = TransactionDatabase(connection: WatchedConnection(connection: connection, run: run), parent: database)
                do {
                    return try await body(RecordStore(location: location, database: inside))
                } catch {
                    run.bodyError = error
                    throw error
                }
            }
        } catch {
            // The body's own errors (a roster problem, a cancellation) reach the caller as they are;
            // the driver maps only its own.
            if let original = run.bodyError, !run.driverFailed { throw original }
            throw error
        }
    }

    public func learners(ids: [String]) async throws -> [Learner] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { connection in
            var found: [Learner] = []
            for start in stride(from: 0, to: ids.count, by: Statements.learnerBatch) {
                let part = Array(ids[start..<min(ids.count, start + Statements.learnerBatch)])
                found += try await connection.records(Statements.learners(count: part.count), part)
            }
            return found
        }
    }

    public func saveLearners(_ learners: [Learner]) async throws {
        guard !learners.isEmpty else { return }
        try await database.write { connection in
            for start in stride(from: 0, to: learners.count, by: Statements.learnerBatch) {
                let part = learners[start..<min(learners.count, start + Statements.learnerBatch)]
                try await connection.execute(Statements.saveLearners(count: part.count), part.flatMap(\.bindings))
            }
        }
    }

    public func clearErasedTraces() async throws -> Bool { true }
}

/// The driver as seen inside `RecordStore.withTransaction`: every read and write runs on the
/// transaction's connection, without a transaction of its own.
private struct TransactionDatabase: SQLDatabase, @unchecked Sendable {
    let connection: any SQLConnection
    let parent: any SQLDatabase

    func read<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T { try await body(connection) }
    func write<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T { try await body(connection) }
    func stream(_ sql: SQL, _ values: [any SQLBindable], _ body: (SQLRow) throws -> Void) async throws {
        for row in try await connection.rows(sql, values) { try body(row) }
    }
    var dialect: SQLDialect { parent.dialect }
    func checkProblems() async throws -> [String] { [] }
    func close() async {}
}

/// What happened in one run of a `withTransaction` body: the error it threw, and whether a
/// statement failed in the driver.
private final class TransactionRun: @unchecked Sendable {
    var bodyError: (any Error)?
    var driverFailed = false

    func reset() {
        bodyError = nil
        driverFailed = false
    }
}

/// A connection that notes when one of its statements fails.
private struct WatchedConnection: SQLConnection {
    let connection: any SQLConnection
    let run: TransactionRun

    func rows(_ sql: SQL, _ values: [any SQLBindable]) async throws -> [SQLRow] {
        do { return try await connection.rows(sql, values) } catch {
            run.driverFailed = true
            throw error
        }
    }

    func runEach(_ sql: SQL, _ valueSets: [[any SQLBindable]]) async throws -> Int {
        do { return try await connection.runEach(sql, valueSets) } catch {
            run.driverFailed = true
            throw error
        }
    }

    func write(_ sql: SQL, values: [SQLValue]) async throws {
        do { try await connection.write(sql, values: values) } catch {
            run.driverFailed = true
            throw error
        }
    }
}
