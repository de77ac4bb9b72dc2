/// Where each key was first seen, for duplicate checks: searched linearly while there are few
/// keys (most lists and mappings in a module have a handful), hashed once there are many, so a
/// hostile file cannot make the check quadratic.
struct FirstSeen {
    private var few: [(String, SourceLocation)] = []
    private var many: [String: SourceLocation] = [:]
    private static let linearLimit = 16

    /// Where `key` was first seen, or nil.
    func location(of key: String) -> SourceLocation? {
        few.count < Self.linearLimit ? few.first(where: { $0.0 == key })?.1 : many[key]
    }

    /// Notes `key` at `location` unless it was seen before; returns where it was first seen, if it was.
    @discardableResult
    mutating func see(_ key: String, at location: SourceLocation) -> SourceLocation? {
        if let first = self.location(of: key) { return first }
        if few.count < Self.linearLimit {
            few.append((key, location))
            if few.count == Self.linearLimit { many = Dictionary(few, uniquingKeysWith: { first, _ in first }) }
        } else {
            many[key] = location
        }
        return nil
    }
}
