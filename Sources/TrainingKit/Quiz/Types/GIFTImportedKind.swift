/// What a GIFT question became: a kind, and the question feedback the type read from the block.
struct GIFTImportedKind {
    var kind: QuestionKind
    var feedback: Feedback?
}
