/// One effective setting and where it came from.
struct ConfigValue: Equatable {
    /// Where a value was set, from the strongest source to the weakest.
    enum Source: Equatable, CustomStringConvertible {
        case flag(String)
        case environment(String)
        case file(String, line: Int)
        case builtIn

        var description: String {
            switch self {
            case .flag(let name): return "command line (\(name))"
            case .environment(let name): return "environment (\(name))"
            case .file(let path, let line): return "\(path):\(line)"
            case .builtIn: return "built-in default"
            }
        }
    }

    var value: String
    var source: Source
}
