import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// The table of `cares list`: module, status, best score, valid until.
struct ModuleListing {
    let context: TrainingContext

    func print() async throws {
        let console = context.console
        let modules = context.modules.modules
        guard !modules.isEmpty else {
            console.line("No modules in the modules folder. Check it with: cares validate")
            return
        }
        var rows: [[String]] = [["MODULE", "STATUS", "SCORE", "VALID UNTIL"]]
        let learner = try await context.learnerID.asyncMap { try await context.store.learner(id: $0) }
        let required = context.modules.site?.requiredModules(department: learner??.department, role: learner??.role)
        for module in modules {
            guard let learnerID = context.learnerID else {
                rows.append([module.id, module.estimatedMinutes.map { "about \($0) min" } ?? "", "–", "–"])
                continue
            }
            let standing = try await context.store.standing(learnerID: learnerID, moduleID: module.id, policy: ModulePolicy(module))
            let status = try await describe(standing, module: module, required: required?.contains(module.id) ?? false)
            let score = standing.bestScore.map(Formatting.percent) ?? "–"
            let until = standing.state == .passed ? (standing.expiresAt.map(Formatting.day) ?? "no expiry") :
                (standing.expiresAt.map(Formatting.day) ?? "–")
            rows.append([module.id, status, score, until])
        }
        for line in Self.align(rows) { console.line(line) }
        if context.learnerID == nil {
            console.line()
            console.wrapped("Use --learner ID (or take a module) to see your own progress.", style: .dim)
        }
    }

    private func describe(_ standing: ModuleStanding, module: Module, required: Bool) async throws -> String {
        switch standing.state {
        case .notStarted:
            return required ? "due — not started" : "not started"
        case .inProgress:
            guard let attempt = standing.inProgress else { return "in progress" }
            let answered = try await context.store.responses(attemptID: attempt.id).count
            if answered >= attempt.questionCount { return "in progress (all answered; resume to see the result)" }
            return "in progress (question \(answered + 1) of \(attempt.questionCount))"
        case .passed:
            let date = standing.lastPass.map { Formatting.day($0.finishedAt ?? $0.startedAt) } ?? ""
            return "passed \(date)"
        case .failed:
            if let next = standing.nextAttemptAt, standing.attemptsLeft != 0 {
                return "failed — next attempt after \(Formatting.moment(next))"
            }
            switch standing.attemptsLeft {
            case nil: return "failed — try again"
            case 0?: return "failed — no attempts left"
            case let left?: return "failed — \(left) attempt\(left == 1 ? "" : "s") left"
            }
        case .expired:
            return "due — expired " + (standing.expiresAt.map(Formatting.day) ?? "")
        case .outdated:
            return "due — new version \(module.version)"
        }
    }

    /// Left-aligned columns separated by two spaces.
    static func align(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}

extension Optional {
    /// Maps the wrapped value with an async throwing closure.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
