import Foundation
import TrainingKit
import XCTest

/// The `every-type` fixture with `feedback: end`, in a folder of its own, and what must stay hidden until the result.
enum DeferredFeedbackFixture {
    /// Copies the fixture folder to `home/modules` with `feedback: end` added to the quiz; returns the folder.
    static func folder(in home: URL) throws -> String {
        let source = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good")
        let target = home.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("site.yaml"), to: target.appendingPathComponent("site.yaml"))
        let text = try String(contentsOf: source.appendingPathComponent("every-type.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("\nquiz:\n"))
        let deferred = text.replacingOccurrences(of: "\nquiz:\n", with: "\nquiz:\n  feedback: end\n")
        try deferred.write(to: target.appendingPathComponent("every-type.yaml"), atomically: true, encoding: .utf8)
        return target.path
    }

    /// The module as the learner sees it (placeholders filled).
    static func module(_ folder: String) throws -> Module {
        let set = ModuleCatalog().load(paths: [folder])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        XCTAssertEqual(module.quiz.feedback, .end)
        return module
    }

    /// Text that only feedback shows: verdicts, the right answer, chosen-choice lines and every explanation of the plan.
    static func keyMarkers(_ plan: QuizPlan) -> [String] {
        ["✓", "✗", "Not quite", "Correct.", "The right answer", "You chose", "Why:", "Partly right"]
            + plan.questions.compactMap { $0.question.explanation.map { RichText.plain($0) } }
    }

    /// The markers found in `text`.
    static func keysShown(in text: String, plan: QuizPlan) -> [String] {
        keyMarkers(plan).filter { text.contains($0) }
    }
}
