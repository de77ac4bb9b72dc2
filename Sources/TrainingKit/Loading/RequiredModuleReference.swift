/// A module id named in a site's requirements, and where.
public struct RequiredModuleReference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
