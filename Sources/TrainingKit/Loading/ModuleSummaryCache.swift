import Foundation

/// The summaries of a folder's modules for `cares list`, kept in a cache file so that unchanged
/// modules are not parsed again.
///
/// Each entry is keyed by the file's path, size, modification time and XXH64 checksum of its
/// content; the whole file by the site file's checksum and `toolKey` (which build of cares wrote it, since its
/// rules decide validity). Every module file is read and hashed on every use, so an entry is never
/// trusted when the file changed, even with the same size and time. The cache is safe to delete;
/// one that cannot be read or written is ignored.
public struct ModuleSummaryCache: Sendable {
    /// The cache file; nil: no cache, every module is loaded.
    public var file: String?
    /// Identifies the build of cares; a cache written by another is ignored.
    public var toolKey: String
    public var loader: ModuleLoader

    static let header = "cares module summaries 2"

    public init(file: String?, toolKey: String, loader: ModuleLoader = ModuleLoader(hashesContent: false)) {
        self.file = file
        self.toolKey = toolKey
        self.loader = loader
    }

    /// The modules in `files` that load without errors with `site`, sorted by id as `ModuleSet.modules` is.
    ///
    /// `siteSource` is the site file's text (nil: no site), for the cache key.
    public func summaries(of files: [String], site: Site?, siteSource: SourceText?) -> [ModuleSummary] {
        let siteKey = siteSource.map { XXHash64.hexDigest($0.bytes) } ?? "-"
        let cached = file.map { read($0, siteKey: siteKey) } ?? [:]
        var entries: [Entry?] = []
        var misses: [(index: Int, path: String, bytes: [UInt8], key: Key)] = []
        for path in files {
            guard let (bytes, key) = Self.keyed(path, loader: loader) else {
                // Unreadable: not a module that loads, and nothing to cache.
                entries.append(nil)
                continue
            }
            if let entry = cached[path], entry.key == key {
                entries.append(entry)
            } else {
                misses.append((entries.count, path, bytes, key))
                entries.append(nil)
            }
        }
        if !misses.isEmpty {
            let loader = self.loader
            let loaded = ModuleCatalog.concurrentMap(misses.map { ($0.path, $0.bytes) }) { path, bytes in
                loader.loadModule(source: SourceText(bytes: bytes), path: path, site: site).module.map { ModuleSummary($0, path: path) }
            }
            for (miss, summary) in zip(misses, loaded) { entries[miss.index] = Entry(key: miss.key, summary: summary) }
        }
        let present = entries.compactMap { $0 }
        if let file, !misses.isEmpty || present.count != cached.count {
            write(present, to: file, siteKey: siteKey)
        }
        return present.compactMap(\.summary).sorted { $0.id < $1.id }
    }

    /// What decides whether an entry is still true of its file.
    struct Key: Hashable {
        var path: String
        var size: Int
        var modified: Int
        var hash: String
    }

    /// One file's key and summary (nil: the module does not load).
    struct Entry {
        var key: Key
        var summary: ModuleSummary?
    }

    /// The file's bytes and key, or nil when it cannot be read.
    static func keyed(_ path: String, loader: ModuleLoader) -> ([UInt8], Key)? {
        var info = stat()
        guard stat(path, &info) == 0, case .success(let bytes) = loader.readBytes(path) else { return nil }
        let modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
        return (bytes, Key(path: path, size: Int(info.st_size), modified: modified, hash: XXHash64.hexDigest(bytes)))
    }

    /// The entries of a cache file written for this build and site, by path; empty when it is missing or unreadable.
    func read(_ file: String, siteKey: String) -> [String: Entry] {
        guard case .success(let bytes) = loader.readBytes(file) else { return [:] }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first == Self.header + "\t" + Self.escape(toolKey) + "\t" + siteKey else { return [:] }
        var entries: [String: Entry] = [:]
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { Self.unescape($0) }
            guard fields.count == 13, let size = Int(fields[1]), let modified = Int(fields[2]) else { return [:] }
            let key = Key(path: fields[0], size: size, modified: modified, hash: fields[3])
            var summary: ModuleSummary?
            if fields[4] == "1" {
                guard let version = SemanticVersion(fields[7]), let passMark = Int(fields[8]) else { return [:] }
                summary = ModuleSummary(
                    path: fields[0], id: fields[5], title: fields[6], version: version, passMark: passMark,
                    validForDays: Int(fields[9]), maxAttempts: Int(fields[10]), retakeAfterHours: Int(fields[11]),
                    estimatedMinutes: Int(fields[12]))
            }
            entries[key.path] = Entry(key: key, summary: summary)
        }
        return entries
    }

    /// Writes the entries to a temporary file and renames it over the cache; failures are ignored.
    func write(_ entries: [Entry], to file: String, siteKey: String) {
        var text = Self.header + "\t" + Self.escape(toolKey) + "\t" + siteKey + "\n"
        for entry in entries {
            var fields = [entry.key.path, String(entry.key.size), String(entry.key.modified), entry.key.hash]
            if let summary = entry.summary {
                fields += [
                    "1", summary.id, summary.title, summary.version.description, String(summary.passMark),
                    summary.validForDays.map(String.init) ?? "-", summary.maxAttempts.map(String.init) ?? "-",
                    summary.retakeAfterHours.map(String.init) ?? "-", summary.estimatedMinutes.map(String.init) ?? "-",
                ]
            } else {
                fields += ["0", "", "", "", "", "", "", "", ""]
            }
            text += fields.map(Self.escape).joined(separator: "\t") + "\n"
        }
        let folder = (file as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let temporary = file + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, file) != 0 { unlink(temporary) }
    }

    /// Tabs, line breaks and backslashes as `\t`, `\n`, `\r` and `\\`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var result = ""
        var escaped = false
        for character in text.unicodeScalars {
            if escaped {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
