import Foundation
import TrainingKit
import XCTest

/// A mutation fuzzer over the good fixtures: no input crashes the loader, and every rejected file
/// gets at least one located diagnostic. `CARES_FUZZ_CASES` sets the count (the soak script runs 10,000).
final class ModuleFuzzTests: XCTestCase {
    static var caseCount: Int {
        Int(ProcessInfo.processInfo.environment["CARES_FUZZ_CASES"] ?? "") ?? 500
    }

    static let tokens = [
        "&a ", "*a", "{{", "}}", "{{site.", "\t", ": ", "- ", "!!str ", "[", "]", "{", "}", "'", "\"", "#", "|", ">",
        "---\n", "...\n", "? ", "%YAML 1.2\n", "\u{0}", "\u{FEFF}", "\r\n", "\r", "yes", "true", "~", "null", "-1",
        "99999999999999999999", "é", "😀", "\u{202E}", "\\", "  ", "\n", "- id: x\n", "type: single\n", "<<: *a\n",
    ]

    func testMutatedFixturesNeverCrashAndAlwaysExplainRejection() throws {
        let folder = ModuleFixtures.fixturesFolder + "/good"
        let seeds = try ModuleCatalog.yamlFiles(in: folder).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            + [Data(ModuleFixtures.minimal.utf8)]
        let site = Site(facts: ["safeguarding_lead": "x", "interpreter_service": "y"], path: "site.yaml")
        var random = SeededGenerator(seed: 20_261_129)
        var rejected = 0
        for index in 0..<Self.caseCount {
            var bytes = [UInt8](seeds[index % seeds.count])
            let mutations = 1 + random.below(4)
            for _ in 0..<mutations { Self.mutate(&bytes, &random) }
            let result = ModuleLoader().loadModule(source: SourceText(bytes: bytes), path: "fuzz-\(index).yaml", site: site)
            if result.module == nil {
                rejected += 1
                XCTAssertFalse(result.diagnostics.isEmpty, "case \(index) rejected without a diagnostic")
            }
            let lines = SourceText(bytes: bytes).lineCount
            for diagnostic in result.diagnostics {
                XCTAssertTrue(
                    diagnostic.location.line >= 1 && diagnostic.location.line <= lines + 1 && diagnostic.location.column >= 1,
                    "case \(index): \(diagnostic.headline) is outside the file (\(lines) lines)")
            }
        }
        XCTAssertGreaterThan(rejected, Self.caseCount / 4, "the fuzzer should break most files")
    }

    func testHostileFilesAreRejectedWithALocatedDiagnostic() {
        let big = "id: x\nsummary: " + String(repeating: "a", count: 10 << 20)
        let cases: [(String, [UInt8])] = [
            ("alias bomb", Array((["a: &a [x, x]"] + (1...12).map { "b\($0): &b\($0) [*a, *a, *a]" }).joined(separator: "\n").utf8)),
            ("deep flow nesting", Array(("a: " + String(repeating: "[", count: 50_000)).utf8)),
            ("deep block nesting", Array((0..<5_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n").utf8)),
            ("10 MB file", Array(big.utf8)),
            ("invalid UTF-8", [0x69, 0x64, 0x3A, 0x20, 0xC3, 0x28]),
            ("lone continuation bytes", [0x80, 0x80, 0x80]),
            ("overlong encoding", [0x69, 0x64, 0x3A, 0x20, 0xC0, 0xAF]),
            ("surrogate", [0x69, 0x64, 0x3A, 0x20, 0xED, 0xA0, 0x80]),
            ("NUL bytes", [0x69, 0x64, 0x3A, 0x00, 0x00]),
            ("BOM only", [0xEF, 0xBB, 0xBF]),
            ("CRLF junk", Array("id: x\r\n\r\n  - :\r\n".utf8)),
            ("two documents", Array("id: a\n---\nid: b\n".utf8)),
            ("tag", Array("id: !!binary aGk=\n".utf8)),
            ("complex key", Array("? [a, b]\n: c\n".utf8)),
            ("scalar root", Array("just text".utf8)),
            ("90,000 keys with a duplicate", Array(((0..<90_000).map { "k\($0): 1" } + ["k5: 2"]).joined(separator: "\n").utf8)),
            ("list root", Array("- a\n- b\n".utf8)),
        ]
        for (name, bytes) in cases {
            let result = ModuleFixtures.load(bytes: bytes)
            XCTAssertNil(result.module, name)
            XCTAssertFalse(result.diagnostics.isEmpty, "\(name): no diagnostic")
            XCTAssertTrue(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }, name)
        }
    }

    static func mutate(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let count = bytes.count
        switch random.below(8) {
        case 0 where count > 0:
            let start = random.below(count)
            bytes.removeSubrange(start..<min(count, start + 1 + random.below(40)))
        case 1:
            let token = Array(tokens[random.below(tokens.count)].utf8)
            bytes.insert(contentsOf: token, at: random.below(count + 1))
        case 2 where count > 0:
            bytes[random.below(count)] = UInt8(truncatingIfNeeded: random.next())
        case 3:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if lines.count > 1 {
                let a = random.below(lines.count), b = random.below(lines.count)
                lines.swapAt(a, b)
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        case 4:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if !lines.isEmpty {
                let line = random.below(lines.count)
                lines.insert(lines[line], at: line)
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        case 5 where count > 0:
            bytes = Array(bytes.prefix(random.below(count)))
        case 6:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if !lines.isEmpty {
                let line = random.below(lines.count)
                lines[line] = Array(repeating: 0x20, count: random.below(9)) + lines[line].drop { $0 == 0x20 }
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        default:
            let junk = (0..<(1 + random.below(8))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.insert(contentsOf: junk, at: random.below(count + 1))
        }
    }
}
