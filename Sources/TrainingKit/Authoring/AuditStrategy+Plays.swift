extension AuditStrategy {
    /// One thing a strategy may type at a question, the display order it is typed against, and its
    /// probability over the plan's shuffles and the strategy's own random draws.
    struct WeightedPlay: Equatable, Sendable {
        var typed: Typed?
        var shown: [Int]
        var probability: Double
    }

    /// Order and matching items beyond this many are not enumerated (7! is 5,040 answers).
    static let enumeratedItems = 6
    /// Multiple-response options beyond this many are not enumerated for `random` (2¹⁰ − 1 sets).
    static let enumeratedOptions = 10

    /// Everything this strategy may type at a question of `kind`, with its probability, when the
    /// quiz draws display orders as `QuizPlan` does (`shuffle` for choices; order and matching
    /// items are always shown in an order other than the right one); nil when there are too many
    /// to list.
    ///
    /// Where the strategy's answer depends on the display order, it is given in the question's own
    /// order (shown as `0, 1, …`): under a uniform shuffle the first option shown is each option
    /// with equal chance, and the first shown of several equally long options is each of them with
    /// equal chance. `PassBound` marks each play with the engine's own parser and marker.
    func plays(for kind: QuestionKind, shuffle: Bool, optionLengths: [Int]) -> [WeightedPlay]? {
        let shape = Shape(kind)
        switch shape {
        case .none:
            return [WeightedPlay(typed: nil, shown: [], probability: 1)]
        case .trueFalse:
            guard self == .random else { return [WeightedPlay(typed: fixedTyped(shape, shown: [], lengths: []), shown: [], probability: 1)] }
            return [WeightedPlay(typed: .truth(true), shown: [], probability: 0.5), WeightedPlay(typed: .truth(false), shown: [], probability: 0.5)]
        case .single, .multiple:
            return choicePlays(shape, shuffle: shuffle, lengths: optionLengths)
        case .order:
            guard case .order(let items) = kind else { return nil }
            return permutationPlays(count: items.count) { .positions($0) }
        case .matching(let pairs):
            return permutationPlays(count: pairs) { .pairs($0) }
        }
    }

    /// The first strategy (in `allCases` order) that types what this one types at every question of
    /// this shape, so that the plays of strategies alike are listed and marked once.
    func sharingPlays(at shape: Shape) -> AuditStrategy {
        switch (shape, self) {
        case (.none, _): return .longest
        case (_, .random): return .random
        case (.single, .longest), (.single, .combined): return .longest
        case (.single, _): return .first
        case (.multiple, .allButShortest), (.multiple, .combined): return .allButShortest
        case (.multiple, .alwaysFalse): return .first
        case (.multiple, _): return self
        case (.trueFalse, .alwaysFalse), (.trueFalse, .combined): return .alwaysFalse
        case (.trueFalse, _): return .longest
        case (.order, _), (.matching, _): return .longest
        }
    }

    /// The strategy's answer where it does not draw at random (never for `random`).
    private func fixedTyped(_ shape: Shape, shown: [Int], lengths: [Int]) -> Typed? {
        var unused = SeededGenerator(seed: 0)
        return typed(for: shape, shown: shown, optionLengths: lengths, random: &unused)
    }

    /// Single and multiple choice: choices in the question's own order.
    private func choicePlays(_ shape: Shape, shuffle: Bool, lengths: [Int]) -> [WeightedPlay]? {
        let count = lengths.count
        let identity = Array(0..<count)
        guard count > 0 else { return [WeightedPlay(typed: nil, shown: identity, probability: 1)] }
        func each(_ options: [Int], _ answer: (Int) -> [Int]) -> [WeightedPlay] {
            options.map { WeightedPlay(typed: .positions(answer($0)), shown: identity, probability: 1 / Double(options.count)) }
        }
        let single: Bool
        if case .single = shape { single = true } else { single = false }
        if self == .random {
            if single { return each(identity) { [$0] } }
            guard count <= Self.enumeratedOptions else { return nil }
            let sets = (1..<(1 << count)).map { mask in identity.filter { mask & (1 << $0) != 0 } }
            return each(Array(sets.indices)) { sets[$0] }
        }
        guard shuffle else { return [WeightedPlay(typed: fixedTyped(shape, shown: identity, lengths: lengths), shown: identity, probability: 1)] }
        let most = lengths.max() ?? 0
        let least = lengths.min() ?? 0
        let longest = identity.filter { lengths[$0] == most }
        let shortest = identity.filter { lengths[$0] == least }
        switch (self, single) {
        case (.longest, _), (.combined, true):
            return each(longest) { [$0] }
        case (.tickAll, false):
            return [WeightedPlay(typed: .positions(identity), shown: identity, probability: 1)]
        case (.allButShortest, false), (.combined, false):
            guard count > 1 else { return [WeightedPlay(typed: .positions(identity), shown: identity, probability: 1)] }
            return each(shortest) { left in identity.filter { $0 != left } }
        default:
            // The first option shown.
            return each(identity) { [$0] }
        }
    }

    /// Order and matching: every strategy but `random` types the order shown, which is any order but
    /// the right one with equal chance; `random` types a uniformly random order, whatever is shown.
    private func permutationPlays(count: Int, _ typed: ([Int]) -> Typed) -> [WeightedPlay]? {
        guard count <= Self.enumeratedItems else { return nil }
        let identity = Array(0..<count)
        let orders = Self.listedPermutations[count]
        if self == .random {
            return orders.map { WeightedPlay(typed: typed($0), shown: identity, probability: 1 / Double(orders.count)) }
        }
        let shown = count > 1 ? orders.filter { $0 != identity } : orders
        return shown.map { WeightedPlay(typed: typed(identity), shown: $0, probability: 1 / Double(shown.count)) }
    }

    /// `permutations(n)` for each n up to `enumeratedItems`, made once.
    private static let listedPermutations = (0...enumeratedItems).map(permutations)

    /// Every ordering of `0..<count`.
    static func permutations(_ count: Int) -> [[Int]] {
        var result: [[Int]] = [[]]
        for item in 0..<count {
            result = result.flatMap { partial in (0...partial.count).map { at in
                var next = partial
                next.insert(item, at: at)
                return next
            } }
        }
        return result
    }
}
