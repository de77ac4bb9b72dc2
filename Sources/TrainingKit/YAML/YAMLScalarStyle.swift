/// How a scalar was written; quoted scalars are always text, plain ones are resolved by the YAML 1.2 core schema.
enum YAMLScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded

    /// Whether the scalar was written as plain text, so `true`, `42` or `null` take their typed meaning.
    var isPlain: Bool { self == .plain }
}
