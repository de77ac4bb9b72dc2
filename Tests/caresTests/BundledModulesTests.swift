import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// The modules shipped in modules/: they validate strictly, and each can be passed end to end.
final class BundledModulesTests: XCTestCase {
    static let modulesFolder = CaresProcess.repositoryRoot.appendingPathComponent("modules").path

    func testEveryBundledModuleValidatesStrictly() throws {
        let output = try CaresProcess.run(["validate", "--strict", Self.modulesFolder])
        XCTAssertEqual(output.status, 0, output.stdout)
        let set = ModuleCatalog().load(paths: [Self.modulesFolder])
        XCTAssertGreaterThanOrEqual(set.modules.count, 9)
        XCTAssertEqual(set.diagnostics.map(\.headline), [])
    }

    /// Both example sites (Ontario, the default, and the US one) validate strictly with every module.
    func testEveryBundledModuleValidatesStrictlyWithEachExampleSite() throws {
        let us = CaresProcess.repositoryRoot.appendingPathComponent("examples/sites/us.yaml").path
        let output = try CaresProcess.run(["validate", "--strict", "--site", us, Self.modulesFolder])
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)
        let set = ModuleCatalog(siteFile: us).load(paths: [Self.modulesFolder])
        XCTAssertEqual(set.diagnostics.map(\.headline), [])
        XCTAssertEqual(set.site?.path, us)
        let ontario = ModuleCatalog().load(paths: [Self.modulesFolder]).site
        XCTAssertEqual(Set(ontario?.facts.keys ?? [:].keys), Set(set.site?.facts.keys ?? [:].keys), "both sites define the same facts")
        let environment = try CaresProcess.run(["validate", "--strict", Self.modulesFolder], environment: ["CARES_SITE": us])
        XCTAssertEqual(environment.status, 0, environment.stdout)
        let missing = try CaresProcess.run(["validate", "--site", "/nonexistent/site.yaml", Self.modulesFolder])
        XCTAssertNotEqual(missing.status, 0, "a named site file that does not exist is an error")
    }

    func testEachModuleCanBePassedWithScriptedCorrectAnswers() throws {
        let home = try CaresProcess.temporaryFolder(self)
        let set = ModuleCatalog().load(paths: [Self.modulesFolder])
        let facts = set.site?.facts ?? [:]
        for module in set.modules {
            let seed: UInt64 = 20_261_129
            let script = AnswerScript(module: module.fillingPlaceholders(facts), seed: seed)
            let output = try CaresProcess.run(
                ["take", module.id, "--modules", Self.modulesFolder, "--database", home.appendingPathComponent("db.sqlite").path,
                 "--learner", "rn-4471", "--seed", String(seed)],
                input: script.lines(AnswerScript.right).joined(separator: "\n") + "\n",
                environment: ["XDG_CONFIG_HOME": home.path + "/config", "CARES_LEARNER": "", "CARES_DATABASE": ""])
            XCTAssertEqual(output.status, 0, "\(module.id): \(output.stderr)")
            XCTAssertTrue(output.stdout.contains("· PASSED"), "\(module.id) did not pass:\n\(output.stdout.suffix(800))")
            XCTAssertFalse(output.stdout.contains("{{site."), "\(module.id) shows an unfilled placeholder")
        }
    }

    func testModuleTextHasNoHardCodedPhoneNumbers() throws {
        let pattern = try NSRegularExpression(pattern: #"\b\d{3}[-. ]\d{3,4}([-. ]\d{4})?\b|\b(911|988|999|112)\b"#)
        for file in ModuleCatalog.yamlFiles(in: Self.modulesFolder) where !ModuleLoader.isSiteFile(file) {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertEqual(matches.count, 0, "\(file) has a phone-number-like string; use a {{site.…}} placeholder")
        }
    }

    /// Coverage of the source objectives is machine-checked. docs/objectives.yaml maps each source objective to
    /// module objectives; `scripts/objectives-coverage.py --check` fails unless every taught objective has a lesson
    /// and at least two scored questions citing them, every source objective appears exactly once, and the
    /// committed docs/objectives-coverage.md equals what the script generates from the modules.
    func testObjectivesCoverageIsCheckedByTheScript() throws {
        let root = CaresProcess.repositoryRoot
        let quotedRoot = "'" + root.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let output = try CaresProcess.runShell("cd \(quotedRoot) && python3 scripts/objectives-coverage.py --check 2>&1")
        XCTAssertEqual(output.status, 0, "scripts/objectives-coverage.py --check failed:\n\(output.stdout)\(output.stderr)")
        XCTAssertTrue(output.stdout.contains("objectives coverage OK"), output.stdout)

        // Every objective stated in the source appears, word for word, in the mapping and in the document.
        let mapping = try String(contentsOf: root.appendingPathComponent("docs/objectives.yaml"), encoding: .utf8)
        let doc = try String(contentsOf: root.appendingPathComponent("docs/objectives-coverage.md"), encoding: .utf8)
        let source = root.deletingLastPathComponent().appendingPathComponent("shared/source/presentations.txt")
        if let text = try? String(contentsOf: source, encoding: .utf8) {
            let objectives = Self.statedObjectives(text)
            XCTAssertGreaterThanOrEqual(objectives.count, 29)
            for objective in objectives {
                XCTAssertTrue(mapping.contains(objective), "objective missing from docs/objectives.yaml: \(objective)")
                XCTAssertTrue(doc.contains(objective), "objective missing from the coverage document: \(objective)")
            }
        }
    }

    /// The bullets under each "Presentation Objectives:" in the source.
    static func statedObjectives(_ text: String) -> [String] {
        var result: [String] = []
        var inObjectives = false
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Presentation Objectives") { inObjectives = true; continue }
            if trimmed.hasPrefix("•") && inObjectives {
                result.append(trimmed.dropFirst().trimmingCharacters(in: .whitespaces))
            } else if !trimmed.isEmpty && !trimmed.hasPrefix("•") && inObjectives && trimmed != "Read More" {
                inObjectives = false
            }
        }
        return result
    }
}
