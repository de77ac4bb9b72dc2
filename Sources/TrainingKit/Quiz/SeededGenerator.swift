/// A small deterministic random number generator (SplitMix64), so a seed always gives the same quiz.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` without modulo bias.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// A Fisher–Yates shuffle that is the same on every platform and Swift version.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, below(index + 1))
        }
        return result
    }

    /// A shuffled permutation of `0..<count` that differs from the identity whenever `count > 1`.
    public mutating func derangedPermutation(_ count: Int) -> [Int] {
        let identity = Array(0..<count)
        guard count > 1 else { return identity }
        var permutation = shuffled(identity)
        while permutation == identity { permutation = shuffled(identity) }
        return permutation
    }
}
