/// One line the terminal shows under a question's prompt, as its type describes it.
public enum QuestionScreenLine: Hashable, Sendable {
    /// An option with its label, "a) text" or "1. text" (indented, wrapped with a hanging indent).
    case option(String)
    /// A blank line between groups of options.
    case blank
    /// A plain line such as "True or false?".
    case note(String)
    /// A dim line saying how to answer.
    case instruction(String)
}
