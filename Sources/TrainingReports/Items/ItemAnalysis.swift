import Foundation
import TrainingKit

/// Whole-test and per-question statistics over a set of analysed attempts.
///
/// The upper and lower groups are the top and bottom 27% of attempts by whole-test score
/// (round(0.27·n), at least one and at most half; ties broken by start time, then id).
struct ItemAnalysis {
    var test: TestStatistics
    /// In the order of `questionIDs`.
    var items: [ItemStatistics]

    /// - Parameters:
    ///   - questionIDs: the questions to analyse, in report order.
    ///   - question: the question's YAML, when loaded (choices, random-guess score).
    init(attempts: [AnalysedAttempt], questionIDs: [String], question: (String) -> Question?) {
        test = TestStatistics(attempts: attempts, questionIDs: questionIDs)
        let (upper, lower) = Self.groups(attempts)
        items = questionIDs.map { id in
            let yaml = question(id)
            return ItemStatistics(
                questionID: id, shown: attempts.filter { $0.answers[id] != nil },
                choices: yaml.map(\.analysedOptions) ?? [], randomGuessScore: yaml?.randomGuessScore,
                upper: upper, lower: lower)
        }
    }

    /// The ids of the upper and lower 27% groups by whole-test score; empty below two attempts.
    static func groups(_ attempts: [AnalysedAttempt]) -> (upper: Set<UUID>, lower: Set<UUID>) {
        guard attempts.count >= 2 else { return ([], []) }
        let ranked = attempts.sorted { a, b in
            a.score != b.score ? a.score > b.score : (a.startedAt, a.id.uuidString) < (b.startedAt, b.id.uuidString)
        }
        let size = min(attempts.count / 2, max(1, Int((0.27 * Double(attempts.count)).rounded())))
        return (Set(ranked.prefix(size).map(\.id)), Set(ranked.suffix(size).map(\.id)))
    }
}
