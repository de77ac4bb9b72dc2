import Foundation

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension SQLiteStore {
    /// Creates the database file, and any missing folders above it.
    ///
    /// The file is owner-only (0600) and new folders 0700, unless the folder it goes in is setgid
    /// (a shared folder, `chmod 2770`): then the file is 0660 and new folders 0770, and both take the
    /// folder's group, so every member of the group can use the store. An existing file or folder is
    /// left as it is. SQLite gives the `-wal` and `-shm` files the database file's permissions.
    static func createFileIfMissing(at path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createFolderIfMissing(folder) }
        let code = createNewFile(path)
        if code != 0, code != EEXIST {
            throw StoreError.unavailable("cannot create the record store \(path): \(errorText(code))")
        }
    }

    /// Creates an empty file at `path`, failing if anything is there; returns 0 or the errno.
    ///
    /// Mode 0600, or 0660 in a setgid folder (`fileMode(in:)`), whatever the umask.
    static func createNewFile(_ path: String) -> Int32 {
        let mode = fileMode(in: (path as NSString).deletingLastPathComponent)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return errno }
        // The umask may have taken the group bits away; a shared folder needs them.
        if mode != 0o600 { _ = fchmod(descriptor, mode) }
        closeDescriptor(descriptor)
        return 0
    }

    /// Whether `folder` (the current folder when empty) has the setgid bit: a folder shared by a group.
    static func isSharedFolder(_ folder: String) -> Bool {
        var info = stat()
        guard stat(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR && (info.st_mode & S_ISGID) != 0
    }

    /// The mode for a new store file in `folder`: 0660 in a shared (setgid) folder, else 0600.
    static func fileMode(in folder: String) -> mode_t {
        isSharedFolder(folder) ? 0o660 : 0o600
    }

    /// Creates `folder` and missing folders above it: 0700, or 0770 inside a setgid folder (which
    /// passes its group and setgid bit on).
    private static func createFolderIfMissing(_ folder: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw StoreError.unavailable("cannot create the record store in \(folder): it is a file, not a folder")
            }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try createFolderIfMissing(parent) }
        let shared = isSharedFolder(parent)
        if mkdir(folder, shared ? 0o770 : 0o700) != 0 {
            guard errno == EEXIST else {
                throw StoreError.unavailable("cannot create the folder \(folder) for the record store: \(errorText(errno))")
            }
            return
        }
        if shared { _ = chmod(folder, 0o2770) }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Closes a file descriptor (outside the extension, where `close` means the store's method).
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
