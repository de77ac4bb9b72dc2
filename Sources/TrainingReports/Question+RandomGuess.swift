import TrainingKit

extension Question {
    /// The expected score (fraction of the maximum) of answering at random; nil for reflections.
    ///
    /// Single choice: correct choices ÷ choices; true/false: ½; multiple: the mean mark over every
    /// subset of the choices (each ticked or not with even odds, up to 12 choices); order and
    /// matching: 1 ÷ items (the expected share in place under a random arrangement); short answer: 0.
    var randomGuessScore: Double? {
        switch kind {
        case .single(let choices):
            return choices.isEmpty ? nil : Double(choices.filter(\.isCorrect).count) / Double(choices.count)
        case .trueFalse:
            return 0.5
        case .multiple(let choices):
            guard !choices.isEmpty, choices.count <= 12, maxPoints > 0 else { return nil }
            let subsets = 1 << choices.count
            var total = 0.0
            for mask in 0..<subsets {
                let picked = Set(choices.indices.filter { mask & (1 << $0) != 0 })
                total += Marker.mark(.choices(picked), for: self).points / Double(maxPoints)
            }
            return total / Double(subsets)
        case .order(let items):
            return items.isEmpty ? nil : 1 / Double(items.count)
        case .matching(let pairs):
            return pairs.isEmpty ? nil : 1 / Double(pairs.count)
        case .short:
            return 0
        case .reflection:
            return nil
        }
    }
}
