import TrainingKit
import XCTest

/// The session engine: planning, parsing, marking and results, with no I/O.
final class QuizSessionTests: XCTestCase {
    var module: Module!

    override func setUpWithError() throws {
        let set = ModuleCatalog().load(paths: [ModuleFixtures.fixturesFolder + "/good"])
        module = try XCTUnwrap(set.module(id: "every-type"))
    }

    func planned(_ id: String, seed: UInt64 = 7) throws -> PlannedQuestion {
        var all = module!
        all.quiz.draw = nil
        let plan = QuizPlan(module: all, seed: seed)
        return try XCTUnwrap(plan.questions.first { $0.question.id == id })
    }

    /// The display letter of a canonical index in a planned question.
    func letter(_ planned: PlannedQuestion, _ canonical: Int) -> String {
        PlannedQuestion.label(planned.displayOrder.firstIndex(of: canonical) ?? -1)
    }

    func mark(_ input: String, _ planned: PlannedQuestion) throws -> Mark {
        switch AnswerParser.parse(input, for: planned) {
        case .success(let answer): return Marker.mark(answer, for: planned.question)
        case .failure(let hint): throw hint
        }
    }

    func assertMalformed(_ input: String, _ planned: PlannedQuestion, file: StaticString = #filePath, line: UInt = #line) {
        if case .success = AnswerParser.parse(input, for: planned) {
            XCTFail("'\(input)' should not parse", file: file, line: line)
        }
    }

    // MARK: Planning

    func testSameSeedSamePlan() {
        let a = QuizPlan(module: module, seed: 42)
        let b = QuizPlan(module: module, seed: 42)
        XCTAssertEqual(a, b)
        let others = (0..<20).map { QuizPlan(module: module, seed: UInt64($0)).questions.map(\.question.id) }
        XCTAssertGreaterThan(Set(others).count, 1, "different seeds give different draws or orders")
    }

    func testDrawCountsScenarioAsOneUnitAndKeepsItsOrder() {
        for seed in 0..<50 as Range<UInt64> {
            let plan = QuizPlan(module: module, seed: seed)
            let units = Set(plan.questions.map { $0.scenario?.id ?? $0.question.id })
            XCTAssertEqual(units.count, 6)
            let ids = plan.questions.map(\.question.id)
            if let first = ids.firstIndex(of: "wrist-first") {
                XCTAssertEqual(ids[first + 1], "wrist-yes")
                XCTAssertTrue(plan.questions[first].startsScenario)
                XCTAssertFalse(plan.questions[first + 1].startsScenario)
            }
        }
    }

    func testAPlanAvoidingSeenUnitsDrawsTheOthersFirst() {
        var small = module!
        small.quiz.draw = 2
        let count = small.quiz.units.count
        XCTAssertGreaterThanOrEqual(count, 4)
        for seed in 0..<30 as Range<UInt64> {
            let plain = QuizPlan(module: small, seed: seed)
            XCTAssertEqual(QuizPlan(module: small, seed: seed, avoiding: []), plain, "no history: the seed's own plan")
            let seen = Set(plain.unitIndices)
            let retake = QuizPlan(module: small, seed: seed, avoiding: seen)
            XCTAssertEqual(Set(retake.unitIndices).intersection(seen), [], "seed \(seed)")
            XCTAssertEqual(retake, QuizPlan(module: small, seed: seed, avoiding: seen), "deterministic")
            let unseen = Int(seed) % count
            let mostly = QuizPlan(module: small, seed: seed, avoiding: Set(0..<count).subtracting([unseen]))
            XCTAssertTrue(mostly.unitIndices.contains(unseen), "the one unseen unit is drawn")
            XCTAssertEqual(mostly.unitIndices.count, 2)
        }
        var all = module!
        all.quiz.draw = nil
        XCTAssertEqual(QuizPlan(module: all, seed: 3, avoiding: [0, 1]), QuizPlan(module: all, seed: 3), "drawing the whole pool: nothing to prefer")
    }

