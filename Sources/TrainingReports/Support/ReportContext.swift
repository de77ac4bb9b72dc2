import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// Everything a report reads: the store, the modules, the site, the filters, the clock and time zone.
///
/// Module text (titles, prompts, choices, objectives) is shown as the quiz shows it: the catalog's
/// `{{site.KEY}}` placeholders are filled with the site's facts when the context is made.
public struct ReportContext: Sendable {
    public var store: any CompletionStore
    public var catalog: ModuleDirectory
    public var site: Site?
    public var filter: ReportFilter
    public var now: Date
    public var time: ReportTime

    public init(
        store: any CompletionStore, catalog: ModuleDirectory, site: Site?, filter: ReportFilter = ReportFilter(),
        now: Date = Date(), time: ReportTime = ReportTime()
    ) {
        self.store = store
        self.catalog = catalog.fillingPlaceholders(site?.facts ?? [:])
        self.site = site
        self.filter = filter
        self.now = now
        self.time = time
    }

    var siteName: String? { site?.facts["site_name"] }

    func header(kind: String, title: String) -> ReportHeader {
        ReportHeader(kind: kind, title: title, siteName: siteName, generatedAt: now, filters: filter.described(time: time))
    }

    /// The learners the filters admit, by id; with `activeOnly`, those still active.
    func learners(activeOnly: Bool) async throws -> [Learner] {
        try await store.learners().filter { filter.admits($0) && (!activeOnly || $0.isActive) }
    }

    /// Every learner by id (for names, departments and roles on attempt rows).
    func learnerDirectory() async throws -> [String: Learner] {
        var result: [String: Learner] = [:]
        for learner in try await store.learners() { result[learner.id] = learner }
        return result
    }

    /// Grant times by learner and module id.
    func grants() async throws -> [String: [Date]] {
        var result: [String: [Date]] = [:]
        for event in try await store.auditEvents(learnerID: filter.learnerID, moduleID: filter.moduleID)
        where event.kind == .attemptGranted {
            result[event.learnerID + "\u{0}" + event.moduleID, default: []].append(event.at)
        }
        return result
    }

    /// The module ids required of a learner: site requirements, else every module; narrowed by `--module`.
    func requiredModules(for learner: Learner) -> [KnownModule] {
        let required = site?.requiredModules(department: learner.department, role: learner.role)
        return catalog.modules.filter { module in
            (required?.contains(module.id) ?? true) && (filter.moduleID == nil || filter.moduleID == module.id)
        }
    }

    /// Fails with a usage error naming the module when `--module` names no known module.
    func requireKnownModule() throws {
        guard let id = filter.moduleID, catalog.module(id: id) == nil else { return }
        let known = catalog.modules.map(\.id)
        let hint = Suggestion.closest(to: id, in: known).map { " Did you mean '\($0)'?" } ?? ""
        throw ReportError.notFound("there is no module '\(ShownText.id(id))' in the modules folder or the records.\(hint)")
    }

    /// Fails when `--learner` names nobody in the store.
    func requireKnownLearner() async throws {
        guard let id = filter.learnerID else { return }
        if try await store.learner(id: id) == nil {
            throw ReportError.notFound("there is no learner '\(ShownText.id(id))' in the records (cares learners list shows them)")
        }
    }
}
