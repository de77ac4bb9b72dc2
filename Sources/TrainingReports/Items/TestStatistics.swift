/// Whole-test figures over the analysed attempts, as Moodle's quiz statistics define them.
///
/// Scores are each attempt's points ÷ the points of the questions it showed (0–1). Alpha is
/// Cronbach's, over the questions' points, from each question's variance and each pair's covariance
/// over the attempts that showed both (so a draw from a pool needs no imputation); with a fixed
/// set of questions that is exactly Moodle's coefficient of internal consistency.
public struct TestStatistics: Hashable, Sendable {
    public var attempts: Int
    public var mean: Double?
    public var median: Double?
    public var standardDeviation: Double?
    public var skewness: Double?
    public var kurtosis: Double?
    /// Cronbach's alpha; nil with fewer than two questions, a pair of questions never shown together
    /// to two attempts, or no variation.
    public var alpha: Double?
    /// √(1 − alpha): the share of the spread in scores that is chance.
    public var errorRatio: Double?
    /// Error ratio × standard deviation, in score units (0–1).
    public var standardError: Double?

    init(attempts analysed: [AnalysedAttempt], questionIDs: [String]) {
        let scores = analysed.map(\.score)
        attempts = analysed.count
        mean = Descriptive.mean(scores)
        median = Descriptive.median(scores)
        standardDeviation = Descriptive.standardDeviation(scores)
        skewness = Descriptive.skewness(scores)
        kurtosis = Descriptive.kurtosis(scores)
        alpha = Self.alpha(analysed, questionIDs: questionIDs)
        errorRatio = alpha.map { max(0, 1 - $0).squareRoot() }
        if let errorRatio, let standardDeviation { standardError = errorRatio * standardDeviation }
    }

    /// α = P/(P−1) · (1 − Σ Vᵢ / (Σ Vᵢ + 2 Σᵢ<ⱼ Cᵢⱼ)), on points, pairwise over the attempts that showed both.
    static func alpha(_ attempts: [AnalysedAttempt], questionIDs: [String]) -> Double? {
        let count = questionIDs.count
        guard count >= 2 else { return nil }
        var variances = 0.0, covariances = 0.0
        for (i, first) in questionIDs.enumerated() {
            for second in questionIDs[i...] {
                let both = attempts.compactMap { attempt -> (Double, Double)? in
                    guard let a = attempt.answers[first], let b = attempt.answers[second] else { return nil }
                    return (a.points, b.points)
                }
                guard let value = Descriptive.covariance(both.map(\.0), both.map(\.1)) else { return nil }
                if first == second { variances += value } else { covariances += value }
            }
        }
        let total = variances + 2 * covariances
        guard total > 1e-12 else { return nil }
        let p = Double(count)
        return p / (p - 1) * (1 - variances / total)
    }
}