    func testNoShuffleKeepsYAMLOrder() {
        var fixed = module!
        fixed.quiz.shuffle = false
        fixed.quiz.draw = nil
        let plan = QuizPlan(module: fixed, seed: 9)
        XCTAssertEqual(plan.questions.map(\.question.id), fixed.quiz.allQuestions.map(\.id))
        XCTAssertEqual(plan.questions[0].displayOrder, [0, 1, 2])
    }

    func testOrderAndMatchingAreAlwaysShownShuffled() throws {
        for seed in 0..<30 as Range<UInt64> {
            XCTAssertNotEqual(try planned("first-steps", seed: seed).displayOrder, [0, 1, 2, 3])
            XCTAssertNotEqual(try planned("roles", seed: seed).displayOrder, [0, 1])
        }
    }

    // MARK: Every question type: correct, partial, wrong, malformed

    func testSingle() throws {
        let q = try planned("alone")
        let right = try mark(letter(q, 0), q)
        XCTAssertEqual(right.points, 1)
        XCTAssertEqual(right.isCorrect, true)
        XCTAssertEqual(right.canonicalAnswer, "a")
        let wrong = try mark(letter(q, 2).uppercased(), q)
        XCTAssertEqual(wrong.points, 0)
        XCTAssertEqual(wrong.canonicalAnswer, "ask-in-front", "records store the canonical id, never the shown letter")
        let byNumber = try mark(String((q.displayOrder.firstIndex(of: 0) ?? 0) + 1), q)
        XCTAssertEqual(byNumber.isCorrect, true)
        for bad in ["", "z", "a b", "4", "0", "\u{1B}[A", "hello"] { assertMalformed(bad, q) }
    }

    func testMultipleWithPartialCredit() throws {
        let q = try planned("who-interprets")
        let both = try mark("\(letter(q, 0)) \(letter(q, 1))", q)
        XCTAssertEqual(both.points, 2)
        XCTAssertEqual(both.canonicalAnswer, "a,b")
        let one = try mark(letter(q, 1), q)
        XCTAssertEqual(one.points, 1)
        XCTAssertTrue(one.isPartial)
        let oneAndWrong = try mark("\(letter(q, 0)),\(letter(q, 2))", q)
        XCTAssertEqual(oneAndWrong.points, 0, "right − wrong = 0")
        let allThree = try mark("abc", q)
        XCTAssertEqual(allThree.points, 1, "(2 − 1) ÷ 2 × 2 points")
        XCTAssertEqual(try mark(letter(q, 2), q).points, 0)
        for bad in ["", "a x", "d", ","] { assertMalformed(bad, q) }
    }

    func testTrueFalse() throws {
        let q = try planned("family-interpreter")
        XCTAssertEqual(try mark("f", q).isCorrect, true)
        XCTAssertEqual(try mark("No", q).isCorrect, true)
        XCTAssertEqual(try mark("FALSE", q).canonicalAnswer, "false")
        XCTAssertEqual(try mark("t", q).points, 0)
        XCTAssertEqual(try mark("yes", q).isCorrect, false)
        for bad in ["", "maybe", "tf", "1"] { assertMalformed(bad, q) }
    }

    func testOrderWithPartialCredit() throws {
        let q = try planned("first-steps")
        let correct = (0..<4).map { letter(q, $0) }.joined(separator: " ")
        XCTAssertEqual(try mark(correct, q).points, 1)
        XCTAssertEqual(try mark(correct, q).canonicalAnswer, "a,b,c,d")
        let swapped = [letter(q, 0), letter(q, 1), letter(q, 3), letter(q, 2)].joined(separator: " ")
        let partial = try mark(swapped, q)
        XCTAssertEqual(partial.points, 0.5)
        XCTAssertEqual(partial.canonicalAnswer, "a,b,d,c")
        let reversed = (0..<4).reversed().map { letter(q, $0) }.joined(separator: " ")
        XCTAssertEqual(try mark(reversed, q).points, 0)
        for bad in ["", "a b c", "a a b c", "a b c d e", "a b c z"] { assertMalformed(bad, q) }
    }

