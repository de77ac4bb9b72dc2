/// One type-specific YAML key of a question: its JSON Schema and whether the type requires it.
///
/// The decoder's allowed keys, its "belongs to another type" hints and the schema all come from these tables.
struct QuestionField: Sendable {
    var key: String
    var isRequired: Bool
    /// The key's schema in the question's `properties`.
    var schema: JSONValue

    init(_ key: String, required: Bool = true, schema: JSONValue) {
        self.key = key
        self.isRequired = required
        self.schema = schema
    }

    /// A list of at least `minItems` entries of `items`.
    static func list(
        _ key: String, minItems: Int, items: JSONValue, unique: Bool = false, description: String? = nil
    ) -> QuestionField {
        var pairs: [(String, JSONValue)] = []
        if let description { pairs.append(("description", .string(description))) }
        pairs += [("type", .string("array")), ("minItems", .int(minItems))]
        if unique { pairs.append(("uniqueItems", .bool(true))) }
        pairs.append(("items", items))
        return QuestionField(key, schema: .object(pairs))
    }
}
