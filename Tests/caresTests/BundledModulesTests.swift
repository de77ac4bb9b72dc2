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

    /// docs/objectives-coverage.md cites only lessons and questions that exist.
    func testObjectivesCoverageCitesRealIDs() throws {
        let doc = try String(
            contentsOf: CaresProcess.repositoryRoot.appendingPathComponent("docs/objectives-coverage.md"), encoding: .utf8)
        let set = ModuleCatalog().load(paths: [Self.modulesFolder])
        var known: [String: Set<String>] = [:]
        for module in set.modules {
            known[module.id] = Set(module.lessons.map(\.id) + module.quiz.allQuestions.map(\.id))
        }
        var cited = 0
        for line in doc.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst(2).map(String.init)
            for cell in cells {
                for group in cell.components(separatedBy: "; ") where group.contains("›") {
                    let parts = group.components(separatedBy: "›")
                    guard let moduleID = Self.backticked(parts[0]).first else { continue }
                    guard let ids = known[moduleID] else {
                        XCTFail("unknown module '\(moduleID)' in: \(line)")
                        continue
                    }
                    for id in Self.backticked(parts[1]) {
                        cited += 1
                        XCTAssertTrue(ids.contains(id), "'\(moduleID)' has no lesson or question '\(id)': \(line)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(cited, 40)
        let source = CaresProcess.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/source/presentations.txt")
        if let text = try? String(contentsOf: source, encoding: .utf8) {
            for objective in Self.statedObjectives(text) {
                XCTAssertTrue(doc.contains(objective), "objective missing from the coverage document: \(objective)")
            }
        }
    }

    static func backticked(_ text: String) -> [String] {
        text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
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
