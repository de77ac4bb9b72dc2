extension Question {
    /// What a preview shows about the answers, as the question's type describes them.
    public var previewDetails: [QuestionDetail] { kind.unit.previewDetails }

    /// A stored (canonical) answer as a coordinator reads it: a choice's id and text, an order's items.
    public func describe(storedAnswer: String) -> String { kind.unit.describe(storedAnswer: storedAnswer) }

    /// The wrong parts of a stored answer: each wrongly chosen choice of a choice question, else the whole answer.
    public func wrongParts(ofStoredAnswer answer: String) -> [String] { kind.unit.wrongParts(ofStoredAnswer: answer) }

    /// The options item analysis counts per choice (true and false for a true/false question); empty for other types.
    public var analysedOptions: [AnalysedOption] { kind.unit.analysedOptions }

    /// The expected score (fraction of the maximum) of answering at random; nil for unscored questions.
    public var randomGuessScore: Double? { kind.unit.randomGuessScore }
}
