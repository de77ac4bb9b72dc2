import Foundation

/// Reads module and site files from disk or memory into models and diagnostics.
public struct ModuleLoader: Sendable {
    public var limits: YAMLLimits
    /// Whether to compute each module's SHA-256 (records need it; `validate` does not).
    public var hashesContent: Bool

    public init(limits: YAMLLimits = .default, hashesContent: Bool = true) {
        self.limits = limits
        self.hashesContent = hashesContent
    }

    /// Whether a file name is a site file rather than a module.
    public static func isSiteFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name == "site.yaml" || name == "site.yml"
    }

    /// Reads a module from bytes.
    public func loadModule(source: SourceText, path: String, site: Site?) -> ModuleLoadResult {
        let bag = DiagnosticBag(file: path)
        let checker = PlaceholderChecker(
            knownFacts: site.map { Set($0.facts.keys) }, siteDescription: site?.path ?? "site.yaml")
        let decoder = NodeDecoder(bag: bag, source: source, placeholders: checker)
        guard let root = YAMLReader(limits: limits).read(source, into: bag) else {
            return ModuleLoadResult(path: path, module: nil, diagnostics: bag.sorted)
        }
        let module = ModuleDecoder(decoder: decoder).decode(
            root, path: path, contentHash: hashesContent ? SHA256.hexDigest(source.bytes) : "")
        var idLocation: SourceLocation?
        var declaredID: String?
        if case .mapping(let pairs) = root.value, let pair = pairs.first(where: { $0.key.scalarText == "id" }) {
            idLocation = pair.value.start
            declaredID = pair.value.scalarText
        }
        return ModuleLoadResult(
            path: path, module: module, diagnostics: bag.sorted, idLocation: idLocation, declaredID: declaredID)
    }

    /// Reads a module file.
    public func loadModule(at path: String, site: Site?) -> ModuleLoadResult {
        switch readFile(path) {
        case .success(let source): return loadModule(source: source, path: path, site: site)
        case .failure(let diagnostic): return ModuleLoadResult(path: path, module: nil, diagnostics: [diagnostic])
        }
    }

    /// Reads a site file from bytes.
    public func loadSite(source: SourceText, path: String) -> SiteLoadResult {
        let bag = DiagnosticBag(file: path)
        let decoder = NodeDecoder(bag: bag, source: source, placeholders: PlaceholderChecker(knownFacts: []))
        guard let root = YAMLReader(limits: limits).read(source, into: bag),
            let (site, named) = SiteDecoder(decoder: decoder).decode(root, path: path)
        else { return SiteLoadResult(path: path, site: nil, diagnostics: bag.sorted) }
        return SiteLoadResult(
            path: path, site: bag.hasErrors ? nil : site, diagnostics: bag.sorted,
            requiredModuleIDs: named.map { RequiredModuleReference(id: $0.0, location: $0.1) })
    }

    /// Reads a site file.
    public func loadSite(at path: String) -> SiteLoadResult {
        switch readFile(path) {
        case .success(let source): return loadSite(source: source, path: path)
        case .failure(let diagnostic): return SiteLoadResult(path: path, site: nil, diagnostics: [diagnostic])
        }
    }

    /// Reads a file's bytes, refusing anything but a regular file, and anything over the size limit
    /// before reading it.
    ///
    /// The file is opened without blocking and checked with `fstat` on what was opened, so a FIFO
    /// (even one swapped in after a directory listing) or a device such as `/dev/zero` is refused at
    /// once instead of hanging or reading forever.
    public func readFile(_ path: String) -> Result<SourceText, Diagnostic> {
        readBytes(path).map { SourceText(bytes: $0) }
    }

    /// The bytes of a regular file within the size limit, as `readFile` reads them, without a line index.
    public func readBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: return .failure(Diagnostic(.error, file: path, at: .start, "no such file"))
            case EACCES, EPERM:
                return .failure(Diagnostic(.error, file: path, at: .start, "cannot be read (check its permissions)"))
            case ENXIO:
                return .failure(Self.notRegular(path, kind: "a socket"))
            default:
                return .failure(
                    Diagnostic(.error, file: path, at: .start, "cannot be read: \(String(cString: strerror(code)))"))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(Diagnostic(.error, file: path, at: .start, "cannot be read: \(String(cString: strerror(errno)))"))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Diagnostic(.error, file: path, at: .start, "is a folder, not a file"))
        case S_IFIFO: return .failure(Self.notRegular(path, kind: "a FIFO (named pipe)"))
        case S_IFCHR, S_IFBLK: return .failure(Self.notRegular(path, kind: "a device"))
        case S_IFSOCK: return .failure(Self.notRegular(path, kind: "a socket"))
        default: return .failure(Self.notRegular(path, kind: "an unusual kind of file"))
        }
        let size = Int(info.st_size)
        if size > limits.maxFileBytes {
            return .failure(
                Diagnostic(
                    .error, file: path, at: .start,
                    "the file is \(size) bytes; the limit is \(limits.maxFileBytes) bytes",
                    hint: "split it into smaller modules"))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var bytes = [UInt8](repeating: 0, count: min(size, limits.maxFileBytes) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                // The file grew while being read: read on, up to one byte past the limit.
                guard bytes.count <= limits.maxFileBytes else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limits.maxFileBytes + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + total, buffer.count - total)
            }
            if count > 0 {
                total += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                return .failure(Diagnostic(.error, file: path, at: .start, "cannot be read: \(String(cString: strerror(errno)))"))
            }
        }
        if total > limits.maxFileBytes {
            return .failure(
                Diagnostic(
                    .error, file: path, at: .start, "the file grew past the limit of \(limits.maxFileBytes) bytes while being read",
                    hint: "split it into smaller modules"))
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }

    private static func notRegular(_ path: String, kind: String) -> Diagnostic {
        Diagnostic(
            .error, file: path, at: .start, "is \(kind), not a regular file; it was not read",
            hint: "module and site files must be regular files; remove it or rename it so it does not end in .yaml")
    }
}
