import Foundation
import PostgresNIO

/// Streaming reads for reports, module snapshots, coordinators' grants and voids, and certificates.
extension PostgresStore {
    static let auditColumns = SQLiteStore.auditColumns

    public func forEachAttempt(_ query: AttemptQuery, _ body: (Attempt) throws -> Void) async throws {
        let sql: PostgresQuery = """
            SELECT \(unescaped: Self.attemptColumns) FROM attempts
            WHERE (\(query.learnerID)::text IS NULL OR learner_id = \(query.learnerID))
              AND (\(query.moduleID)::text IS NULL OR module_id = \(query.moduleID))
              AND (\(query.startedFrom.map(Self.stored))::timestamptz IS NULL OR started_at >= \(query.startedFrom.map(Self.stored)))
              AND (\(query.startedBefore.map(Self.stored))::timestamptz IS NULL OR started_at < \(query.startedBefore.map(Self.stored)))
            ORDER BY learner_id COLLATE "C", module_id COLLATE "C", started_at, id
            """
        // An error thrown by `body` stops the read and reaches the caller as it is.
        var stopped: (any Error)?
        try await withConnection { connection in
            for try await row in try await connection.query(sql, logger: self.logger) {
                let attempt = try self.attempt(from: row.makeRandomAccess())
                do { try body(attempt) } catch {
                    stopped = error
                    break
                }
            }
        }
        if let stopped { throw stopped }
    }

    public func forEachResponse(_ query: AttemptQuery, _ body: (Attempt, Response) throws -> Void) async throws {
        let attemptColumns = Self.attemptColumns.split(separator: ",")
            .map { "a.\($0.trimmingCharacters(in: .whitespaces))" }
        let responseColumns = Self.responseColumns.split(separator: ",").map {
            let name = $0.trimmingCharacters(in: .whitespaces)
            return "r.\(name) AS r_\(name)"
        }
        let columns = (attemptColumns + responseColumns).joined(separator: ", ")
        let sql: PostgresQuery = """
            SELECT \(unescaped: columns) FROM attempts a JOIN responses r ON r.attempt_id = a.id
            WHERE (\(query.learnerID)::text IS NULL OR a.learner_id = \(query.learnerID))
              AND (\(query.moduleID)::text IS NULL OR a.module_id = \(query.moduleID))
              AND (\(query.startedFrom.map(Self.stored))::timestamptz IS NULL OR a.started_at >= \(query.startedFrom.map(Self.stored)))
              AND (\(query.startedBefore.map(Self.stored))::timestamptz IS NULL OR a.started_at < \(query.startedBefore.map(Self.stored)))
            ORDER BY a.learner_id COLLATE "C", a.module_id COLLATE "C", a.started_at, a.id, r.position, r.question_id COLLATE "C"
            """
        var stopped: (any Error)?
        try await withConnection { connection in
            var current: Attempt?
            for try await row in try await connection.query(sql, logger: self.logger) {
                let random = row.makeRandomAccess()
                let id = try random["id"].decode(UUID.self)
                if current?.id != id { current = try self.attempt(from: random) }
                guard let attempt = current else { continue }
                let response = try Self.response(from: random, prefix: "r_")
                do { try body(attempt, response) } catch {
                    stopped = error
                    break
                }
            }
        }
        if let stopped { throw stopped }
    }

    public func moduleSnapshots() async throws -> [ModuleSnapshot] {
        try await withConnection { connection in
            try await Self.all(
                """
                SELECT \(unescaped: Self.moduleColumns) FROM module_versions m
                WHERE seq = (SELECT MAX(seq) FROM module_versions n WHERE n.module_id = m.module_id AND n.version = m.version)
                ORDER BY module_id COLLATE "C", version COLLATE "C"
                """, on: connection, logger: self.logger, Self.module(from:))
        }
    }

    public func grantAttempt(_ event: AuditEvent) async throws {
        try await transaction { connection in try await Self.insert(event, on: connection, logger: self.logger) }
    }

    public func voidAttempt(_ event: AuditEvent) async throws {
        guard let attemptID = event.attemptID else { throw StoreError.attemptNotFound("(none given)") }
        try await transaction { connection in
            let statuses = try await Self.all(
                "SELECT status FROM attempts WHERE id = \(attemptID) FOR UPDATE", on: connection, logger: self.logger
            ) { row in try row["status"].decode(String.self) }
            guard let status = statuses.first else { throw StoreError.attemptNotFound(Self.text(attemptID)) }
            guard status != AttemptStatus.void.rawValue else { throw StoreError.attemptAlreadyVoid(Self.text(attemptID)) }
            try await connection.query(
                "UPDATE attempts SET status = 'void', void_reason = \(event.reason) WHERE id = \(attemptID)",
                logger: self.logger)
            try await Self.insert(event, on: connection, logger: self.logger)
        }
    }

    public func auditEvents(learnerID: String?, moduleID: String?) async throws -> [AuditEvent] {
        try await withConnection { connection in
            try await Self.all(
                """
                SELECT \(unescaped: Self.auditColumns) FROM audit_events
                WHERE (\(learnerID)::text IS NULL OR learner_id = \(learnerID))
                  AND (\(moduleID)::text IS NULL OR module_id = \(moduleID))
                ORDER BY at, id
                """, on: connection, logger: self.logger, Self.auditEvent(from:))
        }
    }

    public func issueCertificate(_ certificate: Certificate) async throws -> Certificate {
        try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO certificates (code, attempt_id, issued_at)
                VALUES (\(certificate.code), \(certificate.attemptID), \(Self.stored(certificate.issuedAt)))
                ON CONFLICT (attempt_id) DO NOTHING
                """, logger: self.logger)
            let stored = try await Self.all(
                "SELECT code, attempt_id, issued_at FROM certificates WHERE attempt_id = \(certificate.attemptID)",
                on: connection, logger: self.logger, Self.certificate(from:))
            guard let first = stored.first else { throw StoreError.attemptNotFound(Self.text(certificate.attemptID)) }
            return first
        }
    }

    public func certificate(code: String) async throws -> Certificate? {
        try await withConnection { connection in
            try await Self.all(
                "SELECT code, attempt_id, issued_at FROM certificates WHERE code = \(code)", on: connection,
                logger: self.logger, Self.certificate(from:)
            ).first
        }
    }

    static func insert(_ event: AuditEvent, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO audit_events (id, kind, learner_id, module_id, attempt_id, reason, os_user, at)
            VALUES (\(event.id), \(event.kind.rawValue), \(event.learnerID), \(event.moduleID), \(event.attemptID),
                    \(event.reason), \(event.osUser), \(stored(event.at)))
            """, logger: logger)
    }
}
