import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// What a learner command needs: the modules, the site, the store and who the learner is.
struct TrainingContext {
    let console: Console
    let modules: ModuleSet
    let store: any CompletionStore
    let learnerID: String?

    /// Loads the modules folder, opens the store, works out the learner (asking when
    /// `askForLearner` is true), runs `body`, and closes the store whatever happens.
    static func using(
        _ options: SessionOptions, askForLearner: Bool, _ body: (TrainingContext) async throws -> Void
    ) async throws {
        let console = Console(plain: options.plain)
        let folder = try options.existingModulesFolder
        let modules = try options.moduleOptions.catalog.load(paths: [folder])
        if let siteProblem = modules.sites.first(where: { $0.site == nil }) {
            throw CaresFailure.badData(
                "the site file \(siteProblem.path) has errors", hint: "run: cares validate \(siteProblem.path)")
        }
        try await StoreOpener.withStore(try options.databaseLocation) { store in
            var learnerID: String?
            if askForLearner {
                learnerID = try await LearnerResolver(console: console, flag: options.learner).resolve(confirm: true)
            } else {
                learnerID = LearnerResolver.known(flag: options.learner)
            }
            if let learnerID { try await LearnerAdministration(store: store).admit(learnerID) }
            try await body(TrainingContext(console: console, modules: modules, store: store, learnerID: learnerID))
        }
    }

    /// The module with this id, or a failure naming the closest id or the file's errors.
    func module(_ id: String) throws -> Module {
        if let module = modules.module(id: id) { return module }
        if let broken = modules.results.first(where: { $0.declaredID == id }) {
            let errors = broken.diagnostics.filter { $0.severity == .error }.count
            throw CaresFailure.badData(
                "the module '\(ShownText.id(id))' has \(errors) error\(errors == 1 ? "" : "s") and cannot be taken",
                hint: "run: cares validate \(broken.path)")
        }
        let ids = modules.modules.map(\.id)
        throw CaresFailure.refused(
            "there is no module '\(ShownText.id(id))'",
            hint: Suggestion.closest(to: id, in: ids).map { "Did you mean '\($0)'? (cares list shows them all)" }
                ?? "cares list shows the modules available")
    }
}
