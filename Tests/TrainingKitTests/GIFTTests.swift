import Foundation
import TrainingKit
import XCTest

/// GIFT interchange with Moodle: escaping, reading Moodle's forms, warnings and round trips.
final class GIFTTests: XCTestCase {
    private func fixture(_ name: String) throws -> Module {
        let path = ModuleFixtures.fixturesFolder + "/schema/good/\(name).yaml"
        return try XCTUnwrap(ModuleLoader().loadModule(at: path, site: nil).module)
    }

    private func read(_ gift: String, id: String? = nil) throws -> GIFTImporter.Result {
        switch GIFTImporter().read(gift, path: "test.gift", id: id) {
        case .success(let result): return result
        case .failure(let failure): throw XCTSkip("import failed: \(failure.message)")
        }
    }

    func testEscapingRoundTrips() {
        let text = "Cost: {a} ~ b = c # d \\ e\nnext line"
        let escaped = GIFTText.escape(text)
        XCTAssertEqual(escaped, ##"Cost\: \{a\} \~ b \= c \# d \\ e\nnext line"##)
        let gift = "::q::\(escaped){=\(escaped)#\(escaped) ~wrong}"
        let question = try? read(gift).module.quiz.allQuestions.first
        XCTAssertEqual(question?.prompt, text)
        XCTAssertEqual(question?.kind.choices.first?.text, text)
        XCTAssertEqual(question?.kind.choices.first?.feedback, text)
    }

    func testReadsMoodleForms() throws {
        let gift = """
            // A question bank exported from Moodle
            $CATEGORY: $course$/top/Safeguarding Basics

            ::Alone First:: A companion answers for the patient. What next? {
              =See the patient alone#A routine reason.
              ~Ask the companion#He may be in control.
            }

            ::Interpreters::Who may interpret?{
              ~%50%Telephone interpreter#Yes
              ~%50%Video interpreter
              ~%-100%Her companion#No
              ####Only professionals.
            }

            ::TF1::Consent under watch is free.{F#Consent under watch is not free.#Right.}

            ::Short::What kind of interpreter? {=professional =qualified#Good.}

            ::Match::Match the roles. {
              =Interpreter -> Interpret everything
              =Clinician -> Explain confidentiality
            }

            ::Missing word::A patient should be seen {=alone ~with family} for part of the visit.
            """
        let result = try read(gift)
        XCTAssertEqual(result.warnings.map(\.message), [])
        XCTAssertEqual(result.module.id, "safeguarding-basics", "from the last part of $CATEGORY")
        let questions = result.module.quiz.allQuestions
        XCTAssertEqual(questions.map(\.id), ["alone-first", "interpreters", "tf1", "short", "match", "missing-word"])
        XCTAssertEqual(questions[0].prompt, "A companion answers for the patient. What next?")
        XCTAssertEqual(questions[0].kind, .single([
            Choice(id: "a", text: "See the patient alone", isCorrect: true, feedback: "A routine reason."),
            Choice(id: "b", text: "Ask the companion", isCorrect: false, feedback: "He may be in control."),
        ]))
        XCTAssertEqual(questions[1].kind.choices.map(\.isCorrect), [true, true, false])
        XCTAssertEqual(questions[1].kind.typeName, "multiple")
        XCTAssertEqual(questions[1].explanation, "Only professionals.")
        XCTAssertEqual(questions[2].kind, .trueFalse(answer: false))
        XCTAssertEqual(questions[2].feedback, .byOutcome(correct: "Right.", incorrect: "Consent under watch is not free."))
        XCTAssertEqual(questions[3].kind, .short(accept: ["professional", "qualified"]))
        XCTAssertEqual(questions[4].kind, .matching([
            MatchPair(left: "Interpreter", right: "Interpret everything"),
            MatchPair(left: "Clinician", right: "Explain confidentiality"),
        ]))
        XCTAssertEqual(questions[5].prompt, "A patient should be seen _____ for part of the visit.")
        XCTAssertTrue(result.module.objectives.allSatisfy { $0.text.hasPrefix("TODO:") })
    }

    func testWhatDoesNotMapIsAWarningWithItsLine() throws {
        let gift = """
            ::ok::Pick one.{=Yes ~No}

            ::essay::Describe your approach.{}

            ::number::How many?{#3:1}

            Just a description with no answers.

            ::partial::Pick.{=Best ~%50%Half ~None}
            """
        let result = try read(gift)
        XCTAssertEqual(result.imported, 2)
        XCTAssertEqual(result.skipped, 3)
        let lines = result.warnings.map { "\($0.location.line): \($0.message)" }
        XCTAssertEqual(lines, [
            "3: question 'essay': essay questions have no cares equivalent (a reflection is never scored); left out",
            "5: question 'number': numerical questions have no cares equivalent; left out",
            "7: the question on line 7: it has no answers (a description); left out",
            "9: question 'partial': partial credit for a wrong choice is not carried (cares scores it 0)",
        ])
        XCTAssertTrue(result.warnings.allSatisfy { $0.severity == .warning && $0.file == "test.gift" })
    }

    func testNothingImportableIsAFailure() {
        guard case .failure(let failure) = GIFTImporter().read("// only a comment\n::e::Essay{}\n", path: "x.gift") else {
            return XCTFail("expected a failure")
        }
        XCTAssertTrue(failure.message.contains("no question"))
        XCTAssertEqual(failure.warnings.count, 1)
    }

    func testImportedModuleValidatesAndReadsBack() throws {
        let result = try read("::q::Pick one.{=Yes#Right ~No#Wrong}\n\n::r::\"Quoted\" \\\\ back\\nslash{T}", id: "bank")
        let yaml = ModuleYAMLWriter(header: ["test"]).text(result.module)
        let loaded = ModuleFixtures.load(yaml, site: nil)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(\.headline), [])
        let module = try XCTUnwrap(loaded.module)
        XCTAssertEqual(module.id, "bank")
        XCTAssertEqual(module.quiz.allQuestions[1].prompt, "\"Quoted\" \\ back\nslash")
        XCTAssertEqual(module.summary, "TODO: one or two sentences shown in cares list.")
    }

