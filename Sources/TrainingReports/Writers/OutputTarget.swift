import Foundation

/// What a path given to `--output` names, checked before anything is written to it.
///
/// cares writes only to a regular file (written beside its final name and moved into place, so a
/// planted symlink is replaced, never followed), to a character device such as `/dev/null` (written
/// in place), or to standard output (`-`). It refuses FIFOs, sockets and folders, and anything another
/// user owns in a folder that others may write to (such as `/tmp`), or a symlink to one.
public enum OutputTarget: Equatable, Sendable {
    /// A character device such as `/dev/null`: written in place.
    case device
    /// A regular file (or a symlink, or nothing yet): replaced by a new file once the output is complete.
    case file(exists: Bool)

    /// What `path` names; throws `ReportError.output` for anything cares must not write to.
    public static func check(_ path: String) throws -> OutputTarget {
        var entry = stat()
        guard lstat(path, &entry) == 0 else { return .file(exists: false) }
        try refuseForeign(entry, path: path)
        guard entry.st_mode & S_IFMT == S_IFLNK else { return try kind(entry, path: path) }
        var target = stat()
        // A dangling symlink is replaced like a file.
        guard stat(path, &target) == 0 else { return .file(exists: true) }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        try refuseForeign(target, path: resolved)
        switch try kind(target, path: path) {
        case .device: return .device
        // The symlink itself is replaced; what it pointed to is left alone.
        case .file: return .file(exists: true)
        }
    }

    /// Opens a character device for writing without ever blocking, and checks what was opened.
    ///
    /// Opening with `O_NONBLOCK` means a FIFO swapped in after `check` fails at once (no reader) or
    /// is caught by the `fstat` that follows (a reader), before a byte is written.
    public static func openDevice(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENXIO { throw ReportError.output(refusal(path, "is a FIFO or socket with nothing reading it")) }
            throw ReportError.output("cannot write \(shown(path)): \(String(cString: strerror(code)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFCHR else {
            close(descriptor)
            throw ReportError.output(refusal(path, "is no longer a character device (it changed while cares opened it)"))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// The rule, for hints and documentation.
    public static let rule =
        "cares writes --output only to a regular file, a character device such as /dev/null, or - for standard output"

    private static func kind(_ info: stat, path: String) throws -> OutputTarget {
        switch info.st_mode & S_IFMT {
        case S_IFCHR: return .device
        case S_IFREG: return .file(exists: true)
        case S_IFDIR: throw ReportError.output("\(shown(path)) is a folder; name a file to write")
        case S_IFIFO: throw ReportError.output(refusal(path, "is a FIFO (named pipe)"))
        case S_IFSOCK: throw ReportError.output(refusal(path, "is a socket"))
        default: throw ReportError.output(refusal(path, "is not a regular file"))
        }
    }

    /// Refuses an entry another user owns in a folder that others may write to: they could read or
    /// swap what cares writes there.
    private static func refuseForeign(_ info: stat, path: String) throws {
        guard info.st_uid != geteuid() else { return }
        let folder = (path as NSString).deletingLastPathComponent
        var folderInfo = stat()
        guard stat(folder.isEmpty ? "." : folder, &folderInfo) == 0 else { return }
        guard folderInfo.st_mode & (S_IWGRP | S_IWOTH) != 0 else { return }
        throw ReportError.output(
            refusal(path, "belongs to another user (uid \(info.st_uid)) in a folder others may write to (\(shown(folder)))"))
    }

    private static func refusal(_ path: String, _ reason: String) -> String {
        "cannot write \(shown(path)): it \(reason); nothing was written. \(rule)"
    }

    private static func shown(_ path: String) -> String {
        String(String.UnicodeScalarView(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
    }
}
