/// Something a learner will be able to do after the module.
public struct Objective: Hashable, Sendable {
    public var id: String
    public var text: String
    public var location: SourceLocation

    public init(id: String, text: String, location: SourceLocation = .start) {
        self.id = id
        self.text = text
        self.location = location
    }
}
