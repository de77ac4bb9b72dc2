/// The modules and site file read from some paths, with every diagnostic found in them.
public struct ModuleSet: Sendable {
    /// One result per module file, in path order.
    public var results: [ModuleLoadResult]
    /// The site files read (one per folder that has one).
    public var sites: [SiteLoadResult]
    /// Problems that involve several files, such as two modules with one id.
    public var crossFileDiagnostics: [Diagnostic]

    public init(results: [ModuleLoadResult], sites: [SiteLoadResult], crossFileDiagnostics: [Diagnostic]) {
        self.results = results
        self.sites = sites
        self.crossFileDiagnostics = crossFileDiagnostics
    }

    /// The modules that loaded without errors, sorted by id.
    public var modules: [Module] {
        results.compactMap(\.module).sorted { $0.id < $1.id }
    }

    /// The first site that loaded, which supplies facts and requirements.
    public var site: Site? { sites.lazy.compactMap(\.site).first }

    /// The module with this id.
    public func module(id: String) -> Module? {
        results.lazy.compactMap(\.module).first { $0.id == id }
    }

    /// Every diagnostic, grouped by file in path order, each file's in source order.
    public var diagnostics: [Diagnostic] {
        var byFile: [String: [Diagnostic]] = [:]
        var order: [String] = []
        for diagnostic in sites.flatMap(\.diagnostics) + results.flatMap(\.diagnostics) + crossFileDiagnostics {
            if byFile[diagnostic.file] == nil { order.append(diagnostic.file) }
            byFile[diagnostic.file, default: []].append(diagnostic)
        }
        return order.flatMap { file in
            (byFile[file] ?? []).enumerated().sorted { a, b in
                a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
            }.map(\.element)
        }
    }

    /// How many files were read, site files included.
    public var fileCount: Int { results.count + sites.count }
}
