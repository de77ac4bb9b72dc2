/// Collects the diagnostics of one file while it is read, so that all problems are reported together.
final class DiagnosticBag {
    let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// Places and messages already reported, so duplicates are dropped in constant time.
    private var seen = Set<String>()
    /// At most this many diagnostics are kept per file; a broken file does not flood the screen.
    static let limit = 200

    init(file: String) {
        self.file = file
    }

    /// Whether the limit is reached and further diagnostics are dropped.
    var isFull: Bool { diagnostics.count >= Self.limit }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        append(Diagnostic(.error, file: file, at: location, length: length, message, hint: hint))
    }

    func warning(_ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        append(Diagnostic(.warning, file: file, at: location, length: length, message, hint: hint))
    }

    /// Adds a diagnostic unless an identical one (same place, same message) is already there.
    func append(_ diagnostic: Diagnostic) {
        guard seen.insert("\(diagnostic.location.line):\(diagnostic.location.column):\(diagnostic.message)").inserted else {
            return
        }
        if diagnostics.count == Self.limit {
            diagnostics.append(
                Diagnostic(
                    .error, file: file, at: diagnostic.location,
                    "too many problems; stopped reporting after \(Self.limit)", hint: "fix the ones above and run again"))
        }
        guard diagnostics.count < Self.limit else { return }
        diagnostics.append(diagnostic)
    }

    /// The diagnostics in source order.
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
