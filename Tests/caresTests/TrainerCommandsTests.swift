import Foundation
import TrainingKit
import XCTest

/// The trainer commands run as the built binary: preview, new, schema, export gift and import gift.
final class TrainerCommandsTests: XCTestCase {
    let good = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
    let modules = CaresProcess.repositoryRoot.appendingPathComponent("modules").path

    /// A folder with the every-type fixture, its site file, and a module whose text needs HTML escaping.
    private func workFolder() throws -> URL {
        let folder = try CaresProcess.temporaryFolder(self)
        for name in ["every-type.yaml", "site.yaml"] {
            try FileManager.default.copyItem(atPath: good + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        return folder
    }

    // MARK: preview

    func testPreviewTextShowsAnswersFeedbackAndFilledPlaceholders() throws {
        let home = try CaresProcess.temporaryFolder(self)
        let database = home.appendingPathComponent("never.sqlite").path
        let output = try CaresProcess.run(
            ["preview", "every-type", "--modules", good], environment: ["CARES_DATABASE": database, "COLUMNS": "100"])
        XCTAssertEqual(output.status, 0, output.stderr)
        for expected in [
            "Every question type", "every-type · version 1.2.0",
            "[x] a) Tell him you see every patient alone for part of the visit",
            "Feedback: A routine policy gives a neutral reason.",
            "[ ] ask-in-front) Ask her in front of him whether she is safe",
            "Hint: Think of a routine reason.", "Explanation: Privacy comes first.",
            "Answer: false", "Feedback when incorrect: Agreement in front of a possible controller is not free.",
            "1) State the routine policy", "1) Interpreter → Interpret everything, add nothing",
            "• professional", "Scenario · ed-wrist · A wrist injury in the emergency department",
            "Contact the on-call social worker (pager 1234) if you are worried.", "reading grade",
            "type: single · 1 point", "multiple · 2 points",
        ] {
            XCTAssertTrue(output.stdout.localizedCaseInsensitiveContains(expected), "missing: \(expected)\n\(output.stdout)")
        }
        XCTAssertFalse(output.stdout.contains("{{site."))
        XCTAssertFalse(output.stdout.contains("\u{1B}["))
        XCTAssertFalse(FileManager.default.fileExists(atPath: database), "preview must not open the record store")
    }

    func testPreviewMarkdownAndHTML() throws {
        let folder = try workFolder()
        let path = folder.appendingPathComponent("every-type.yaml").path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "explanation: Privacy comes first.", with: "explanation: \"Privacy <script>alert('x')</script> & **first**.\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let markdown = try CaresProcess.run(["preview", path, "--format", "markdown"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.hasPrefix("# Every question type\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("- [x] **a)** Tell him you see every patient alone"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("  - *Feedback:* A routine policy gives a neutral reason."))
        XCTAssertTrue(markdown.stdout.contains("#### Question 8 · wrist-first"))

        let htmlFile = folder.appendingPathComponent("preview.html").path
        let html = try CaresProcess.run(["preview", path, "--format", "html", "--output", htmlFile])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertEqual(html.stdout, "")
        let page = try String(contentsOfFile: htmlFile, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("Privacy &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <strong>first</strong>."), page)
        XCTAssertFalse(page.contains("<script"), "module text is escaped")
        XCTAssertFalse(page.contains("src=") || page.contains("href="), "self-contained")
        XCTAssertTrue(page.contains("✓ correct"))
        XCTAssertTrue(page.contains("the on-call social worker (pager 1234)"))
    }

    func testPreviewFailures() throws {
        let unknown = try CaresProcess.run(["preview", "every-typ", "--modules", good])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("Did you mean 'every-type'?"), unknown.stderr)
        let broken = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/bad/broken-choices.yaml").path
        let bad = try CaresProcess.run(["preview", broken])
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("cares validate"), bad.stderr)
        XCTAssertEqual(try CaresProcess.run(["preview", "every-type", "--modules", good, "--format", "pdf"]).status, 64)
    }

    // MARK: new

    func testNewWritesAModuleThatValidatesStrictlyAndRefusesToOverwrite() throws {
        let folder = try CaresProcess.temporaryFolder(self)
        try FileManager.default.copyItem(atPath: modules + "/site.yaml", toPath: folder.appendingPathComponent("site.yaml").path)
        let created = try CaresProcess.run(["new", "discharge-planning", "--title", "Discharge: \"safe\" planning", "--output", folder.path])
        XCTAssertEqual(created.status, 0, created.stderr)
        let path = folder.appendingPathComponent("discharge-planning.yaml").path
        XCTAssertTrue(created.stdout.contains("Wrote \(path)"))
        let validate = try CaresProcess.run(["validate", "--strict", path])
        XCTAssertEqual(validate.status, 0, validate.stdout)
        let module = try XCTUnwrap(ModuleLoader().loadModule(at: path, site: nil).module)
        XCTAssertEqual(module.title, "Discharge: \"safe\" planning")
        XCTAssertEqual(Set(module.quiz.allQuestions.map(\.kind.typeName)), Set(QuestionKind.typeNames))
        XCTAssertTrue(module.quiz.units.contains { $0.scenario != nil })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("# "), "the scaffold is commented")

        try "edited".write(toFile: path, atomically: true, encoding: .utf8)
        let again = try CaresProcess.run(["new", "discharge-planning", "--output", folder.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "edited")
    }

