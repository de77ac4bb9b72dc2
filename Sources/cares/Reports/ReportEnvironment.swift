import Foundation
import TrainingKit
import TrainingReports
import TrainingService
import TrainingStore

/// What coordinator commands read: the store, the modules (when the folder exists) and the site.
/// The catalog's module text has the site's facts filled in, as the quiz shows it.
struct ReportEnvironment {
    let store: any CompletionStore
    let modules: [Module]
    let site: Site?
    let catalog: ModuleDirectory

    /// Opens the store and loads the modules folder, runs `body`, and closes the store whatever happens.
    static func using<T: Sendable>(_ options: SessionOptions, _ body: (ReportEnvironment) async throws -> T) async throws -> T {
        let (modules, site) = try loadModules(options)
        return try await StoreOpener.withStore(try options.databaseLocation) { store in
            let catalog = try await ModuleDirectory.load(modules: modules, store: store).fillingPlaceholders(site?.facts ?? [:])
            return try await body(ReportEnvironment(store: store, modules: modules, site: site, catalog: catalog))
        }
    }

    /// The modules folder if there is one; reports work from the store alone (with the site file
    /// named by `--site`, `CARES_SITE` or the config, when there is no modules folder).
    private static func loadModules(_ options: SessionOptions) throws -> ([Module], Site?) {
        let folder = try options.modulesFolder
        var modules: [Module] = []
        var site: Site?
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
            let set = try options.moduleOptions.catalog.load(paths: [folder])
            if let problem = set.sites.first(where: { $0.site == nil }) {
                throw CaresFailure.badData("the site file \(problem.path) has errors", hint: "run: cares validate \(problem.path)")
            }
            modules = set.modules
            site = set.site
        } else if let file = try options.moduleOptions.siteFile {
            let loaded = ModuleLoader().loadSite(at: file)
            guard let named = loaded.site else {
                throw CaresFailure.badData("the site file \(file) has errors", hint: "run: cares validate \(file)")
            }
            site = named
        }
        return (modules, site)
    }

    func context(_ filter: ReportFilter) -> ReportContext {
        ReportContext(store: store, catalog: catalog, site: site, filter: filter)
    }
}
