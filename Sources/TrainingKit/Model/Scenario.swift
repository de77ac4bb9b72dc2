/// A case vignette with questions that are drawn, shuffled and asked together, in order.
public struct Scenario: Hashable, Sendable {
    public var id: String
    public var title: String
    public var text: String
    public var questions: [Question]
    public var location: SourceLocation

    public init(id: String, title: String, text: String, questions: [Question], location: SourceLocation = .start) {
        self.id = id
        self.title = title
        self.text = text
        self.questions = questions
        self.location = location
    }
}