    func testMatchingWithPartialCredit() throws {
        let q = try planned("roles")
        let right = "1\(letter(q, 0)) 2\(letter(q, 1))"
        XCTAssertEqual(try mark(right, q).points, 1)
        XCTAssertEqual(try mark(right, q).canonicalAnswer, "a=a,b=b")
        let wrong = "1\(letter(q, 1)) 2\(letter(q, 0))"
        XCTAssertEqual(try mark(wrong, q).points, 0)
        XCTAssertEqual(try mark(wrong, q).canonicalAnswer, "a=b,b=a")
        for bad in ["", "1a", "1a 1b", "1a 2a", "3a 1b", "a1 b2"] { assertMalformed(bad, q) }
    }

    func testMatchingPartialWithThreePairs() throws {
        var three = module!
        let q3 = Question(
            id: "m3", kind: .matching([.init(left: "A", right: "x"), .init(left: "B", right: "y"), .init(left: "C", right: "z")]),
            objective: "privacy", prompt: "Match", points: 3)
        three.quiz = Quiz(shuffle: false, units: [.question(q3)])
        let planned = QuizPlan(module: three, seed: 1).questions[0]
        let oneRight = "1\(letter(planned, 0)) 2\(letter(planned, 2)) 3\(letter(planned, 1))"
        XCTAssertEqual(try mark(oneRight, planned).points, 1)
    }

    func testShort() throws {
        let q = try planned("interpreter-kind")
        XCTAssertEqual(try mark("  Professional ", q).isCorrect, true)
        XCTAssertEqual(try mark("QUALIFIED", q).canonicalAnswer, "qualified")
        let wrong = try mark("family", q)
        XCTAssertEqual(wrong.points, 0)
        XCTAssertEqual(wrong.isCorrect, false)
        assertMalformed("   ", q)
    }

    func testReflectionIsNeverScored() throws {
        let q = try planned("own-words")
        let kept = try mark("Could we have a moment?", q)
        XCTAssertNil(kept.isCorrect)
        XCTAssertEqual(kept.maxPoints, 0)
        XCTAssertEqual(kept.canonicalAnswer, "Could we have a moment?")
        assertMalformed("", q)
        var unsaved = q
        unsaved.question.kind = .reflection(store: false)
        XCTAssertEqual(try mark("private", unsaved).canonicalAnswer, "")
    }

    func testSkipNeverEarnsCredit() throws {
        let session = QuizSession(module: module, seed: 3)
        let (mark, feedback) = try XCTUnwrap(session.evaluateSkip(at: 0))
        XCTAssertEqual(mark.points, 0)
        XCTAssertTrue(mark.skipped)
        XCTAssertEqual(feedback.verdict, .skipped)
    }

    // MARK: Feedback

    func testFeedbackTeachesOnAWrongSingleAnswer() throws {
        let q = try planned("alone")
        guard case .success(let answer) = AnswerParser.parse(letter(q, 1), for: q) else { return XCTFail() }
        let feedback = AnswerFeedback.make(for: q, answer: answer, mark: Marker.mark(answer, for: q.question))
        XCTAssertEqual(feedback.verdict, .incorrect)
        XCTAssertEqual(feedback.lines.first?.text, "He may be the one controlling her.")
        XCTAssertTrue(feedback.lines.contains { $0.kind == .rightAnswer && $0.text.contains("every patient alone") })
        XCTAssertEqual(feedback.lines.last, FeedbackLine(.explanation, "Privacy comes first."))
    }

