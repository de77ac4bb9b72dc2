import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// A regular file read 64 KiB at a time (for imports that stream).
///
/// Anything but a regular file (a FIFO, a device, a folder) is refused when opened, without
/// waiting for a writer, so a FIFO named like a roster cannot hang the import.
public final class FileBytes: ByteSource {
    private let descriptor: Int32
    private let path: String
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    /// Opens `path` for reading; throws `ServiceError.refused` naming the problem.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ServiceError.refused("cannot read \(ShownText.escaped(path, limit: 200)): \(reason)", hint: "Check the path and that you may read the file.")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            _ = close(descriptor)
            throw ServiceError.refused(
                "\(ShownText.escaped(path, limit: 200)) is not a regular file (a folder, a FIFO or a device); cares reads only files",
                hint: "Save the data to a file and import that.")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.descriptor = descriptor
        self.path = path
    }

    deinit { _ = close(descriptor) }

    public func nextChunk() throws -> [UInt8] {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return Array(chunk[0..<count]) }
            guard errno == EINTR else {
                throw ServiceError.refused("cannot read \(ShownText.escaped(path, limit: 200)): \(String(cString: strerror(errno)))")
            }
        }
    }
}
