import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// Finds the attempt to resume: the one named, the only one, or the one the learner picks from a list.
struct ResumeChooser {
    let context: TrainingContext
    let runner: TrainingRunner

    func resume(_ moduleID: String?) async throws {
        let open = try await runner.service.unfinished(moduleID: moduleID)
        if let moduleID {
            guard !open.isEmpty else {
                throw CaresFailure.refused(
                    "\(runner.learnerID) has no unfinished attempt at '\(moduleID)'", hint: "start one with: cares take \(moduleID)")
            }
        }
        guard !open.isEmpty else {
            context.console.line("You have no unfinished training. `cares list` shows what is available.")
            return
        }
        let chosen = open.count == 1 ? open[0].attempt : try await choose(from: open)
        guard let module = context.modules.module(id: chosen.moduleID) else {
            throw CaresFailure.badData(
                "the module '\(chosen.moduleID)' of this attempt is no longer in the modules folder (or has errors)",
                hint: "ask your trainer, or run: cares validate")
        }
        try await runner.continueAttempt(chosen, module: module)
    }

    private func choose(from attempts: [(attempt: Attempt, answered: Int)]) async throws -> Attempt {
        let console = context.console
        console.line("You have \(attempts.count) unfinished attempts:")
        for (index, (attempt, answered)) in attempts.enumerated() {
            let title = context.modules.module(id: attempt.moduleID)?.title ?? attempt.moduleID
            console.wrapped(
                "\(index + 1). \(title) — question \(min(answered + 1, attempt.questionCount)) of \(attempt.questionCount), started \(Formatting.day(attempt.startedAt))",
                indent: 2, hanging: 5)
        }
        while true {
            guard let reply = await console.ask("Which one? (1–\(attempts.count), or a module id):") else {
                throw PauseRequest.beforeStart
            }
            let text = reply.trimmingCharacters(in: .whitespaces)
            if let number = Int(text), (1...attempts.count).contains(number) { return attempts[number - 1].attempt }
            if let match = attempts.first(where: { $0.attempt.moduleID == text }) { return match.attempt }
            console.wrapped("Type a number from 1 to \(attempts.count).", indent: 2, style: .dim)
        }
    }
}
