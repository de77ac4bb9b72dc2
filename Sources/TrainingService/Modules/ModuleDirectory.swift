import TrainingKit
import TrainingStore

/// Every module the records can name: the loaded YAML modules, plus modules known only from the store.
public struct ModuleDirectory: Sendable {
    /// By id, in id order.
    public var modules: [KnownModule]
    /// Snapshot titles by module id and version, for attempts on older versions.
    var snapshotTitles: [String: String]

    public init(modules: [Module], snapshots: [ModuleSnapshot]) {
        var byID: [String: KnownModule] = [:]
        var titles: [String: String] = [:]
        for snapshot in snapshots {
            titles[snapshot.moduleID + "@" + snapshot.version] = snapshot.title
            let candidate = KnownModule(
                id: snapshot.moduleID, title: snapshot.title, version: snapshot.version, passMark: snapshot.passMark,
                validForDays: snapshot.validForDays, maxAttempts: snapshot.maxAttempts, module: nil)
            if let known = byID[snapshot.moduleID], !Self.isNewer(snapshot.version, than: known.version) { continue }
            byID[snapshot.moduleID] = candidate
        }
        for module in modules {
            byID[module.id] = KnownModule(
                id: module.id, title: module.title, version: module.version.description, passMark: module.passMark,
                validForDays: module.validForDays, maxAttempts: module.maxAttempts, module: module)
        }
        self.modules = byID.values.sorted { $0.id < $1.id }
        snapshotTitles = titles
    }

    /// Reads the snapshots from the store.
    public static func load(modules: [Module], store: any CompletionStore) async throws -> ModuleDirectory {
        ModuleDirectory(modules: modules, snapshots: try await store.moduleSnapshots())
    }

    public func module(id: String) -> KnownModule? { modules.first { $0.id == id } }

    /// The title of a module version as recorded, else the current title.
    public func title(moduleID: String, version: String) -> String? {
        snapshotTitles[moduleID + "@" + version] ?? module(id: moduleID)?.title
    }

    static func isNewer(_ version: String, than other: String) -> Bool {
        if let a = SemanticVersion(version), let b = SemanticVersion(other) { return a > b }
        return version > other
    }
}
