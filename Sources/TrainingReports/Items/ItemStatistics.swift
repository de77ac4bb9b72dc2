import Foundation
import TrainingKit

/// One question's figures over the analysed attempts that showed it, as Moodle's quiz statistics define them.
///
/// x is the question's score as a fraction of its maximum, X the attempt's score over the other
/// questions it showed (as a fraction). Facility is the mean of x, SD its sample standard deviation,
/// the discrimination index Pearson's r(x, X) (the corrected item–total correlation; Moodle shows
/// it ×100) and the discriminative efficiency C(x, X) ÷ Cmax(x, X), where Cmax pairs the sorted x
/// with the sorted X.
public struct ItemStatistics: Sendable {
    public var questionID: String
    /// Attempts that showed the question.
    public var attempts: Int
    public var skipped: Int
    public var facility: Double?
    public var standardDeviation: Double?
    public var randomGuessScore: Double?
    public var discrimination: Double?
    public var discriminativeEfficiency: Double?
    /// Per choice, for single, multiple and true/false questions.
    public var choices: [ChoiceStatistics]
    /// The most frequent wrong answer (a wrongly chosen choice id, else the canonical answer) and its count.
    public var mostCommonWrong: (answer: String, count: Int)? {
        wrongAnswers.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }.map { ($0.key, $0.value) }
    }
    var wrongAnswers: [String: Int] = [:]

    /// Why the question needs checking; empty when it does not.
    public var reasons: [String] {
        var result: [String] = []
        if let facility, facility < 0.2 { result.append("facility below 0.2") }
        if let facility, facility > 0.95 { result.append("facility above 0.95") }
        if let discrimination, discrimination < 0.1 { result.append("discrimination below 0.1") }
        result += choices.compactMap(\.problem)
        return result
    }

    public var needsChecking: Bool { !reasons.isEmpty }

    /// - Parameters:
    ///   - shown: the analysed attempts that showed the question.
    ///   - upper, lower: the ids of the upper and lower 27% groups by whole-test score.
    init(
        questionID: String, shown: [AnalysedAttempt], choices options: [AnalysedOption], randomGuessScore: Double?,
        upper: Set<UUID>, lower: Set<UUID>
    ) {
        self.questionID = questionID
        self.randomGuessScore = randomGuessScore
        let answers = shown.compactMap { $0.answers[questionID] }
        attempts = answers.count
        skipped = answers.filter(\.skipped).count
        let x = answers.map(\.fraction)
        facility = Descriptive.mean(x)
        standardDeviation = Descriptive.standardDeviation(x)
        let pairs = shown.compactMap { attempt -> (Double, Double)? in
            guard let answer = attempt.answers[questionID], let rest = attempt.restScore(without: questionID) else { return nil }
            return (answer.fraction, rest)
        }
        let xs = pairs.map(\.0), rests = pairs.map(\.1)
        discrimination = Descriptive.correlation(xs, rests)
        if discrimination != nil, let c = Descriptive.covariance(xs, rests), let cMax = Descriptive.maximumCovariance(xs, rests),
            cMax > 1e-12
        {
            discriminativeEfficiency = c / cMax
        }
        let upperShown = shown.filter { upper.contains($0.id) }
        let lowerShown = shown.filter { lower.contains($0.id) }
        func share(_ group: [AnalysedAttempt], _ option: AnalysedOption) -> Double? {
            guard !group.isEmpty else { return nil }
            let chosen = group.filter { option.isChosen(in: $0.answers[questionID]?.answer ?? "") }.count
            return Double(chosen) / Double(group.count)
        }
        choices = options.map { option in
            let chosen = shown.filter { option.isChosen(in: $0.answers[questionID]?.answer ?? "") }.count
            return ChoiceStatistics(
                id: option.id, text: option.text, isCorrect: option.isCorrect,
                share: shown.isEmpty ? nil : Double(chosen) / Double(shown.count),
                upperShare: share(upperShown, option), lowerShare: share(lowerShown, option), chosen: chosen)
        }
        let correct = Set(options.filter(\.isCorrect).map(\.id))
        for answer in answers where !answer.skipped && answer.points < answer.maxPoints {
            let wrong = options.isEmpty
                ? (answer.answer.isEmpty ? [] : [answer.answer])
                : answer.answer.split(separator: ",").map(String.init).filter { !correct.contains($0) }
            for part in wrong { wrongAnswers[part, default: 0] += 1 }
        }
    }
}
