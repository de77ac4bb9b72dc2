import Foundation
import TrainingKit
import TrainingReports
import TrainingStore

/// What coordinator commands read: the store, the modules (when the folder exists) and the site.
struct ReportEnvironment {
    let store: any CompletionStore
    let modules: [Module]
    let site: Site?
    let catalog: ReportCatalog

    /// Opens the store and loads the modules folder if there is one; reports work from the store alone.
    static func prepare(_ options: SessionOptions) async throws -> ReportEnvironment {
        let folder = try options.modulesFolder
        var modules: [Module] = []
        var site: Site?
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
            let set = ModuleCatalog().load(paths: [folder])
            if let problem = set.sites.first(where: { $0.site == nil }) {
                throw CaresFailure.badData("the site file \(problem.path) has errors", hint: "run: cares validate \(problem.path)")
            }
            modules = set.modules
            site = set.site
        }
        let store = try await StoreOpener.open(try options.databaseLocation)
        let catalog = try await ReportCatalog.load(modules: modules, store: store)
        return ReportEnvironment(store: store, modules: modules, site: site, catalog: catalog)
    }

    func context(_ filter: ReportFilter) -> ReportContext {
        ReportContext(store: store, catalog: catalog, site: site, filter: filter)
    }

    /// Runs a body that may throw report errors, turning them into failures with the right exit code.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ReportError {
            switch error {
            case .usage(let message): throw CaresFailure(message: message, hint: nil, exitCode: 64)
            case .notFound(let message): throw CaresFailure.refused(message)
            case .output(let message): throw CaresFailure(message: message, hint: nil, exitCode: 73)
            case .roster(let problems):
                throw CaresFailure.badData(
                    problems.joined(separator: "\n"), hint: "Nothing was imported. Fix the file and import it again.")
            }
        }
    }
}
