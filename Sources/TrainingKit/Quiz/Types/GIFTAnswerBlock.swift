/// The answer block of one GIFT question, as question types read it on import.
struct GIFTAnswerBlock {
    /// The block between `{` and `}` without general feedback, escapes resolved.
    var units: [GIFTText.Unit]
    /// Its `=…` and `~…` answers.
    var answers: [GIFTImporter.Answer]

    /// Whether every answer is a `=` answer (short, matching).
    var allFullMarks: Bool { answers.allSatisfy { $0.marker == "=" } }
}
