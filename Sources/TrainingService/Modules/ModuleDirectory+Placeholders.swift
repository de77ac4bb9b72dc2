import TrainingKit

extension ModuleDirectory {
    /// The directory with every `{{site.KEY}}` in module titles (YAML and recorded), prompts, choices,
    /// objectives and lessons replaced by the site's facts, as the quiz shows them; unknown
    /// placeholders stay as written. Filling twice changes nothing (facts hold no placeholders).
    public func fillingPlaceholders(_ facts: [String: String]) -> ModuleDirectory {
        guard !facts.isEmpty else { return self }
        var copy = self
        copy.modules = modules.map { known in
            KnownModule(
                id: known.id, title: Placeholder.fill(known.title, facts: facts), version: known.version, passMark: known.passMark,
                validForDays: known.validForDays, maxAttempts: known.maxAttempts, module: known.module?.fillingPlaceholders(facts))
        }
        copy.snapshotTitles = snapshotTitles.mapValues { Placeholder.fill($0, facts: facts) }
        return copy
    }
}
