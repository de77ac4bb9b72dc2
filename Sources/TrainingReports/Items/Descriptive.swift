/// The descriptive statistics the item analysis uses, with Moodle's (sample) definitions.
enum Descriptive {
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The middle value, or the mean of the two middle values.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Σ(x − x̄)² ÷ (n − 1); nil below two values.
    static func variance(_ values: [Double]) -> Double? {
        covariance(values, values)
    }

    static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { max(0, $0).squareRoot() }
    }

    /// Σ(x − x̄)(y − ȳ) ÷ (n − 1) over paired values; nil below two pairs.
    static func covariance(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2, let mx = mean(x), let my = mean(y) else { return nil }
        return zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / Double(x.count - 1)
    }

    /// Pearson's correlation; nil below two pairs or when either side never varies.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        guard let cxy = covariance(x, y), let vx = variance(x), let vy = variance(y), vx > 1e-12, vy > 1e-12 else { return nil }
        return cxy / (vx * vy).squareRoot()
    }

    /// The largest covariance the two sets of values could have: each sorted, then paired in order.
    static func maximumCovariance(_ x: [Double], _ y: [Double]) -> Double? {
        covariance(x.sorted(), y.sorted())
    }

    /// Moodle's skewness k₃ ÷ k₂^{3/2}, with k₂ = n·m₂/(n−1) and k₃ = n²·m₃/((n−1)(n−2)); needs three values and spread.
    static func skewness(_ values: [Double]) -> Double? {
        let n = Double(values.count)
        guard values.count >= 3, let m2 = moment(values, 2), let m3 = moment(values, 3), m2 > 1e-12 else { return nil }
        let k2 = n * m2 / (n - 1)
        let k3 = n * n * m3 / ((n - 1) * (n - 2))
        return k3 / (k2 * k2 * k2).squareRoot()
    }

    /// Moodle's (excess) kurtosis k₄ ÷ k₂², with k₄ = n²((n+1)m₄ − 3(n−1)m₂²)/((n−1)(n−2)(n−3)); needs four values and spread.
    static func kurtosis(_ values: [Double]) -> Double? {
        let n = Double(values.count)
        guard values.count >= 4, let m2 = moment(values, 2), let m4 = moment(values, 4), m2 > 1e-12 else { return nil }
        let k2 = n * m2 / (n - 1)
        let k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
        return k4 / (k2 * k2)
    }

    /// The central moment Σ(x − x̄)ᵏ ÷ n.
    static func moment(_ values: [Double], _ power: Int) -> Double? {
        guard let m = mean(values) else { return nil }
        return values.map { value in (0..<power).reduce(1.0) { product, _ in product * (value - m) } }.reduce(0, +)
            / Double(values.count)
    }
}
