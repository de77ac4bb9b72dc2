import Foundation

/// Where a report's bytes go: standard output, or a file written beside its final name and moved into
/// place only when complete, so a failed report never leaves half a file (and an interrupted one
/// none either, once the command removes `UnfinishedOutputs`). Buffered; owner-only (0600).
public final class ReportOutput {
    private let handle: FileHandle
    private let finalPath: String?
    private let partialPath: String?
    private var buffer = Data()
    private var closed = false

    /// Standard output.
    public static func standardOutput() -> ReportOutput { ReportOutput(handle: .standardOutput, finalPath: nil, partialPath: nil) }

    /// Where `--output` sends a report: standard output for `-`, a character device such as
    /// `/dev/null` in place, else a new file at `path` (replacing what is there once the report is
    /// complete). FIFOs, sockets and other users' files in shared folders are refused (see `OutputTarget`).
    public static func file(_ path: String) throws -> ReportOutput {
        if path == "-" { return standardOutput() }
        if try OutputTarget.check(path) == .device {
            return ReportOutput(handle: try OutputTarget.openDevice(path), finalPath: nil, partialPath: nil)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.output("cannot write \(path): there is no folder \(folder)")
        }
        let partial = folder + "/." + url.lastPathComponent + ".partial-\(UUID().uuidString.prefix(8))"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ReportError.output("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        UnfinishedOutputs.add(partial: partial, final: path)
        return ReportOutput(
            handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), finalPath: path, partialPath: partial)
    }

    private init(handle: FileHandle, finalPath: String?, partialPath: String?) {
        self.handle = handle
        self.finalPath = finalPath
        self.partialPath = partialPath
    }

    /// An output dropped without `commit` (a writer that threw) removes its partial file.
    deinit {
        discard()
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    /// Appends UTF-8 bytes, for writers that build their rows as bytes (CSV).
    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
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
        try UnfinishedOutputs.finish(partialPath) {
            if rename(partialPath, finalPath) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: partialPath)
                throw ReportError.output("cannot write \(finalPath): \(reason)")
            }
        }
    }

    /// Removes a partly written file (nothing for standard output).
    public func discard() {
        guard let partialPath, !closed else { return }
        closed = true
        try? handle.close()
        UnfinishedOutputs.finish(partialPath) { try? FileManager.default.removeItem(atPath: partialPath) }
    }
}