    func testNewChecksTheIDAndFolder() throws {
        let badID = try CaresProcess.run(["new", "Discharge_Planning", "--output", NSTemporaryDirectory()])
        XCTAssertEqual(badID.status, 64)
        XCTAssertTrue(badID.stderr.contains("try 'discharge-planning'"), badID.stderr)
        let noFolder = try CaresProcess.run(["new", "x", "--output", "/nonexistent/folder"])
        XCTAssertEqual(noFolder.status, 1)
    }

    // MARK: schema

    func testSchemaCommandPrintsTheCommittedSchema() throws {
        let committed = try String(
            contentsOf: CaresProcess.repositoryRoot.appendingPathComponent("schema/module.schema.json"), encoding: .utf8)
        let output = try CaresProcess.run(["schema"])
        XCTAssertEqual(output.status, 0)
        XCTAssertEqual(output.stdout, committed)
        let folder = try CaresProcess.temporaryFolder(self)
        let file = folder.appendingPathComponent("s.json").path
        XCTAssertEqual(try CaresProcess.run(["schema", "--output", file]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), committed)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(committed.utf8)))
    }

    // MARK: GIFT

    func testExportGIFTThenImportKeepsTheQuestions() throws {
        let folder = try workFolder()
        let gift = folder.appendingPathComponent("bank.gift").path
        let export = try CaresProcess.run(["export", "gift", "every-type", "--modules", folder.path, "--output", gift])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stderr.contains("every-type.yaml:68:7: warning: question 'first-steps': GIFT has no ordering questions; left out"), export.stderr)
        XCTAssertTrue(export.stderr.contains("warning: question 'own-words': reflections"), export.stderr)
        XCTAssertTrue(export.stderr.contains("Exported 7 questions to \(gift)"), export.stderr)
        let text = try String(contentsOfFile: gift, encoding: .utf8)
        XCTAssertTrue(text.contains("::alone::A companion answers every question. What next?{"))
        XCTAssertTrue(text.contains("~%50%A telephone interpreter#Professional and impartial."))
        XCTAssertTrue(text.contains("FALSE#Agreement in front of a possible controller is not free.#Right."))
        XCTAssertTrue(text.contains("=Interpreter -> Interpret everything, add nothing"))

        let yaml = folder.appendingPathComponent("imported/every-type.yaml").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("imported").path, withIntermediateDirectories: true)
        let importRun = try CaresProcess.run(["import", "gift", gift, "--output", yaml, "--modules", folder.path])
        XCTAssertEqual(importRun.status, 0, importRun.stderr)
        XCTAssertTrue(importRun.stderr.contains("Imported 7 questions into \(yaml)."), importRun.stderr)
        let validate = try CaresProcess.run(["validate", yaml])
        XCTAssertEqual(validate.status, 0, validate.stdout)
        let original = try XCTUnwrap(ModuleLoader().loadModule(at: folder.appendingPathComponent("every-type.yaml").path, site: ModuleLoader().loadSite(at: folder.appendingPathComponent("site.yaml").path).site).module)
        let back = try XCTUnwrap(ModuleLoader().loadModule(at: yaml, site: nil).module)
        for question in back.quiz.allQuestions {
            guard let before = original.quiz.question(id: question.id) else { return XCTFail("unexpected \(question.id)") }
            XCTAssertEqual(question.kind.typeName, before.kind.typeName)
            XCTAssertEqual(question.kind.choices.map(\.text), before.kind.choices.map(\.text))
            XCTAssertEqual(question.kind.choices.map(\.feedback), before.kind.choices.map(\.feedback))
            XCTAssertEqual(question.explanation.map { $0.hasSuffix(before.explanation ?? "") }, before.explanation.map { _ in true })
        }
        XCTAssertTrue(try String(contentsOfFile: yaml, encoding: .utf8).contains("summary: \"TODO:"))

        let refuse = try CaresProcess.run(["import", "gift", gift, "--output", yaml])
        XCTAssertEqual(refuse.status, 1)
        XCTAssertTrue(refuse.stderr.contains("already exists"), refuse.stderr)
    }

    func testImportGIFTToStandardOutputWithWarningsAndID() throws {
        let folder = try CaresProcess.temporaryFolder(self)
        let gift = folder.appendingPathComponent("moodle.gift").path
        try """
            // from Moodle
            ::Q1::Which is right?{=This one#Yes ~That one#No}

            ::Essay::Tell us more.{}
            """.write(toFile: gift, atomically: true, encoding: .utf8)
        let output = try CaresProcess.run(["import", "gift", gift, "--id", "moodle-bank"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("id: \"moodle-bank\""), output.stdout)
        XCTAssertTrue(output.stderr.contains("moodle.gift:4:1: warning: question 'Essay': essay questions"), output.stderr)
        XCTAssertTrue(output.stderr.contains("Imported 1 question, left out 1; 1 warning above."), output.stderr)
        let module = ModuleLoader().loadModule(source: SourceText(output.stdout), path: "x.yaml", site: nil)
        XCTAssertEqual(module.diagnostics.filter { $0.severity == .error }.map(\.headline), [])

        try "::E::Essay{}\n".write(toFile: gift, atomically: true, encoding: .utf8)
        let nothing = try CaresProcess.run(["import", "gift", gift])
        XCTAssertEqual(nothing.status, 65)
        XCTAssertTrue(nothing.stderr.contains("no question"), nothing.stderr)
        XCTAssertEqual(try CaresProcess.run(["import", "gift", gift, "--id", "Bad ID"]).status, 64)
        XCTAssertEqual(try CaresProcess.run(["import", "gift", "/nonexistent.gift"]).status, 1)
    }
}
