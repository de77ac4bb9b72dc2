/// One answer option of a single- or multiple-choice question.
public struct Choice: Hashable, Sendable {
    /// The canonical identity stored in records: an explicit `id`, else the YAML position as a letter (a, b, c …).
    public var id: String
    public var text: String
    public var isCorrect: Bool
    public var feedback: String?
    public var location: SourceLocation

    public init(id: String, text: String, isCorrect: Bool, feedback: String? = nil, location: SourceLocation = .start) {
        self.id = id
        self.text = text
        self.isCorrect = isCorrect
        self.feedback = feedback
        self.location = location
    }

    /// The canonical letter for the choice at a 0-based YAML position: a…z, then aa, ab ….
    ///
    /// Called for every choice of every draw the audit plays, so the letters are made once.
    public static func positionalID(_ index: Int) -> String {
        guard index >= 0 else { return "" }
        if index < 26 { return letters[index] }
        return positionalID(index / 26 - 1) + letters[index % 26]
    }

    private static let letters: [String] = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
}
