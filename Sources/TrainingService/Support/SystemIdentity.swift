import Foundation

/// The operating-system user and host recorded with each attempt.
public enum SystemIdentity {
    public static var userName: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? ""
    }

    public static var hostName: String { ProcessInfo.processInfo.hostName }
}
