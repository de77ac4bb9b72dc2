/// Scores answers as the module format states, with partial credit for multiple, order and matching.
public enum Marker {
    public static func mark(_ answer: Answer, for question: Question) -> Mark {
        let full = Double(question.points)
        if case .skipped = answer {
            return Mark(points: 0, maxPoints: Double(question.maxPoints), isCorrect: question.kind.isScored ? false : nil,
                canonicalAnswer: "", skipped: true)
        }
        switch (question.kind, answer) {
        case (.single(let choices), .choice(let index)):
            let right = choices.indices.contains(index) && choices[index].isCorrect
            let id = choices.indices.contains(index) ? choices[index].id : ""
            return Mark(points: right ? full : 0, maxPoints: full, isCorrect: right, canonicalAnswer: id)
        case (.multiple(let choices), .choices(let picked)):
            let valid = picked.filter { choices.indices.contains($0) }
            let correctCount = choices.filter(\.isCorrect).count
            let rightPicks = valid.filter { choices[$0].isCorrect }.count
            let wrongPicks = valid.count - rightPicks
            let fraction = correctCount == 0 ? 0 : Double(max(0, rightPicks - wrongPicks)) / Double(correctCount)
            let canonical = valid.sorted().map { choices[$0].id }.joined(separator: ",")
            return Mark(points: full * fraction, maxPoints: full, isCorrect: fraction == 1, canonicalAnswer: canonical)
        case (.trueFalse(let expected), .bool(let given)):
            return Mark(points: given == expected ? full : 0, maxPoints: full, isCorrect: given == expected,
                canonicalAnswer: given ? "true" : "false")
        case (.order(let items), .order(let given)):
            let inPlace = given.enumerated().filter { $0.offset == $0.element }.count
            let fraction = items.isEmpty ? 0 : Double(inPlace) / Double(items.count)
            return Mark(points: full * fraction, maxPoints: full, isCorrect: fraction == 1,
                canonicalAnswer: given.map(Choice.positionalID).joined(separator: ","))
        case (.matching(let pairs), .matching(let given)):
            let right = given.enumerated().filter { $0.offset == $0.element }.count
            let fraction = pairs.isEmpty ? 0 : Double(right) / Double(pairs.count)
            let canonical = given.enumerated().map { "\(Choice.positionalID($0.offset))=\(Choice.positionalID($0.element))" }
            return Mark(points: full * fraction, maxPoints: full, isCorrect: fraction == 1,
                canonicalAnswer: canonical.joined(separator: ","))
        case (.short(let accept), .text(let text)):
            let normalized = ShortAnswer.normalize(text)
            let right = accept.contains { ShortAnswer.normalize($0) == normalized }
            return Mark(points: right ? full : 0, maxPoints: full, isCorrect: right, canonicalAnswer: normalized)
        case (.reflection(let store), .text(let text)):
            return Mark(points: 0, maxPoints: 0, isCorrect: nil, canonicalAnswer: store ? text : "")
        default:
            return Mark(points: 0, maxPoints: Double(question.maxPoints), isCorrect: question.kind.isScored ? false : nil,
                canonicalAnswer: "")
        }
    }
}
