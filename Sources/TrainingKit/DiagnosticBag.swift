/// Collects the diagnostics of one file while it is read, so that all problems are reported together.
public final class DiagnosticBag {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func error(_ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        append(Diagnostic(.error, file: file, at: location, length: length, message, hint: hint))
    }

    public func warning(_ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        append(Diagnostic(.warning, file: file, at: location, length: length, message, hint: hint))
    }

    /// Adds a diagnostic unless an identical one (same place, same message) is already there.
    public func append(_ diagnostic: Diagnostic) {
        guard !diagnostics.contains(where: {
            $0.location == diagnostic.location && $0.message == diagnostic.message
        }) else { return }
        diagnostics.append(diagnostic)
    }

    /// The diagnostics in source order.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