    func testYAMLWriterRoundTripsEveryField() throws {
        let original = try fixture("every-type-no-site")
        let yaml = ModuleYAMLWriter().text(original)
        let loaded = try XCTUnwrap(ModuleFixtures.load(yaml, site: nil).module, yaml)
        XCTAssertEqual(strip(loaded), strip(original))
    }

    func testExportThenImportKeepsQuestionsAnswersAndFeedback() throws {
        let original = try fixture("every-type-no-site")
        let (gift, warnings) = GIFTExporter().export(original)
        XCTAssertTrue(warnings.allSatisfy { $0.file == original.path && $0.location.line > 1 })
        XCTAssertTrue(warnings.contains { $0.message == "question 'first-steps': GIFT has no ordering questions; left out" })
        XCTAssertTrue(warnings.contains { $0.message.hasPrefix("question 'own-words': reflections") })
        XCTAssertTrue(warnings.contains { $0.message.hasPrefix("scenario 'ed-wrist'") })
        XCTAssertTrue(warnings.contains { $0.message.hasPrefix("question 'alone': explicit choice ids") })
        let back = try read(gift).module
        XCTAssertEqual(back.id, original.id)
        XCTAssertEqual(back.title, original.title)
        XCTAssertEqual(back.objectives.map(\.id), original.objectives.map(\.id))
        XCTAssertEqual(back.objectives.map(\.text), original.objectives.map(\.text))
        let carried = original.quiz.units.compactMap { unit -> Question? in
            guard case .question(let question) = unit, question.kind.typeName != "order", question.kind.isScored else { return nil }
            return question
        }
        let imported = back.quiz.allQuestions.filter { question in carried.contains { $0.id == question.id } }
        XCTAssertEqual(imported.count, carried.count)
        for (before, after) in zip(carried, imported) {
            XCTAssertEqual(after.id, before.id)
            XCTAssertEqual(strip(after, positionalIDs: true).kind, strip(before, positionalIDs: true).kind, before.id)
            XCTAssertEqual(after.prompt, before.prompt, before.id)
            XCTAssertEqual(after.objective, before.objective, before.id)
            XCTAssertEqual(after.points, before.points, before.id)
            XCTAssertEqual(after.hint, before.hint, before.id)
            XCTAssertEqual(after.explanation, before.explanation, before.id)
            XCTAssertEqual(after.feedback, before.feedback, before.id)
        }
        let scenarioQuestion = try XCTUnwrap(back.quiz.question(id: "wrist-first"))
        XCTAssertTrue(scenarioQuestion.prompt.hasSuffix("What do you do first?"))
        XCTAssertTrue(scenarioQuestion.prompt.contains("A 17-year-old arrives"))
    }

