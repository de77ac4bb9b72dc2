import GRDB

extension SQLiteStore {
    /// Why a backup failed, in words: SQLite's backup API reports a full disk as result code 13
    /// with the message "not an error", so the code decides.
    static func backupFailure(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        switch error.resultCode {
        case .SQLITE_FULL: return "the disk is full (free space there, or back up to another disk)"
        case .SQLITE_IOERR: return "input/output error (check the disk)"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "cannot write there (check that you may write to the folder)"
        default:
            let message = error.message.flatMap { $0 == "not an error" ? nil : $0 }
            return message ?? "SQLite error \(error.resultCode.rawValue)"
        }
    }
}
