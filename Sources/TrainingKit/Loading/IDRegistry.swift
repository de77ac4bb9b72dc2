/// Remembers ids of one kind within a file and reports duplicates.
struct IDRegistry {
    let kind: String
    let bag: DiagnosticBag
    private(set) var locations: [String: SourceLocation] = [:]

    init(kind: String, bag: DiagnosticBag) {
        self.kind = kind
        self.bag = bag
    }

    mutating func register(_ id: String, at node: YAMLNode) {
        if let first = locations[id] {
            bag.error(
                "duplicate \(kind) id '\(id)' (first used on line \(first.line))", at: node.start, length: id.count,
                hint: "ids must be unique within a module")
        } else {
            locations[id] = node.start
        }
    }
}
