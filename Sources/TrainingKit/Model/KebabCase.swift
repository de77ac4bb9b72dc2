/// Module ids and other identifiers: lowercase letters, digits and single dashes, at most 64 characters.
public enum KebabCase {
    /// Whether `text` is a valid kebab-case identifier.
    public static func isValid(_ text: String) -> Bool { NodeDecoder.isKebabCase(text) }

    /// A kebab-case rendering of some text, for hints.
    public static func suggestion(for text: String) -> String { NodeDecoder.kebabCased(text) }
}
