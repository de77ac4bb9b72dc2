/// The registry: every question type, listed once, in the order the format documents them.
enum QuestionTypes {
    /// Every type; `QuestionKind.unit` maps each kind to one of these.
    static let all: [any QuestionType.Type] = [
        SingleChoiceType.self,
        MultipleChoiceType.self,
        TrueFalseType.self,
        OrderType.self,
        MatchingType.self,
        ShortAnswerType.self,
        ReflectionType.self,
    ]

    /// The type with this YAML `type` name.
    static func named(_ name: String) -> (any QuestionType.Type)? {
        all.first { $0.name == name }
    }

    /// Every type-specific key in registry order, each once, with the schema of its first declaration.
    static var fields: [QuestionField] {
        var seen = Set<String>()
        return all.flatMap { $0.fields }.filter { seen.insert($0.key).inserted }
    }

    /// Every type-specific key in registry order, kept once because the decoder asks for each question.
    static let typedKeys: [String] = fields.map(\.key)

    /// Each type's own keys, by type name.
    static let ownKeys: [String: [String]] = Dictionary(
        all.map { type in (type.name, type.fields.map(\.key)) }, uniquingKeysWith: { first, _ in first })

    /// For each type-specific key, the types that take it as a hint reads them.
    static let ownersByKey: [String: String] = Dictionary(
        typedKeys.map { ($0, owners(of: $0)) }, uniquingKeysWith: { first, _ in first })

    /// The types that take a key, as a hint reads them: "single and multiple".
    static func owners(of key: String) -> String {
        let names = all.filter { $0.fields.contains { $0.key == key } }.map { $0.name }
        guard let last = names.last, names.count > 1 else { return names.first ?? key }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The types GIFT import tries, in order.
    static var giftImportable: [any QuestionType.Type] {
        all.compactMap { type in type.giftImportRank.map { (type, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }
}
