/// Every objective a question names, recorded even when the question has other errors.
final class ObjectiveUses {
    /// One question's reference to an objective.
    struct Use {
        var objective: String
        var questionID: String
        var location: SourceLocation
        var isScored: Bool
    }

    private(set) var all: [Use] = []

    func record(_ use: Use) {
        all.append(use)
    }
}
