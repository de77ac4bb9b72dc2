import Foundation
import Glibc

extension FileHandle {
    /// Everything until end of file, retrying reads a signal interrupted.
    ///
    /// Foundation's `readDataToEndOfFile()` and `availableData` end in a `try!` that traps on
    /// EINTR, which a test running hundreds of child processes (each exit a SIGCHLD) does meet.
    func readAllRetryingInterrupts() -> Data {
        var data = Data()
        while true {
            let chunk = readSomeRetryingInterrupts()
            if chunk.isEmpty { return data }
            data.append(chunk)
        }
    }

    /// What one read returns (empty at end of file or on an error other than EINTR).
    func readSomeRetryingInterrupts() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno != EINTR { return Data() }
        }
    }
}
