extension ItemLinter {
    /// Rules 8 and 9 for a module some site requirement names: a pool of at least twice the draw, and an attempt limit.
    func checkRequired(_ module: Module, idLocation: SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let units = module.quiz.units.count
        let draw = module.quiz.draw ?? units
        if units < 2 * draw {
            diagnostics.append(
                Diagnostic(
                    .warning, file: module.path, at: module.quiz.drawLocation ?? module.quiz.location,
                    "module '\(module.id)' is required, but its pool has \(units) units for a draw of \(draw); a retake repeats most of them",
                    hint: "add units until there are at least \(2 * draw) (a scenario counts as one), or lower 'draw' to \(max(1, units / 2))"))
        }
        if module.maxAttempts == nil {
            diagnostics.append(
                Diagnostic(
                    .warning, file: module.path, at: idLocation,
                    "module '\(module.id)' is required but sets no 'max_attempts', so answers can be guessed over unlimited retakes",
                    hint: "add 'max_attempts: 3' (attempts per validity period)"))
        }
        return diagnostics
    }
}
