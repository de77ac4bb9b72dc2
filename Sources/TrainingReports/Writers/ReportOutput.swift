import Foundation

/// Where a report's bytes go: standard output, or a file written beside its final name and moved into
/// place only when complete, so a failed report never leaves half a file. Buffered; owner-only (0600).
public final class ReportOutput {
    private let handle: FileHandle
    private let finalPath: String?
    private let partialPath: String?
    private var buffer = Data()
    private var closed = false

    /// Standard output.
    public static func standardOutput() -> ReportOutput { ReportOutput(handle: .standardOutput, finalPath: nil, partialPath: nil) }

    /// Whether `path` names something other than a regular file or nothing: a device such as
    /// `/dev/null`, a FIFO or a socket. Such a path is written in place, never replaced by a rename.
    public static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// A new file at `path` (replaced if it exists, once the report is complete); a device or a
    /// FIFO such as `/dev/null` is written directly.
    public static func file(_ path: String) throws -> ReportOutput {
        if isSpecialFile(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw ReportError.output("cannot write \(path): permission denied")
            }
            return ReportOutput(handle: handle, finalPath: nil, partialPath: nil)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.output("cannot write \(path): there is no folder \(folder)")
        }
        let partial = folder + "/." + url.lastPathComponent + ".partial-\(UUID().uuidString.prefix(8))"
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: partial)
        else { throw ReportError.output("cannot write \(path): permission denied or the disk is full") }
        return ReportOutput(handle: handle, finalPath: path, partialPath: partial)
    }

    private init(handle: FileHandle, finalPath: String?, partialPath: String?) {
        self.handle = handle
        self.finalPath = finalPath
        self.partialPath = partialPath
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    public func write(_ data: Data) throws {
        try flush()
        try writeNow(data)
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let data = buffer
        buffer.removeAll(keepingCapacity: true)
        try writeNow(data)
    }

    private func writeNow(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw ReportError.output("cannot write \(finalPath ?? "the report"): \(error.localizedDescription)")
        }
    }

    /// Writes what is buffered and, for a file, moves it to its final name.
    public func commit() throws {
        try flush()
        guard let finalPath, let partialPath, !closed else { return }
        closed = true
        try? handle.synchronize()
        try? handle.close()
        if rename(partialPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partialPath)
            throw ReportError.output("cannot write \(finalPath): \(reason)")
        }
    }

    /// Removes a partly written file (nothing for standard output).
    public func discard() {
        guard let partialPath, !closed else { return }
        closed = true
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partialPath)
    }
}
