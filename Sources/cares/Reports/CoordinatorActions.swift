import Foundation
import TrainingReports
import TrainingService
import TrainingStore

/// The work behind `cares attempts grant|void`, `cares certificate` and `cares verify`: reads the
/// options, calls the services and prints what they did.
struct CoordinatorActions {
    let options: SessionOptions

    func grant(module moduleID: String, reason text: String) async throws {
        let reason = try LearnerAdministration.reason(text)
        guard let learnerID = options.learner else {
            throw CaresFailure(message: "grant needs --learner ID", hint: nil, exitCode: 64)
        }
        try await ReportEnvironment.using(options) { environment in
            guard let module = environment.catalog.module(id: moduleID) else {
                throw CaresFailure.refused("there is no module '\(moduleID)' in the modules folder or the records")
            }
            let standing = try await LearnerAdministration(store: environment.store)
                .grant(learnerID: learnerID, module: module, reason: reason)
            print("Granted \(learnerID) one more attempt at '\(moduleID)': \(standing.attemptsUsed) used of \(standing.attemptsAllowed ?? 0) allowed in this period.")
        }
    }

    func void(attempt text: String, reason reasonText: String) async throws {
        let reason = try LearnerAdministration.reason(reasonText)
        guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
            throw CaresFailure(
                message: "'\(text)' is not an attempt id", hint: "Attempt ids are UUIDs; see cares report attempts.", exitCode: 64)
        }
        let attempt = try await StoreOpener.withStore(try options.databaseLocation) { store in
            try await LearnerAdministration(store: store).void(attemptID: id, reason: reason)
        }
        print("Voided attempt \(id.uuidString.lowercased()) (\(attempt.learnerID), \(attempt.moduleID) \(attempt.moduleVersion), was \(attempt.status.rawValue)).")
    }

    func certificate(module moduleID: String, output: String?) async throws {
        guard let learnerID = LearnerResolver.known(flag: options.learner) else {
            throw CaresFailure(message: "whose certificate? Give --learner ID", hint: nil, exitCode: 64)
        }
        let (record, siteName) = try await ReportEnvironment.using(options) { environment in
            let service = CertificateService(store: environment.store, catalog: environment.catalog)
            return (try await service.issue(learnerID: learnerID, moduleID: moduleID), environment.site?.facts["site_name"])
        }
        let page = CertificatePage(record: record, siteName: siteName).html
        let path = output ?? "certificate-\(moduleID)-\(learnerID).html"
        let destination = path == "-" ? ReportOutput.standardOutput() : try ReportOutput.interruptibleFile(path)
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
        let verdict = try await ReportEnvironment.using(options) { environment in
            try await CertificateService(store: environment.store, catalog: environment.catalog).verify(code)
        }
        switch verdict {
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
