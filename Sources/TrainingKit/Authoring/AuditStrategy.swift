/// A test-wise way of answering a quiz without knowing anything, used by `cares audit`.
///
/// Each strategy answers by typing what a learner would type, so the engine's own parsing and
/// marking score it. Where a strategy's rule does not apply to a question type it answers as
/// `first` does (the first option shown, "true", the order shown). Short answers are skipped (a
/// test-wise learner cannot guess the words) and reflections are skipped (never scored).
public enum AuditStrategy: String, CaseIterable, Hashable, Sendable {
    /// Single choice: the longest option shown. Multiple response: ticks only the longest.
    case longest
    /// The first option shown; true for true/false; order and matching as shown.
    case first
    /// "false" to every true/false item; elsewhere as `first`.
    case alwaysFalse = "false"
    /// Multiple response: ticks every option; elsewhere as `first`.
    case tickAll = "tick-all"
    /// Multiple response: ticks every option but the shortest; elsewhere as `first`.
    case allButShortest = "all-but-shortest"
    /// Uniformly random: an option, a non-empty set of options, true or false, an order, a matching.
    case random
    /// The patterns together: longest single option, "false", every option but the shortest.
    case combined

    /// The name used in output and JSON.
    public var name: String { rawValue }

    /// One line on how the strategy answers, for the text report.
    public var summary: String {
        switch self {
        case .longest: return "always the longest option"
        case .first: return "always the first option shown, \"true\", the order shown"
        case .alwaysFalse: return "always \"false\" (else the first option shown)"
        case .tickAll: return "tick every option (else the first option shown)"
        case .allButShortest: return "tick every option but the shortest (else the first option shown)"
        case .random: return "uniformly random answers"
        case .combined: return "longest option, \"false\", tick all but the shortest"
        }
    }

    /// What to change in a quiz this strategy games.
    public var advice: String {
        switch self {
        case .longest:
            return "make the wrong options as long and specific as the right one, and vary which option is longest"
        case .first:
            return "keep 'shuffle' on and do not put the right option first"
        case .alwaysFalse:
            return "balance true/false items (between 35% and 65% true) or turn some into single-choice questions"
        case .tickAll, .allButShortest:
            return "give multiple-response items about as many wrong options as right ones, so ticking everything earns little"
        case .random:
            return "add scored questions or options, or raise 'pass_mark', so guessing rarely passes"
        case .combined:
            return "vary which option is longest, balance true/false items and add wrong options to multiple-response items"
        }
    }

    /// What the strategy types for a question as shown, or nil when it skips it.
    ///
    /// Choices and order items are typed as 1-based display positions, matchings as `1a 2b …`;
    /// `random` draws from `random` and the other strategies never touch it.
    public func input(for planned: PlannedQuestion, random: inout SeededGenerator) -> String? {
        typed(
            for: Shape(planned.question.kind), shown: planned.displayOrder, optionLengths: Self.optionLengths(planned.question),
            random: &random)?.text
    }

    /// The character count of each choice in YAML order (empty for other types), measured once per question.
    static func optionLengths(_ question: Question) -> [Int] {
        question.kind.choices.map(\.text.count)
    }

    /// What the strategy types at a question of this kind shown in this display order, before it is
    /// written out as text (`Typed.text`); the same draws from `random` as `input(for:random:)`.
    func typed(for shape: Shape, shown: [Int], optionLengths: [Int], random: inout SeededGenerator) -> Typed? {
        switch shape {
        case .single:
            let lengths = shown.map { optionLengths.indices.contains($0) ? optionLengths[$0] : 0 }
            guard !lengths.isEmpty else { return nil }
            switch self {
            case .longest, .combined: return .positions([Self.longest(lengths)])
            case .random: return .positions([random.below(lengths.count)])
            case .first, .alwaysFalse, .tickAll, .allButShortest: return .positions([0])
            }
        case .multiple:
            let lengths = shown.map { optionLengths.indices.contains($0) ? optionLengths[$0] : 0 }
            guard !lengths.isEmpty else { return nil }
            switch self {
            case .longest: return .positions([Self.longest(lengths)])
            case .tickAll: return .positions(Array(lengths.indices))
            case .allButShortest, .combined: return .positions(Self.allButShortest(lengths))
            case .random: return .positions(Self.randomSubset(lengths.count, random: &random))
            case .first, .alwaysFalse: return .positions([0])
            }
        case .trueFalse:
            switch self {
            case .alwaysFalse, .combined: return .truth(false)
            case .random: return .truth(random.below(2) == 0)
            case .longest, .first, .tickAll, .allButShortest: return .truth(true)
            }
        case .order:
            return .positions(self == .random ? random.shuffled(Array(shown.indices)) : Array(shown.indices))
        case .matching(let pairs):
            let rights = self == .random ? random.shuffled(Array(shown.indices)) : Array(shown.indices)
            guard rights.count == pairs else { return nil }
            return .pairs(rights)
        case .none:
            return nil
        }
    }

    /// The display position of the longest text; the first shown wins a tie.
    static func longest(_ lengths: [Int]) -> Int {
        var best = 0
        for (position, length) in lengths.enumerated() where length > lengths[best] { best = position }
        return best
    }

    /// Every display position but the shortest text's (the first shown of equals); all of one option.
    static func allButShortest(_ lengths: [Int]) -> [Int] {
        guard lengths.count > 1 else { return Array(lengths.indices) }
        var shortest = 0
        for (position, length) in lengths.enumerated() where length < lengths[shortest] { shortest = position }
        return lengths.indices.filter { $0 != shortest }
    }

    /// A uniformly drawn non-empty set of display positions.
    static func randomSubset(_ count: Int, random: inout SeededGenerator) -> [Int] {
        while true {
            let picked = (0..<count).filter { _ in random.below(2) == 1 }
            if !picked.isEmpty { return picked }
        }
    }
}
