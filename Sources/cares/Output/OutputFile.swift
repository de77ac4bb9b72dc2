import Foundation
import TrainingReports

/// Writes a command's result to standard output or to a file named with `--output`.
enum OutputFile {
    /// Writes `text` to `path` (atomically), or to standard output when `path` is nil or `-`.
    ///
    /// With `overwrite` false an existing file is refused (exit 1) and left as it was.
    static func write(_ text: String, to path: String?, overwrite: Bool = true) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if ReportOutput.isSpecialFile(path) {
            // A device or FIFO (such as /dev/null) is written in place: an atomic write would replace it.
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CaresFailure(message: "cannot write \(path): permission denied", hint: nil, exitCode: 73)
            }
            handle.write(Data(text.utf8))
            try? handle.close()
            return
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw CaresFailure.refused("\(path) is a folder", hint: "name a file to write")
        }
        if exists, !overwrite {
            throw CaresFailure.refused("\(path) already exists; nothing was written", hint: "choose another name or move the file away")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CaresFailure(
                message: "cannot write \(path): \(error.localizedDescription)",
                hint: "check that the folder exists and that you may write to it", exitCode: 73)
        }
    }
}
