import Foundation
import GRDB

/// Streaming reads for reports, module snapshots, coordinators' grants and voids, and certificates.
extension SQLiteStore {
    static let auditColumns = "id, kind, learner_id, module_id, attempt_id, reason, os_user, at"

    public func forEachAttempt(_ query: AttemptQuery, _ body: (Attempt) throws -> Void) async throws {
        let (condition, arguments) = Self.whereClause(query, prefix: "")
        try readStreaming { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(Self.attemptColumns) FROM attempts \(condition)
                    ORDER BY learner_id, module_id, started_at, id
                    """,
                arguments: arguments)
            while let row = try rows.next() { try body(try self.attempt(from: row)) }
        }
    }

    public func forEachResponse(_ query: AttemptQuery, _ body: (Attempt, Response) throws -> Void) async throws {
        let (condition, arguments) = Self.whereClause(query, prefix: "a.")
        let attemptColumns = Self.attemptColumns.split(separator: ",").map { "a.\($0.trimmingCharacters(in: .whitespaces))" }
        let responseColumns = Self.responseColumns.split(separator: ",").map {
            let name = $0.trimmingCharacters(in: .whitespaces)
            return "r.\(name) AS r_\(name)"
        }
        try readStreaming { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \((attemptColumns + responseColumns).joined(separator: ", "))
                    FROM attempts a JOIN responses r ON r.attempt_id = a.id \(condition)
                    ORDER BY a.learner_id, a.module_id, a.started_at, a.id, r.position, r.question_id
                    """,
                arguments: arguments)
            var current: Attempt?
            while let row = try rows.next() {
                if current.map({ Self.text($0.id) }) != (try row.decode(String.self, forColumn: "id")) {
                    current = try self.attempt(from: row)
                }
                guard let attempt = current else { continue }
                try body(attempt, try self.response(from: row, prefix: "r_"))
            }
        }
    }

    public func moduleSnapshots() async throws -> [ModuleSnapshot] {
        try await read { db in
            // The latest insert (largest rowid) for each id and version.
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.moduleColumns) FROM module_versions m
                    WHERE rowid = (SELECT MAX(rowid) FROM module_versions n
                                   WHERE n.module_id = m.module_id AND n.version = m.version)
                    ORDER BY module_id, version
                    """
            ).map(self.module(from:))
        }
    }

    public func grantAttempt(_ event: AuditEvent) async throws {
        try await write { db in try Self.insert(event, in: db) }
    }

    public func voidAttempt(_ event: AuditEvent) async throws {
        guard let attemptID = event.attemptID else {
            throw StoreError.attemptNotFound("(none given)")
        }
        try await write { db in
            let idText = Self.text(attemptID)
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM attempts WHERE id = ?", arguments: [idText])
            else { throw StoreError.attemptNotFound(idText) }
            guard status != AttemptStatus.void.rawValue else { throw StoreError.attemptAlreadyVoid(idText) }
            try db.execute(
                sql: "UPDATE attempts SET status = 'void', void_reason = ? WHERE id = ?",
                arguments: [event.reason, idText])
            try Self.insert(event, in: db)
        }
    }

    public func auditEvents(learnerID: String?, moduleID: String?) async throws -> [AuditEvent] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let learnerID {
            conditions.append("learner_id = ?")
            arguments += [learnerID]
        }
        if let moduleID {
            conditions.append("module_id = ?")
            arguments += [moduleID]
        }
        let condition = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let bound = arguments
        return try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.auditColumns) FROM audit_events \(condition) ORDER BY at, id", arguments: bound
            ).map(self.auditEvent(from:))
        }
    }

    public func issueCertificate(_ certificate: Certificate) async throws -> Certificate {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO certificates (code, attempt_id, issued_at) VALUES (?, ?, ?)
                    ON CONFLICT (attempt_id) DO NOTHING
                    """,
                arguments: [certificate.code, Self.text(certificate.attemptID), StoredDate.text(certificate.issuedAt)])
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT code, attempt_id, issued_at FROM certificates WHERE attempt_id = ?",
                    arguments: [Self.text(certificate.attemptID)])
            else { throw StoreError.attemptNotFound(Self.text(certificate.attemptID)) }
            return try self.certificate(from: row)
        }
    }

    public func certificate(code: String) async throws -> Certificate? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT code, attempt_id, issued_at FROM certificates WHERE code = ?", arguments: [code]
            ).map(self.certificate(from:))
        }
    }

    // MARK: Helpers

    /// Runs a long read on this connection without copying rows out: `body` sees each row as it is read.
    ///
    /// Synchronous on purpose, so `body` need not be `Sendable`; a report blocks one thread while it runs.
    private func readStreaming(_ body: (Database) throws -> Void) throws {
        do {
            try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    /// `WHERE …` for an attempt query on columns named with `prefix`.
    static func whereClause(_ query: AttemptQuery, prefix: String) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let learner = query.learnerID {
            conditions.append("\(prefix)learner_id = ?")
            arguments += [learner]
        }
        if let module = query.moduleID {
            conditions.append("\(prefix)module_id = ?")
            arguments += [module]
        }
        if let from = query.startedFrom {
            conditions.append("\(prefix)started_at >= ?")
            arguments += [StoredDate.text(from)]
        }
        if let before = query.startedBefore {
            conditions.append("\(prefix)started_at < ?")
            arguments += [StoredDate.text(before)]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    static func insert(_ event: AuditEvent, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_events (\(auditColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                text(event.id), event.kind.rawValue, event.learnerID, event.moduleID, event.attemptID.map(text),
                event.reason, event.osUser, StoredDate.text(event.at),
            ])
    }
}
