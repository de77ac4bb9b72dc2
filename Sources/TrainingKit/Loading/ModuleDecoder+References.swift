extension ModuleDecoder {
    /// Checks that every objective a lesson or question names exists, and warns about untested objectives.
    func checkReferences(objectives: [Objective], lessons: [Lesson], warnUntested: Bool) {
        let known = Set(objectives.map(\.id))
        for lesson in lessons {
            for objective in lesson.objectives where !known.contains(objective) {
                let at = decoder.source.find(objective, from: lesson.location, throughLine: decoder.source.lineCount) ?? lesson.location
                bag.error(
                    "lesson '\(lesson.id)' names objective '\(objective)', which is not defined", at: at,
                    length: objective.count, hint: Suggestion.hint(for: objective, in: known) ?? "add it under 'objectives:'")
            }
        }
        var tested: [String: Int] = [:]
        for use in uses.all {
            if !known.contains(use.objective) {
                bag.error(
                    "question '\(use.questionID)' names objective '\(use.objective)', which is not defined", at: use.location,
                    length: use.objective.count,
                    hint: Suggestion.hint(for: use.objective, in: known) ?? "add it under 'objectives:'")
            } else if use.isScored {
                tested[use.objective, default: 0] += 1
            }
        }
        for objective in objectives where warnUntested && tested[objective.id] == nil {
            bag.warning(
                "objective '\(objective.id)' is not tested by any question", at: objective.location,
                hint: "add a scored question with 'objective: \(objective.id)'")
        }
    }
}
