extension ModuleSet {
    /// The set with the linter's warnings added to each module that loaded, and the item-writing lint's.
    public func linted(with linter: ModuleLinter, items: ItemLinter = ItemLinter()) -> ModuleSet {
        var copy = self
        let facts = site?.facts ?? [:]
        // Lint reads every lesson's words; it runs on all cores like loading does.
        copy.results = ModuleCatalog.concurrentMap(results) { result in
            guard let module = result.module else { return result }
            var linted = result
            linted.diagnostics += linter.lint(module, facts: facts) + items.lint(module, facts: facts)
            return linted
        }
        copy.crossFileDiagnostics += items.lint(set: self)
        return copy
    }
}
