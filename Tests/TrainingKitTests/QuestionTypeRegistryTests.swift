import Foundation
@testable import TrainingKit
import XCTest

/// The question-type registry covers every kind, and each type's unit is whole: schema fragment,
/// GIFT mapping, input parsing, marking and the stored answer (byte for byte what records hold).
final class QuestionTypeRegistryTests: XCTestCase {
    var module: Module!

    override func setUpWithError() throws {
        let set = ModuleCatalog().load(paths: [ModuleFixtures.fixturesFolder + "/good"])
        module = try XCTUnwrap(set.module(id: "every-type"))
        module.quiz.draw = nil
    }

    /// One standalone question of each type in the every-type fixture.
    var questionsByType: [String: Question] {
        Dictionary(module.quiz.allQuestions.map { ($0.kind.typeName, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func testRegistryListsEveryKindOnce() {
        let names = QuestionTypes.all.map { $0.name }
        XCTAssertEqual(names, QuestionKind.typeNames)
        XCTAssertEqual(Set(names).count, names.count, "a type is registered twice")
        XCTAssertEqual(Set(questionsByType.keys), Set(names), "the every-type fixture has one question of each type")
        for question in module.quiz.allQuestions {
            let unit = question.kind.unit
            XCTAssertTrue(QuestionTypes.all.contains { $0 == type(of: unit) }, "\(question.kind.typeName) is not registered")
            XCTAssertEqual(unit.kind, question.kind, "\(question.kind.typeName) does not round-trip through its unit")
            XCTAssertEqual(question.kind.unit.fillingPlaceholders { $0 }, question.kind)
        }
    }

    func testEveryTypeHasItsSchemaFragment() throws {
        let question = try XCTUnwrap(ModuleSchema.definitions.first { $0.0 == "question" }?.1.rendered())
        for type in QuestionTypes.all {
            XCTAssertTrue(question.contains("\"const\": \"\(type.name)\""), "\(type.name) has no schema rule")
            for field in type.fields {
                XCTAssertTrue(question.contains("\"\(field.key)\": " + field.schema.rendered(indent: 4)), "\(type.name).\(field.key)")
            }
            for definition in type.schemaDefinitions {
                XCTAssertTrue(ModuleSchema.definitions.contains { $0.0 == definition.0 }, "$defs/\(definition.0)")
            }
        }
        // A key shared by several types has one schema.
        for field in QuestionTypes.all.flatMap({ $0.fields }) {
            XCTAssertEqual(QuestionTypes.fields.first { $0.key == field.key }?.schema, field.schema, field.key)
        }
        XCTAssertEqual(QuestionTypes.owners(of: "choices"), "single and multiple")
    }

    func testGIFTExportAndImportAgreeForEveryType() throws {
        for (name, question) in questionsByType.sorted(by: { $0.key < $1.key }) {
            var feedback = question.feedback
            var warnings: [String] = []
            let answers = question.kind.unit.giftAnswers(feedback: &feedback) { warnings.append($0) }
            let type = type(of: question.kind.unit)
            XCTAssertEqual(answers == nil, type.giftImportRank == nil, "\(name): GIFT export and import disagree")
            guard answers != nil else {
                XCTAssertFalse(warnings.isEmpty, "\(name): left out without a warning")
                continue
            }
            var single = module!
            single.quiz.units = [.question(question)]
            let text = GIFTExporter().export(single).text
            guard case .success(let result) = GIFTImporter().read(text, path: "every-type.gift") else {
                return XCTFail("\(name): the export does not import")
            }
            let imported = try XCTUnwrap(result.module.quiz.allQuestions.first)
            XCTAssertEqual(imported.kind.typeName, name)
            XCTAssertEqual(imported.kind.choices.map(\.text), question.kind.choices.map(\.text), name)
        }
    }

    /// What a learner types to get each question fully right, and the canonical answer records hold.
    func testParseAndMarkRoundTripForEveryType() throws {
        let plan = QuizPlan(module: module, seed: 7)
        var seen = Set<String>()
        for planned in plan.questions where seen.insert(planned.question.kind.typeName).inserted {
            let letter: (Int) -> String = { PlannedQuestion.label(planned.displayOrder.firstIndex(of: $0) ?? 0) }
            let input: String
            let stored: String
            switch planned.question.kind {
            case .single(let choices):
                input = letter(try XCTUnwrap(choices.firstIndex(where: \.isCorrect)))
                stored = try XCTUnwrap(choices.first(where: \.isCorrect)).id
            case .multiple(let choices):
                input = choices.indices.filter { choices[$0].isCorrect }.map(letter).joined(separator: " ")
                stored = choices.filter(\.isCorrect).map(\.id).joined(separator: ",")
            case .trueFalse(let answer):
                input = answer ? "t" : "f"
                stored = answer ? "true" : "false"
            case .order(let items):
                input = items.indices.map(letter).joined(separator: " ")
                stored = items.indices.map(Choice.positionalID).joined(separator: ",")
            case .matching(let pairs):
                input = pairs.indices.map { "\($0 + 1)\(letter($0))" }.joined(separator: " ")
                stored = pairs.indices.map { "\(Choice.positionalID($0))=\(Choice.positionalID($0))" }.joined(separator: ",")
            case .short(let accept):
                input = "  " + (accept.first ?? "").uppercased() + " "
                stored = ShortAnswer.normalize(accept.first ?? "")
            case .reflection(let store):
                input = "My own words"
                stored = store ? "My own words" : ""
            }
            let name = planned.question.kind.typeName
            guard case .success(let answer) = AnswerParser.parse(input, for: planned) else { return XCTFail("\(name): '\(input)'") }
            let mark = Marker.mark(answer, for: planned.question)
            XCTAssertEqual(mark.canonicalAnswer, stored, name)
            XCTAssertEqual(mark.points, Double(planned.question.maxPoints), name)
            XCTAssertEqual(mark.isCorrect, planned.question.kind.isScored ? true : nil, name)
            if case .success = AnswerParser.parse("", for: planned) { XCTFail("\(name): empty input parses") }
            XCTAssertFalse(planned.inputPrompt.isEmpty, name)
            XCTAssertFalse(planned.inputHelp.key.isEmpty, name)
            XCTAssertFalse(planned.question.previewDetails.isEmpty, name)
        }
        XCTAssertEqual(seen, Set(QuestionKind.typeNames))
    }

    /// Stored answers from earlier versions keep their exact form.
    func testStoredAnswersKeepTheirForm() throws {
        let byType = questionsByType
        func stored(_ type: String, _ answer: Answer) throws -> String {
            Marker.mark(answer, for: try XCTUnwrap(byType[type])).canonicalAnswer
        }
        XCTAssertEqual(try stored("single", .choice(2)), "ask-in-front")
        XCTAssertEqual(try stored("multiple", .choices([2, 0])), "a,c")
        XCTAssertEqual(try stored("true-false", .bool(true)), "true")
        XCTAssertEqual(try stored("order", .order([1, 0, 3, 2])), "b,a,d,c")
        XCTAssertEqual(try stored("matching", .matching([1, 0])), "a=b,b=a")
        XCTAssertEqual(try stored("short", .text("  Professional   Interpreter ")), "professional interpreter")
        XCTAssertEqual(try stored("reflection", .text("Kept as typed ")), "Kept as typed ")
        XCTAssertEqual(try stored("single", .bool(true)), "", "an answer of the wrong shape stores nothing")
        XCTAssertEqual(try stored("order", .skipped), "")
    }
}