    func testTrueFalseOutcomeFeedback() throws {
        let q = try planned("family-interpreter")
        let wrong = AnswerFeedback.make(for: q, answer: .bool(true), mark: Marker.mark(.bool(true), for: q.question))
        XCTAssertTrue(wrong.lines.contains { $0.kind == .general && $0.text.contains("not free") })
        let right = AnswerFeedback.make(for: q, answer: .bool(false), mark: Marker.mark(.bool(false), for: q.question))
        XCTAssertTrue(right.lines.contains { $0.kind == .general && $0.text == "Right." })
    }

    // MARK: Results

    func testResultPerObjectiveAndLessonsToReview() throws {
        var session = QuizSession(module: module, seed: 11)
        while let index = session.nextIndex {
            let planned = session.plan.questions[index]
            // Answer interpreting questions right and privacy questions by skipping.
            if planned.question.objective == "interpreting" {
                let input: String
                switch planned.question.kind {
                case .multiple: input = "\(letter(planned, 0)) \(letter(planned, 1))"
                case .trueFalse: input = "f"
                case .matching: input = "1\(letter(planned, 0)) 2\(letter(planned, 1))"
                case .short: input = "professional"
                default: input = letter(planned, 0)
                }
                guard case .success(let (_, mark, _)) = session.evaluate(input, at: index) else { return XCTFail(input) }
                session.record(mark, for: planned.question.id)
            } else if let (mark, _) = session.evaluateSkip(at: index) {
                session.record(mark, for: planned.question.id)
            }
        }
        let result = session.result
        let interpreting = try XCTUnwrap(result.objectives.first { $0.objective.id == "interpreting" })
        XCTAssertEqual(interpreting.percent, 100)
        let privacy = try XCTUnwrap(result.objectives.first { $0.objective.id == "privacy" })
        XCTAssertEqual(privacy.points, 0)
        XCTAssertEqual(result.toReview.map(\.objective.id), ["privacy"])
        XCTAssertEqual(privacy.lessons.map(\.id), ["first-contact"])
        XCTAssertEqual(result.maxPoints, Double(session.plan.maxPoints))
        XCTAssertFalse(result.passed)
    }

    func testResumingWithMarksContinuesAtTheNextQuestion() {
        var first = QuizSession(module: module, seed: 5)
        for _ in 0..<3 {
            guard let index = first.nextIndex, let (mark, _) = first.evaluateSkip(at: index) else { return XCTFail() }
            first.record(mark, for: first.plan.questions[index].question.id)
        }
        let resumed = QuizSession(module: module, seed: 5, marks: first.marks)
        XCTAssertEqual(resumed.nextIndex, 3)
        XCTAssertEqual(resumed.plan, first.plan)
    }

    func testPassMarkBoundary() {
        let result = QuizResult(points: 8, maxPoints: 10, passMark: 80, objectives: [])
        XCTAssertTrue(result.passed)
        XCTAssertFalse(QuizResult(points: 7.99, maxPoints: 10, passMark: 80, objectives: []).passed)
    }

    func testPlaceholdersAreFilledForTheLearner() {
        let filled = module.fillingPlaceholders(["safeguarding_lead": "Team S", "interpreter_service": "Line I"])
        XCTAssertTrue(filled.lessons[0].body.contains("Contact Team S"))
        XCTAssertEqual(filled.lessons[1].body, "Use Line I, never a companion.")
        XCTAssertTrue(filled.closing?.contains("Team S") ?? false)
    }

    func testRichText() {
        let blocks = RichText.parse("First **bold** line\ncontinues.\n\n- one\n  wrapped\n- two\n\nAfter.")
        XCTAssertEqual(blocks.count, 4)
        XCTAssertEqual(blocks[0], .paragraph([.init("First "), .init("bold", bold: true), .init(" line continues.")]))
        XCTAssertEqual(blocks[1], .bullet([.init("one wrapped")]))
        XCTAssertEqual(blocks[3], .paragraph([.init("After.")]))
    }
}
