import TrainingKit
import XCTest

/// The complete fixture loads with every field mapped as the format describes.
final class ModuleLoadingTests: XCTestCase {
    func testCompleteFixtureLoadsEveryField() throws {
        let set = ModuleCatalog().load(paths: [ModuleFixtures.fixturesFolder + "/good"])
        XCTAssertEqual(set.diagnostics.map(\.headline), [])
        let module = try XCTUnwrap(set.module(id: "every-type"))
        XCTAssertEqual(module.version, SemanticVersion(major: 1, minor: 2, patch: 0))
        XCTAssertEqual(module.audience, ["emergency", "nursing"])
        XCTAssertEqual(module.estimatedMinutes, 10)
        XCTAssertEqual(module.maxAttempts, 3)
        XCTAssertEqual(module.validForDays, 365)
        XCTAssertEqual(module.quiz.draw, 6)
        XCTAssertEqual(module.quiz.units.count, 8)
        XCTAssertEqual(module.quiz.allQuestions.count, 9)
        XCTAssertEqual(module.contentHash.count, 64)
        let kinds = module.quiz.allQuestions.map(\.kind.typeName)
        XCTAssertEqual(Set(kinds), Set(QuestionKind.typeNames))
        let alone = try XCTUnwrap(module.quiz.question(id: "alone"))
        XCTAssertEqual(alone.kind.choices.map(\.id), ["a", "b", "ask-in-front"])
        XCTAssertEqual(module.quiz.question(id: "who-interprets")?.points, 2)
        XCTAssertEqual(module.quiz.question(id: "wrist-yes")?.prompt, "yes")
        XCTAssertEqual(
            module.quiz.question(id: "family-interpreter")?.feedback,
            .byOutcome(correct: "Right.", incorrect: "Agreement in front of a possible controller is not free."))
        XCTAssertEqual(module.quiz.question(id: "own-words")?.kind, .reflection(store: true))
        XCTAssertEqual(module.quiz.units.last?.scenario?.questions.count, 2)
        XCTAssertTrue(module.closing?.contains("{{site.safeguarding_lead}}") ?? false)
        let site = try XCTUnwrap(set.site)
        XCTAssertEqual(site.xapiHomePage, "https://lms.example.org")
        XCTAssertEqual(site.requiredModules(department: "Emergency", role: "RN"), ["every-type"])
    }

    func testPlaceholdersFill() {
        XCTAssertEqual(
            Placeholder.fill("Call {{site.lead}} or {{ site.lead }}.", facts: ["lead": "Sam's team"]),
            "Call Sam's team or Sam's team.")
        XCTAssertEqual(Placeholder.fill("{{site.none}}", facts: [:]), "{{site.none}}")
        let facts = ["lead": "Sam", "line": "{{site.lead}}", "unit": "Équipe née"]
        XCTAssertEqual(
            Placeholder.fill("{{site.unit}}: {{site.other}}, {{Site.lead}}, {{site.line}}, {{site.lead}}{{site.lead}} {{site.lead", facts: facts),
            "Équipe née: {{site.other}}, {{Site.lead}}, {{site.lead}}, SamSam {{site.lead",
            "unknown and malformed placeholders stay; a fact's value is not filled again; an unclosed one stays")
        XCTAssertEqual(Placeholder.fill("no braces {here}", facts: facts), "no braces {here}")
    }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hexDigest(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hexDigest([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        XCTAssertEqual(SHA256.hexDigest(long), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let mac = SHA256.hmac(key: Array("key".utf8), message: Array("The quick brown fox jumps over the lazy dog".utf8))
        XCTAssertEqual(SHA256.hex(mac), "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
    }

    func testSiteFileProblemsAreLocated() {
        let yaml = """
            facts:
              Bad-Key: x
              empty:
            requirements:
              - modules: [a]
            xapi:
              home_page: lms.example.org
            """
        let result = ModuleLoader().loadSite(source: SourceText(yaml), path: "site.yaml")
        let positions = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        XCTAssertTrue(positions.contains { $0.hasPrefix("2:3 fact key 'Bad-Key' is not snake_case") }, positions.description)
        XCTAssertTrue(positions.contains { $0.hasPrefix("3:3 fact 'empty' has no value") }, positions.description)
        XCTAssertTrue(positions.contains { $0.hasPrefix("5:5 a requirement has no 'departments'") }, positions.description)
        XCTAssertTrue(positions.contains { $0.hasPrefix("7:14 'home_page' must be an http(s) URL") }, positions.description)
        XCTAssertNil(result.site)
    }
}
