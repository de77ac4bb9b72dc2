/// One piece of a module preview, independent of the output format.
enum PreviewBlock {
    /// The module title with a line of facts under it.
    case title(String, subtitle: String)
    /// A section (level 2), lesson, scenario or question (level 3) or scenario question (level 4) heading.
    case heading(level: Int, String)
    /// Module text in the Markdown subset.
    case rich(String)
    /// A label and its value, such as "Explanation" and the text; the value is module text.
    case labelled(String, String)
    /// A list of plain lines (sources, objectives, accepted answers).
    case list([String])
    /// The choices or items of a question with what makes each right or wrong.
    case answers([PreviewAnswer])
}

/// One choice, item or pair in a preview.
struct PreviewAnswer {
    /// Whether the choice is correct; nil for items and pairs that are neither.
    var correct: Bool?
    /// The canonical identity or position (a, b, 1, 2).
    var label: String
    var text: String
    var feedback: String?
}
