extension PlannedQuestion {
    /// What the terminal shows under the prompt for this attempt: options in display order and how to answer.
    public var screenLines: [QuestionScreenLine] {
        question.kind.unit.screenLines(displayOrder: displayOrder)
    }

    /// The prompt line before the learner types, e.g. "Your answer (a–c, ? for help):".
    public var inputPrompt: String {
        question.kind.unit.inputPrompt(displayOrder: displayOrder)
    }

    /// The first row of `?` help for this question's type: what to type, and what it does.
    public var inputHelp: (key: String, text: String) {
        type(of: question.kind.unit).inputHelp
    }
}
