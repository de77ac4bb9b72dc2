extension ModuleSet {
    /// The set with the linter's warnings added to each module that loaded.
    public func linted(with linter: ModuleLinter) -> ModuleSet {
        var copy = self
        let facts = site?.facts ?? [:]
        copy.results = results.map { result in
            guard let module = result.module else { return result }
            var linted = result
            linted.diagnostics += linter.lint(module, facts: facts)
            return linted
        }
        return copy
    }
}
