/// Item-writing checks: patterns a test-wise learner could use to pass without reading the lessons.
///
/// Each finding is a warning located at the question (or the quiz, or the module id) and says what
/// to change; `cares validate --strict` makes them errors. Lengths and words are measured on the
/// text with site placeholders filled, as learners see it. docs/module-format.md lists every rule.
public struct ItemLinter: Sendable {
    /// Single-choice items whose correct option is the longest: the most a module may have.
    public var longestShareLimit = 0.40
    /// The most the correct option may be longer than the distractors, on average.
    public var lengthRatioLimit = 1.25
    /// The share of `true` answers a module's true/false items keep within …
    public var trueShareRange = 0.35...0.65
    /// … once it has at least this many of them.
    public var trueFalseMinimum = 4
    /// Ticking every option of a multiple-response item must score below this.
    public var tickAllLimit = 0.5
    /// Two questions whose key words overlap this much (Jaccard) are near-duplicates.
    public var duplicateThreshold = 0.6

    public init() {}

    /// The warnings about one module's questions; `facts` fill site placeholders first.
    public func lint(_ module: Module, facts: [String: String] = [:]) -> [Diagnostic] {
        let bag = DiagnosticBag(file: module.path)
        let filled = module.fillingPlaceholders(facts)
        let questions = filled.quiz.allQuestions.filter { $0.kind.isScored }
        checkOptionLengths(questions, bag: bag)
        checkTrueFalseBalance(questions, bag: bag)
        for question in questions {
            checkTickAll(question, bag: bag)
            checkRevealedAnswer(question, title: filled.title, bag: bag)
            checkKeyWordsOnlyInCorrect(question, bag: bag)
            checkDoubleNegative(question, bag: bag)
        }
        return bag.sorted
    }

    /// The warnings that need the whole set: near-duplicate questions, and pools and attempts of required modules.
    public func lint(set: ModuleSet) -> [Diagnostic] {
        let facts = set.site?.facts ?? [:]
        let required = Set(set.site?.requirements.flatMap(\.modules) ?? [])
        var diagnostics: [Diagnostic] = []
        for result in set.results {
            guard let module = result.module, required.contains(module.id) else { continue }
            diagnostics += checkRequired(module, idLocation: result.idLocation ?? .start)
        }
        // Filled on all cores: every text of every module is copied.
        let loaded = ModuleCatalog.concurrentMap(set.results.compactMap(\.module)) { $0.fillingPlaceholders(facts) }
        return diagnostics + NearDuplicateFinder(threshold: duplicateThreshold).diagnostics(for: loaded)
    }

    static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    static func ratio(_ value: Double) -> String {
        String(Double((value * 100).rounded()) / 100) + "×"
    }
}
