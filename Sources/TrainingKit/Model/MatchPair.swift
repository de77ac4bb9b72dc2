/// One left/right pair of a matching question.
public struct MatchPair: Hashable, Sendable {
    public var left: String
    public var right: String

    public init(left: String, right: String) {
        self.left = left
        self.right = right
    }
}
