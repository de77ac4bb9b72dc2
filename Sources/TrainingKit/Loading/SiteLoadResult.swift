/// What reading a site file gave.
public struct SiteLoadResult: Sendable {
    public var path: String
    public var site: Site?
    public var diagnostics: [Diagnostic]
    /// Each module id the requirements name, with its location.
    public var requiredModuleIDs: [RequiredModuleReference]

    public init(path: String, site: Site?, diagnostics: [Diagnostic], requiredModuleIDs: [RequiredModuleReference] = []) {
        self.path = path
        self.site = site
        self.diagnostics = diagnostics
        self.requiredModuleIDs = requiredModuleIDs
    }
}
