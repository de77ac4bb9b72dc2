import ArgumentParser
import TrainingKit

/// `cares take MODULE`: read the lessons and take the quiz, with every answer recorded as given.
struct TakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Take a training module: short lessons, then a quiz with feedback on every answer.",
        discussion: "Type :pause at any prompt to stop; `cares resume` continues where you left off.")

    @Argument(help: "The module id (see `cares list`).")
    var module: String

    @OptionGroup var options: SessionOptions

    @Option(help: .hidden)
    var seed: UInt64?

    func run() async throws {
        try await LearnerSession.run(options) { context, runner in
            runner.fixedSeed = seed
            try await runner.take(try context.module(module))
        }
    }
}
