import Foundation
import TrainingKit

/// Small modules written inline, so each test can name the exact line and column it expects.
enum ModuleFixtures {
    /// A minimal valid module; line numbers are listed on the right of each line for reference.
    static let minimal = """
        id: minimal
        version: 1.0.0
        title: Minimal
        summary: The smallest valid module.
        sources: [Test source]
        objectives:
          - id: privacy
            text: Make space to talk alone
        lessons:
          - id: one
            title: One
            objectives: [privacy]
            body: Some text.
        quiz:
          questions:
            - id: q1
              type: single
              objective: privacy
              prompt: Pick one
              choices:
                - text: Right
                  correct: true
                  feedback: Yes.
                - text: Wrong
                  feedback: No.
        """

    static let site = Site(facts: ["safeguarding_lead": "the on-call social worker"], path: "site.yaml")

    static func load(_ yaml: String, site: Site? = ModuleFixtures.site, limits: YAMLLimits = .default) -> ModuleLoadResult {
        ModuleLoader(limits: limits).loadModule(source: SourceText(yaml), path: "test.yaml", site: site)
    }

    static func load(bytes: [UInt8], site: Site? = ModuleFixtures.site, limits: YAMLLimits = .default) -> ModuleLoadResult {
        ModuleLoader(limits: limits).loadModule(source: SourceText(bytes: bytes), path: "test.yaml", site: site)
    }

    /// The minimal module with one line (1-based) replaced by other lines.
    static func minimal(replacingLine line: Int, with text: String) -> String {
        var lines = minimal.components(separatedBy: "\n")
        lines.replaceSubrange((line - 1)...(line - 1), with: text.components(separatedBy: "\n"))
        return lines.joined(separator: "\n")
    }

    /// The minimal module with some text appended at the end of the quiz's question list.
    static func minimal(addingQuestions text: String) -> String {
        minimal + "\n" + text
    }

    static var fixturesFolder: String {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures").path ?? "Fixtures"
    }
}
