import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// The table of `cares list`: module, status, best score, valid until.
///
/// `list` needs only each module's id, title, version and rules: they come from
/// `ModuleSummaryCache` (modules unchanged since the last run are not parsed again).
struct ModuleListing {
    let console: Console
    let modules: [ModuleSummary]
    let site: Site?
    let store: (any CompletionStore)?
    let learnerID: String?

    /// Reads the modules folder's summaries, opens the store, and prints the table.
    static func run(_ options: SessionOptions) async throws {
        let console = Console(plain: options.plain)
        let folder = try options.existingModulesFolder
        let loader = ModuleLoader(hashesContent: false)
        let sitePath = try options.moduleOptions.siteFile ?? ModuleCatalog.siteFile(in: folder)
        var site: Site?
        var siteSource: SourceText?
        if let sitePath {
            let loaded: SiteLoadResult
            switch loader.readFile(sitePath) {
            case .success(let source):
                siteSource = source
                loaded = loader.loadSite(source: source, path: sitePath)
            case .failure(let diagnostic):
                loaded = SiteLoadResult(path: sitePath, site: nil, diagnostics: [diagnostic])
            }
            guard let loadedSite = loaded.site else {
                throw CaresFailure.badData(
                    "the site file \(loaded.path) has errors", hint: "run: cares validate \(loaded.path)")
            }
            site = loadedSite
        }
        let files = ModuleCatalog.yamlFiles(in: folder).filter { !ModuleLoader.isSiteFile($0) }
        let cache = ModuleSummaryCache(file: ModuleSummaryCachePlace.file(forFolder: folder), toolKey: ModuleSummaryCachePlace.toolKey)
        let modules = cache.summaries(of: files, site: site, siteSource: siteSource)
        // The store is opened even without a learner, so a wrong database setting is reported here too.
        try await StoreOpener.withStore(try options.databaseLocation) { store in
            let learnerID = LearnerResolver.known(flag: options.learner)
            if let learnerID { try await LearnerAdministration(store: store).admit(learnerID) }
            try await ModuleListing(console: console, modules: modules, site: site, store: store, learnerID: learnerID).print()
        }
    }

    func print() async throws {
        guard !modules.isEmpty else {
            console.line("No modules in the modules folder. Check it with: cares validate")
            return
        }
        var rows: [[String]] = [["MODULE", "STATUS", "SCORE", "VALID UNTIL"]]
        guard let store, let learnerID else {
            for module in modules {
                rows.append([module.id, module.estimatedMinutes.map { "about \($0) min" } ?? "", "–", "–"])
            }
            for line in Self.align(rows) { console.line(line) }
            console.line()
            console.wrapped("Use --learner ID (or take a module) to see your own progress.", style: .dim)
            return
        }
        let learner = try await store.learner(id: learnerID)
        let required = site?.requiredModules(department: learner?.department, role: learner?.role)
        for module in modules {
            let policy = ModulePolicy(
                version: module.version, passMark: module.passMark, validForDays: module.validForDays,
                maxAttempts: module.maxAttempts, retakeAfterHours: module.retakeAfterHours)
            let standing = try await store.standing(learnerID: learnerID, moduleID: module.id, policy: policy)
            let status = try await describe(standing, module: module, store: store, required: required?.contains(module.id) ?? false)
            let score = standing.bestScore.map(Formatting.percent) ?? "–"
            let until = standing.state == .passed ? (standing.expiresAt.map(Formatting.day) ?? "no expiry") :
                (standing.expiresAt.map(Formatting.day) ?? "–")
            rows.append([module.id, status, score, until])
        }
        for line in Self.align(rows) { console.line(line) }
    }

    private func describe(
        _ standing: ModuleStanding, module: ModuleSummary, store: any CompletionStore, required: Bool
    ) async throws -> String {
        switch standing.state {
        case .notStarted:
            return required ? "due — not started" : "not started"
        case .inProgress:
            guard let attempt = standing.inProgress else { return "in progress" }
            let answered = try await store.responses(attemptID: attempt.id).count
            if answered >= attempt.questionCount { return "in progress (all answered; resume to see the result)" }
            return "in progress (question \(answered + 1) of \(attempt.questionCount))"
        case .passed:
            let date = standing.lastPass.map { Formatting.day($0.finishedAt ?? $0.startedAt) } ?? ""
            return "passed \(date)"
        case .failed:
            if let next = standing.nextAttemptAt, standing.attemptsLeft != 0 {
                return "failed — next attempt after \(Formatting.moment(next))"
            }
            switch standing.attemptsLeft {
            case nil: return "failed — try again"
            case 0?: return "failed — no attempts left"
            case let left?: return "failed — \(left) attempt\(left == 1 ? "" : "s") left"
            }
        case .expired:
            return "due — expired " + (standing.expiresAt.map(Formatting.day) ?? "")
        case .outdated:
            return "due — new version \(module.version)"
        }
    }

    /// Left-aligned columns separated by two spaces.
    static func align(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}

extension Optional {
    /// Maps the wrapped value with an async throwing closure.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
