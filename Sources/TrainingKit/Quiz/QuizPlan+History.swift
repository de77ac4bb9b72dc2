extension QuizPlan {
    /// The plan for `seed` after the learner's earlier attempts in the period, given by their seeds
    /// (oldest first): each earlier plan is drawn again avoiding the units of the ones before it, and
    /// this one avoids every unit they drew. With no earlier seeds it is the seed's own plan.
    public init(module: Module, seed: UInt64, after earlierSeeds: [UInt64]) {
        var seen = Set<Int>()
        for earlier in earlierSeeds {
            seen.formUnion(QuizPlan(module: module, seed: earlier, avoiding: seen).unitIndices)
        }
        self.init(module: module, seed: seed, avoiding: seen)
    }
}
