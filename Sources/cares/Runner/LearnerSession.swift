import Foundation
import TrainingService
import TrainingStore

/// The shared frame of `take` and `resume`: prepare, run, and turn pauses into a clean exit.
enum LearnerSession {
    static func run(
        _ options: SessionOptions, _ body: (TrainingContext, TrainingRunner) async throws -> Void
    ) async throws {
        InterruptHandler.install()
        do {
            try await TrainingContext.using(options, askForLearner: true) { context in
                guard let learnerID = context.learnerID else { return }
                let runner = TrainingRunner(
                    console: context.console, service: AttemptService(store: context.store, learnerID: learnerID),
                    site: context.modules.site)
                try await body(context, runner)
            }
        } catch PauseRequest.beforeStart {
            FileHandle.standardOutput.write(Data("\nNothing was started.\n".utf8))
        } catch PauseRequest.during(let moduleID) {
            let text = "\nPaused. Your answers so far are saved.\nTo continue later: cares resume \(moduleID)\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
