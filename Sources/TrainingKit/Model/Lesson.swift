/// A short screen of teaching text, tied to the objectives it serves.
public struct Lesson: Hashable, Sendable {
    public var id: String
    public var title: String
    public var objectives: [String]
    /// Text in the module's Markdown subset.
    public var body: String
    public var location: SourceLocation

    public init(id: String, title: String, objectives: [String], body: String, location: SourceLocation = .start) {
        self.id = id
        self.title = title
        self.objectives = objectives
        self.body = body
        self.location = location
    }
}
