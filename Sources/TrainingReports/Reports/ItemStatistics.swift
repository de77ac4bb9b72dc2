import Foundation

/// Running sums for one question over finished attempts: facility and Moodle's discrimination index.
///
/// x is the question's score in an attempt and y the rest of the test (the attempt's points minus x).
/// Facility is the mean of x ÷ the question's maximum; discrimination is Pearson's correlation of x
/// and y, as Moodle's quiz statistics compute it (Moodle shows it ×100).
public struct ItemStatistics: Sendable {
    public private(set) var count = 0
    public private(set) var skipped = 0
    private var sumFraction = 0.0
    private var sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, sumXY = 0.0
    public private(set) var maxPoints = 0.0
    /// Wrong answers by canonical answer (choice ids for choice questions), at most `answerLimit` kinds.
    public private(set) var wrongAnswers: [String: Int] = [:]
    static let answerLimit = 500

    public init() {}

    public mutating func add(points: Double, maxPoints: Double, attemptPoints: Double, skipped isSkipped: Bool) {
        count += 1
        if isSkipped { skipped += 1 }
        self.maxPoints = max(self.maxPoints, maxPoints)
        if maxPoints > 0 { sumFraction += points / maxPoints }
        let x = points, y = attemptPoints - points
        sumX += x
        sumY += y
        sumXX += x * x
        sumYY += y * y
        sumXY += x * y
    }

    public mutating func addWrong(_ answer: String) {
        guard wrongAnswers[answer] != nil || wrongAnswers.count < Self.answerLimit else { return }
        wrongAnswers[answer, default: 0] += 1
    }

    /// Mean score ÷ maximum, 0–1; nil before any answer.
    public var facility: Double? { count == 0 ? nil : sumFraction / Double(count) }

    /// Mean points.
    public var meanScore: Double? { count == 0 ? nil : sumX / Double(count) }

    /// Correlation of the question's score with the rest of the test, −1–1; nil with fewer than two
    /// attempts or when either score never varies.
    public var discrimination: Double? {
        guard count >= 2 else { return nil }
        let n = Double(count)
        let covariance = n * sumXY - sumX * sumY
        let varianceX = n * sumXX - sumX * sumX
        let varianceY = n * sumYY - sumY * sumY
        guard varianceX > 1e-12, varianceY > 1e-12 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// The most frequent wrong answer and how often it was given (ties: the first in text order).
    public var mostCommonWrong: (answer: String, count: Int)? {
        wrongAnswers.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }.map { ($0.key, $0.value) }
    }
}
