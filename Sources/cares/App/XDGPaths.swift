import Foundation

/// The XDG base directories, with their documented defaults.
enum XDGPaths {
    static var home: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory())
    }

    /// `$XDG_DATA_HOME`, else `~/.local/share`.
    static var dataHome: URL {
        if let value = ProcessInfo.processInfo.environment["XDG_DATA_HOME"], value.hasPrefix("/") {
            return URL(fileURLWithPath: value)
        }
        return home.appendingPathComponent(".local/share")
    }

    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    static var configHome: URL {
        if let value = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"], value.hasPrefix("/") {
            return URL(fileURLWithPath: value)
        }
        return home.appendingPathComponent(".config")
    }
}
