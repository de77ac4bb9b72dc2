/// How often one choice (or true/false) was chosen: overall and in the upper and lower 27% groups.
public struct ChoiceStatistics: Hashable, Sendable {
    public var id: String
    public var text: String
    public var isCorrect: Bool
    /// Share of the attempts that showed the question and chose this; nil when none showed it.
    public var share: Double?
    /// Share of the upper 27% group (by whole-test score) among those shown the question.
    public var upperShare: Double?
    /// Share of the lower 27% group.
    public var lowerShare: Double?
    /// How many attempts chose it.
    public var chosen: Int

    /// A wrong choice that nobody chose, or that the upper group chose more often than the lower.
    var problem: String? {
        guard !isCorrect else { return nil }
        if chosen == 0 { return "distractor \(id) chosen by nobody" }
        if let upperShare, let lowerShare, upperShare > lowerShare + 1e-12 {
            return "distractor \(id) chosen more by the upper group"
        }
        return nil
    }
}