    func testEveryBundledModuleSurvivesARoundTrip() throws {
        let folder = ModuleSchemaTests.repositoryRoot.appendingPathComponent("modules").path
        let set = ModuleCatalog().load(paths: [folder])
        XCTAssertGreaterThanOrEqual(set.modules.count, 9)
        for module in set.modules {
            let filled = module.fillingPlaceholders(set.site?.facts ?? [:])
            let (gift, _) = GIFTExporter().export(filled)
            let result = try read(gift)
            let yaml = ModuleYAMLWriter().text(result.module)
            let loaded = ModuleFixtures.load(yaml, site: nil)
            XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(\.headline), [], module.id)
            let exported = filled.quiz.allQuestions.filter { $0.kind.isScored && $0.kind.typeName != "order" }
            XCTAssertEqual(result.module.quiz.allQuestions.map(\.id), exported.map(\.id), module.id)
            for (before, after) in zip(exported, result.module.quiz.allQuestions) {
                XCTAssertEqual(after.kind.choices.map(\.text), before.kind.choices.map(\.text), before.id)
                XCTAssertEqual(after.kind.choices.map(\.feedback), before.kind.choices.map(\.feedback), before.id)
                XCTAssertEqual(after.kind.choices.map(\.isCorrect), before.kind.choices.map(\.isCorrect), before.id)
            }
        }
    }

    func testMultipleChoicePercentagesFollowTheScoringRule() {
        XCTAssertTrue(GIFTExporter().export(Module(
            id: "m", version: SemanticVersion(major: 1, minor: 0, patch: 0), title: "M",
            quiz: Quiz(units: [.question(Question(id: "q", kind: .multiple([
                Choice(id: "a", text: "A", isCorrect: true), Choice(id: "b", text: "B", isCorrect: true),
                Choice(id: "c", text: "C", isCorrect: true), Choice(id: "d", text: "D", isCorrect: false),
            ]), objective: "o", prompt: "P"))]))).text.contains("~%33.33333%A\n\t~%33.33333%B\n\t~%33.33333%C\n\t~%-33.33333%D"))
    }

    /// The module without what differs by where it was read from.
    private func strip(_ module: Module) -> Module {
        var copy = module
        copy.contentHash = ""
        copy.path = ""
        copy.objectives = copy.objectives.map { var o = $0; o.location = .start; return o }
        copy.lessons = copy.lessons.map { var l = $0; l.location = .start; return l }
        copy.quiz.location = .start
        copy.quiz.drawLocation = nil
        copy.quiz.units = copy.quiz.units.map { unit in
            switch unit {
            case .question(let question): return .question(strip(question))
            case .scenario(var scenario):
                scenario.location = .start
                scenario.questions = scenario.questions.map(strip)
                return .scenario(scenario)
            }
        }
        return copy
    }

    private func strip(_ question: Question) -> Question { strip(question, positionalIDs: false) }

    private func strip(_ question: Question, positionalIDs: Bool) -> Question {
        var copy = question
        copy.location = .start
        let strip: ([Choice]) -> [Choice] = {
            $0.enumerated().map { index, choice in
                var c = choice
                c.location = .start
                if positionalIDs { c.id = Choice.positionalID(index) }
                return c
            }
        }
        switch copy.kind {
        case .single(let choices): copy.kind = .single(strip(choices))
        case .multiple(let choices): copy.kind = .multiple(strip(choices))
        default: break
        }
        return copy
    }
}
