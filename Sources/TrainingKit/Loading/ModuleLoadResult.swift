/// What reading one file gave: the module (when it has no errors) and every diagnostic.
public struct ModuleLoadResult: Sendable {
    public var path: String
    public var module: Module?
    public var diagnostics: [Diagnostic]
    /// Where the module's id is written, for checks across files.
    public var idLocation: SourceLocation?
    /// The module id as written, even when the module has errors.
    public var declaredID: String?

    public init(path: String, module: Module?, diagnostics: [Diagnostic], idLocation: SourceLocation? = nil, declaredID: String? = nil) {
        self.path = path
        self.module = module
        self.diagnostics = diagnostics
        self.idLocation = idLocation
        self.declaredID = declaredID
    }
}
