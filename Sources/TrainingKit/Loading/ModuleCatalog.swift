import Foundation

/// Finds and reads the module files under some paths, with their site file, and checks them as a set.
public struct ModuleCatalog: Sendable {
    public var loader: ModuleLoader
    /// A site file to use for every module instead of the `site.yaml` found beside them (`--site`).
    public var siteFile: String?

    public init(loader: ModuleLoader = ModuleLoader(), siteFile: String? = nil) {
        self.loader = loader
        self.siteFile = siteFile
    }

    /// Reads every module under `paths` (files or folders).
    ///
    /// A folder's site file is the `site.yaml` inside it; a lone file's is the one beside it, else
    /// the one in `fallbackFolder` (the modules folder).
    public func load(paths: [String], fallbackFolder: String? = nil) -> ModuleSet {
        var moduleFiles: [(path: String, siteFolder: String?)] = []
        var siteFolders: [String] = []
        // Folders read whole (or whose site file was named): only there can requirements be checked against modules.
        var completeFolders = Set<String>()
        var missing: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(Diagnostic(.error, file: path, at: .start, "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let files = Self.yamlFiles(in: path)
                if files.isEmpty {
                    missing.append(Diagnostic(.error, file: path, at: .start, "the folder has no .yaml files"))
                }
                completeFolders.insert(path)
                for file in files {
                    if ModuleLoader.isSiteFile(file) {
                        siteFolders.append(path)
                    } else {
                        moduleFiles.append((file, path))
                    }
                }
            } else if ModuleLoader.isSiteFile(path) {
                let folder = (path as NSString).deletingLastPathComponent
                siteFolders.append(folder.isEmpty ? "." : folder)
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                let beside = folder.isEmpty ? "." : folder
                let siteFolder = Self.siteFile(in: beside) != nil ? beside : fallbackFolder
                moduleFiles.append((path, siteFolder))
                if let siteFolder { siteFolders.append(siteFolder) }
            }
        }
        var sites: [String: SiteLoadResult] = [:]
        var siteOrder: [String] = []
        if let siteFile {
            // One named site for every module, whatever site.yaml sits beside them.
            let named = loader.loadSite(at: siteFile)
            siteFolders = [siteFile]
            moduleFiles = moduleFiles.map { ($0.path, siteFile) }
            sites[siteFile] = named
            siteOrder = [siteFile]
            if !completeFolders.isEmpty { completeFolders.insert(siteFile) }
        }
        for folder in siteFolders where sites[folder] == nil {
            if let file = Self.siteFile(in: folder) {
                sites[folder] = loader.loadSite(at: file)
                siteOrder.append(folder)
            }
        }
        let loader = self.loader
        let jobs = moduleFiles.map { ($0.path, $0.siteFolder.flatMap { sites[$0]?.site }) }
        let results = Self.concurrentMap(jobs) { loader.loadModule(at: $0.0, site: $0.1) }
        let siteResults = siteOrder.compactMap { sites[$0] }
        let checkedSites = siteOrder.filter(completeFolders.contains).compactMap { sites[$0] }
        let cross = missing + Self.crossFileDiagnostics(results: results, sites: checkedSites)
        return ModuleSet(results: results, sites: siteResults, crossFileDiagnostics: cross)
    }

    /// The `.yaml` and `.yml` files directly in a folder, sorted, hidden files skipped.
    public static func yamlFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The site file in a folder, if there is one.
    public static func siteFile(in folder: String) -> String? {
        for name in ["site.yaml", "site.yml"] {
            let path = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    static func crossFileDiagnostics(results: [ModuleLoadResult], sites: [SiteLoadResult]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByID: [String: String] = [:]
        for result in results {
            guard let id = result.declaredID, let location = result.idLocation else { continue }
            if let first = firstByID[id] {
                diagnostics.append(
                    Diagnostic(
                        .error, file: result.path, at: location, length: id.count,
                        "module id '\(id)' is also used by \(first)", hint: "module ids must be unique across the module set"))
            } else {
                firstByID[id] = result.path
            }
            let stem = ((result.path as NSString).lastPathComponent as NSString).deletingPathExtension
            if stem != id, NodeDecoder.isKebabCase(id) {
                diagnostics.append(
                    Diagnostic(
                        .warning, file: result.path, at: location, length: id.count,
                        "module id '\(id)' differs from the file name '\(stem)'", hint: "name the file \(id).yaml"))
            }
        }
        for site in sites {
            for reference in site.requiredModuleIDs where firstByID[reference.id] == nil {
                diagnostics.append(
                    Diagnostic(
                        .error, file: site.path, at: reference.location, length: reference.id.count,
                        "requirement names module '\(reference.id)', which is not in the module set",
                        hint: Suggestion.hint(for: reference.id, in: firstByID.keys)))
            }
        }
        return diagnostics
    }

    /// Maps items on all cores, keeping their order.
    static func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values
    }
}
