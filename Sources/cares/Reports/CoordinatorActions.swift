import Foundation
import TrainingReports
import TrainingStore

/// The work behind `cares attempts grant|void`, `cares certificate` and `cares verify`.
struct CoordinatorActions {
    let options: SessionOptions

    /// A reason to keep on record: trimmed, not empty, printable, at most 500 characters.
    static func reason(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CaresFailure(message: "--reason must say why", hint: nil, exitCode: 64) }
        guard trimmed.count <= 500 else {
            throw CaresFailure(message: "--reason is longer than 500 characters", hint: nil, exitCode: 64)
        }
        return trimmed
    }

    func grant(module moduleID: String, reason text: String) async throws {
        let reason = try Self.reason(text)
        guard let learnerID = options.learner else {
            throw CaresFailure(message: "grant needs --learner ID", hint: nil, exitCode: 64)
        }
        let environment = try await ReportEnvironment.prepare(options)
        let store = environment.store
        guard let module = environment.catalog.module(id: moduleID) else {
            throw CaresFailure.refused("there is no module '\(moduleID)' in the modules folder or the records")
        }
        guard try await store.learner(id: learnerID) != nil else {
            throw CaresFailure.refused("there is no learner '\(learnerID)' in the records", hint: "cares learners list shows them")
        }
        guard module.maxAttempts != nil else {
            throw CaresFailure.refused("'\(moduleID)' has no attempt limit, so there is nothing to grant")
        }
        try await store.grantAttempt(
            AuditEvent(kind: .attemptGranted, learnerID: learnerID, moduleID: moduleID, reason: reason, osUser: SystemIdentity.userName))
        let standing = try await store.standing(
            learnerID: learnerID, moduleID: moduleID, currentVersion: module.version, validForDays: module.validForDays,
            maxAttempts: module.maxAttempts)
        print("Granted \(learnerID) one more attempt at '\(moduleID)': \(standing.attemptsUsed) used of \(standing.attemptsAllowed ?? 0) allowed in this period.")
    }

    func void(attempt text: String, reason reasonText: String) async throws {
        let reason = try Self.reason(reasonText)
        guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
            throw CaresFailure(
                message: "'\(text)' is not an attempt id", hint: "Attempt ids are UUIDs; see cares report attempts.", exitCode: 64)
        }
        let store = try await StoreOpener.open(options.databaseLocation)
        guard let attempt = try await store.attempt(id: id) else {
            throw CaresFailure.refused("there is no attempt \(id.uuidString.lowercased())")
        }
        do {
            try await store.voidAttempt(
                AuditEvent(
                    kind: .attemptVoided, learnerID: attempt.learnerID, moduleID: attempt.moduleID, attemptID: id,
                    reason: reason, osUser: SystemIdentity.userName))
        } catch StoreError.attemptAlreadyVoid(let shown) {
            throw CaresFailure.refused("attempt \(shown) is already void")
        }
        print("Voided attempt \(id.uuidString.lowercased()) (\(attempt.learnerID), \(attempt.moduleID) \(attempt.moduleVersion), was \(attempt.status.rawValue)).")
    }

    func certificate(module moduleID: String, output: String?) async throws {
        guard let learnerID = LearnerResolver.known(flag: options.learner) else {
            throw CaresFailure(message: "whose certificate? Give --learner ID", hint: nil, exitCode: 64)
        }
        let environment = try await ReportEnvironment.prepare(options)
        let service = CertificateService(store: environment.store, catalog: environment.catalog)
        let record = try await service.issue(learnerID: learnerID, moduleID: moduleID)
        let page = CertificatePage(record: record, siteName: environment.site?.facts["site_name"]).html
        let path = output ?? "certificate-\(moduleID)-\(learnerID).html"
        let destination = path == "-" ? ReportOutput.standardOutput() : try ReportOutput.file(path)
        do {
            try destination.write(page)
            try destination.commit()
        } catch {
            destination.discard()
            throw error
        }
        if path != "-" {
            print("Wrote \(DiagnosticPrinter.printable(path)) — verification code \(CertificateCode.display(record.certificate.code)).")
        }
    }

    func verify(_ code: String) async throws {
        let environment = try await ReportEnvironment.prepare(options)
        let service = CertificateService(store: environment.store, catalog: environment.catalog)
        switch try await service.verify(code) {
        case .invalid(let message):
            throw CaresFailure.refused(message)
        case .valid(let record):
            let time = ReportTime()
            let attempt = record.attempt
            let passed = attempt.finishedAt ?? attempt.startedAt
            var lines = [
                "Valid: certificate \(CertificateCode.display(record.certificate.code)) matches a passing record.",
                "  Learner   \(record.learner.id)" + (record.learner.name.map { " (\($0))" } ?? ""),
                "  Module    \(attempt.moduleID) \(attempt.moduleVersion): \(record.moduleTitle)",
                "  Passed    \(time.moment(passed)) with \(attempt.scorePercent.map { "\(Int($0.rounded()))%" } ?? "–")",
                "  Attempt   \(attempt.id.uuidString.lowercased())",
            ]
            if let expires = record.expiresAt {
                lines.append("  Valid until \(time.day(expires))" + (record.isExpired(at: Date()) ? " — EXPIRED" : ""))
            }
            print(lines.map(DiagnosticPrinter.printable).joined(separator: "\n"))
        }
    }
}
