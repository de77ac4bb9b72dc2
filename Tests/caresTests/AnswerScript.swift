import Foundation
import TrainingKit

/// Scripted answers for an attempt whose seed is known: right, wrong or mixed, as typed at each prompt.
struct AnswerScript {
    let plan: QuizPlan

    /// The script for an attempt with `seed` after the learner's earlier attempts in the period with `earlierSeeds`.
    init(module: Module, seed: UInt64, after earlierSeeds: [UInt64] = []) {
        plan = QuizPlan(module: module, seed: seed, after: earlierSeeds)
    }

    /// What a learner types for one question to get it fully right.
    static func right(_ planned: PlannedQuestion) -> String {
        let letter: (Int) -> String = { PlannedQuestion.label(planned.displayOrder.firstIndex(of: $0) ?? 0) }
        switch planned.question.kind {
        case .single(let choices):
            return letter(choices.firstIndex(where: \.isCorrect) ?? 0)
        case .multiple(let choices):
            return choices.indices.filter { choices[$0].isCorrect }.map(letter).joined(separator: " ")
        case .trueFalse(let answer):
            return answer ? "t" : "f"
        case .order(let items):
            return items.indices.map(letter).joined(separator: " ")
        case .matching(let pairs):
            return pairs.indices.map { "\($0 + 1)\(letter($0))" }.joined(separator: " ")
        case .short(let accept):
            return accept.first ?? ""
        case .reflection:
            return "I would ask for a private moment."
        }
    }

    /// What a learner types to get a question wrong (zero points where the type allows it).
    static func wrong(_ planned: PlannedQuestion) -> String {
        let letter: (Int) -> String = { PlannedQuestion.label(planned.displayOrder.firstIndex(of: $0) ?? 0) }
        switch planned.question.kind {
        case .single(let choices):
            return letter(choices.firstIndex { !$0.isCorrect } ?? 0)
        case .multiple(let choices):
            return choices.indices.filter { !choices[$0].isCorrect }.map(letter).joined(separator: " ")
                .nonEmpty ?? letter(0)
        case .trueFalse(let answer):
            return answer ? "f" : "t"
        case .order(let items):
            let rotated = Array(items.indices.dropFirst()) + [0]
            return rotated.map(letter).joined(separator: " ")
        case .matching(let pairs):
            return pairs.indices.map { "\($0 + 1)\(letter(($0 + 1) % pairs.count))" }.joined(separator: " ")
        case .short:
            return "no idea"
        case .reflection:
            return "Something."
        }
    }

    /// The lines for a whole run: start, skip the lessons, then for each question an answer and Enter.
    func lines(_ answer: (PlannedQuestion) -> String) -> [String] {
        var lines = ["", ":skip"]
        for planned in plan.questions {
            lines.append(answer(planned))
            lines.append("")
        }
        return lines
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
