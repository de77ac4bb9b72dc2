import Foundation
import TrainingKit
import XCTest

/// The JSON Schema of `cares schema`: committed, well formed, and in agreement with the validator.
final class ModuleSchemaTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemaFixtures = ModuleFixtures.fixturesFolder + "/schema"

    func testCommittedSchemaIsTheGeneratedOne() throws {
        let committed = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent(ModuleSchema.repositoryPath), encoding: .utf8)
        XCTAssertEqual(committed, ModuleSchema.text, "run: swift run cares schema --output \(ModuleSchema.repositoryPath)")
    }

    func testSchemaIsValidJSONWithTheDraftAndEveryQuestionType() throws {
        let object = try JSONSerialization.jsonObject(with: Data(ModuleSchema.text.utf8)) as? [String: Any]
        XCTAssertEqual(object?["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        for type in QuestionKind.typeNames {
            XCTAssertTrue(ModuleSchema.text.contains("\"const\": \"\(type)\""), type)
        }
    }

    /// Both accept the good fixtures and every bundled module; both reject the structurally bad
    /// fixtures; the semantic faults are the validator's alone (the schema accepts them).
    func testSchemaAndValidatorAgreeOnTheFixtures() throws {
        let good = yamlFiles("good")
        let bad = yamlFiles("bad")
        let semantic = yamlFiles("semantic")
        let modulesFolder = Self.repositoryRoot.appendingPathComponent("modules").path
        let bundled = ModuleCatalog.yamlFiles(in: modulesFolder).filter { !ModuleLoader.isSiteFile($0) }
        XCTAssertGreaterThanOrEqual(good.count, 3)
        XCTAssertGreaterThanOrEqual(bad.count, 20)
        XCTAssertGreaterThanOrEqual(semantic.count, 5)
        XCTAssertGreaterThanOrEqual(bundled.count, 9)

        let schemaResults = try runSchemaCheck(good + bad + semantic + bundled)
        let site = ModuleLoader().loadSite(at: modulesFolder + "/site.yaml").site
        func validatorErrors(_ path: String, site: Site?) -> [String] {
            ModuleLoader().loadModule(at: path, site: site).diagnostics.filter { $0.severity == .error }.map(\.headline)
        }
        for path in good {
            XCTAssertEqual(validatorErrors(path, site: nil), [], "validator rejects a good fixture")
            XCTAssertEqual(schemaResults[path] ?? ["missing"], [], "schema rejects good fixture \(path)")
        }
        for path in bundled {
            XCTAssertEqual(validatorErrors(path, site: site), [], "validator rejects a bundled module")
            XCTAssertEqual(schemaResults[path] ?? ["missing"], [], "schema rejects bundled module \(path)")
        }
        for path in bad {
            XCTAssertFalse(validatorErrors(path, site: nil).isEmpty, "validator accepts bad fixture \(path)")
            XCTAssertFalse((schemaResults[path] ?? []).isEmpty, "schema accepts bad fixture \(path)")
        }
        for path in semantic {
            XCTAssertFalse(validatorErrors(path, site: nil).isEmpty, "validator accepts semantic fixture \(path)")
            XCTAssertEqual(schemaResults[path] ?? ["missing"], [], "semantic fixture \(path) should pass the schema")
        }
    }

    private func yamlFiles(_ folder: String) -> [String] {
        ModuleCatalog.yamlFiles(in: Self.schemaFixtures + "/" + folder)
    }

    /// Runs check_schema.py with Python's jsonschema; skips (or fails on CI) when it is not installed.
    private func runSchemaCheck(_ files: [String]) throws -> [String: [String]] {
        let probe = try python(["-c", "import jsonschema, yaml"])
        if probe.status != 0 {
            let message = "Python 3 with jsonschema and PyYAML is needed (Debian: apt-get install python3-jsonschema python3-yaml)"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail(message)
                return [:]
            }
            throw XCTSkip(message)
        }
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent("cares-schema-\(UUID().uuidString).json")
        try ModuleSchema.text.write(to: schemaFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let run = try python([Self.schemaFixtures + "/check_schema.py", schemaFile.path] + files)
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [String]]
        return try XCTUnwrap(object, run.stdout)
    }

    private func python(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (127, "", "\(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
