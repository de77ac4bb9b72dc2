/// An option item analysis counts per choice: its id as stored in answers, its text and whether it is right.
public struct AnalysedOption: Hashable, Sendable {
    public var id: String
    public var text: String
    public var isCorrect: Bool

    public init(id: String, text: String, isCorrect: Bool) {
        self.id = id
        self.text = text
        self.isCorrect = isCorrect
    }
}
