import Foundation
import TrainingKit

/// Where `cares list` keeps its module summaries, and what identifies this build of cares to them.
enum ModuleSummaryCachePlace {
    /// `$XDG_DATA_HOME/cares/module-cache/<hash of the folder's absolute path>.tsv`; nil with `CARES_MODULE_CACHE=off`.
    static func file(forFolder folder: String) -> String? {
        if ProcessInfo.processInfo.environment["CARES_MODULE_CACHE"] == "off" { return nil }
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        let name = String(SHA256.hexDigest(Array(absolute.utf8)).prefix(16))
        return XDGPaths.dataHome.appendingPathComponent("cares/module-cache/\(name).tsv").path
    }

    /// The version, size and modification time of the running executable: a rebuilt cares (whose
    /// rules may differ) ignores summaries an earlier build wrote.
    static var toolKey: String {
        var info = stat()
        let path = "/proc/self/exe"
        guard stat(path, &info) == 0 || stat(CommandLine.arguments.first ?? "", &info) == 0 else { return CaresVersion.current }
        return "\(CaresVersion.current) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
