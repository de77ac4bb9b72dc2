import Foundation

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension SQLiteStore {
    /// Creates the database file with mode 0600, and any missing folders above it with 0700.
    ///
    /// An existing file or folder is left as it is. SQLite gives the `-wal` and `-shm` files
    /// the database file's permissions.
    static func createFileIfMissing(at path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createFolderIfMissing(folder) }
        let code = createNewFile(path)
        if code != 0, code != EEXIST {
            throw StoreError.unavailable("cannot create the record store \(path): \(errorText(code))")
        }
    }

    /// Creates an empty file at `path` with mode 0600, failing if anything is there; returns 0 or the errno.
    static func createNewFile(_ path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        guard descriptor >= 0 else { return errno }
        closeDescriptor(descriptor)
        return 0
    }

    /// Creates `folder` and missing folders above it with mode 0700.
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
        if mkdir(folder, mode_t(0o700)) != 0, errno != EEXIST {
            throw StoreError.unavailable("cannot create the folder \(folder) for the record store: \(errorText(errno))")
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Closes a file descriptor (outside the extension, where `close` means the store's method).
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
