import Foundation
import GRDB

extension SQLiteStore {
    /// `error` as a `StoreError` naming `path`: busy, corrupt, a broken constraint, or unavailable
    /// when a person can act on it; anything else unchanged.
    static func storeError(_ error: any Error, path: String) -> any Error {
        if let error = error as? MalformedValue {
            return StoreError.corrupt("the record store \(path) holds a malformed \(error.what); restore it from a backup")
        }
        guard let error = error as? DatabaseError else { return error }
        guard let message = unavailableMessage(code: error.resultCode.rawValue, detail: error.message, path: path) else {
            if error.resultCode == .SQLITE_CONSTRAINT {
                return StoreError.constraint("the record store \(path) refused a change: \(error.message ?? "\(error)")")
            }
            return error
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(message)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError.corrupt(message)
        default: return StoreError.unavailable(message)
        }
    }

    /// What to tell a person about an SQLite primary result code, or nil when they cannot act on it.
    static func unavailableMessage(code: Int32, detail: String?, path: String) -> String? {
        let detail = detail.map { " (\($0))" } ?? ""
        switch ResultCode(rawValue: code) {
        case .SQLITE_CANTOPEN:
            return "cannot open the record store \(path)\(detail); "
                + "check that it and its folder exist and that you may write to them"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return "cannot write to the record store \(path)\(detail); "
                + "check that you may write to the file and its folder"
        case .SQLITE_FULL:
            return "cannot write to the record store \(path): "
                + "the disk is full; free space and try again — your earlier answers are saved"
        case .SQLITE_NOTADB:
            return "\(path) is not a cares record store (not an SQLite database); move it aside or choose another path"
        case .SQLITE_CORRUPT:
            return "the record store \(path) is damaged\(detail); restore it from a backup or move it aside"
        case .SQLITE_IOERR:
            return "cannot read or write the record store \(path): input/output error\(detail); check the disk"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the record store \(path) stayed locked by another program for over \(Int(busyTimeout)) seconds; "
                + "try again"
        default:
            return nil
        }
    }
}
