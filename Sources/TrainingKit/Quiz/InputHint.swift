/// Why an answer could not be read, phrased as what to type instead.
public struct InputHint: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
