import TrainingKit

/// Per objective, in how many analysed attempts the points on its questions reached the pass mark.
struct ObjectiveMastery {
    private var counts: [String: (attempts: Int, mastered: Int)] = [:]

    init(attempts: [AnalysedAttempt], module: Module?, passMark: Double) {
        let objectives = Dictionary(
            (module?.quiz.allQuestions ?? []).map { ($0.id, $0.objective) }, uniquingKeysWith: { first, _ in first })
        for attempt in attempts {
            var sums: [String: (points: Double, max: Double)] = [:]
            for (questionID, answer) in attempt.answers {
                guard let objective = objectives[questionID] else { continue }
                var entry = sums[objective] ?? (0, 0)
                entry.points += answer.points
                entry.max += answer.maxPoints
                sums[objective] = entry
            }
            for (objective, sum) in sums where sum.max > 0 {
                var entry = counts[objective] ?? (0, 0)
                entry.attempts += 1
                if sum.points / sum.max * 100 >= passMark - 1e-9 { entry.mastered += 1 }
                counts[objective] = entry
            }
        }
    }

    /// Mastered ÷ attempts for one objective; nil when no attempt showed its questions.
    func rate(objective: String) -> Double? {
        guard let entry = counts[objective], entry.attempts > 0 else { return nil }
        return Double(entry.mastered) / Double(entry.attempts)
    }

    /// The objectives with attempts, in `order`.
    func rates(order: [String]) -> [(id: String, entry: (attempts: Int, mastered: Int))] {
        order.compactMap { id in counts[id].map { (id, $0) } }
    }
}
