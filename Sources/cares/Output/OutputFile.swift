import Foundation
import TrainingReports

/// Writes a command's result to standard output or to a file named with `--output`.
enum OutputFile {
    /// Writes `text` to `path` (atomically), or to standard output when `path` is nil or `-`.
    ///
    /// A character device such as `/dev/null` is written in place; a FIFO, a socket or another
    /// user's file in a shared folder is refused (exit 73, see `OutputTarget`). With `overwrite`
    /// false an existing file is refused (exit 1) and left as it was.
    static func write(_ text: String, to path: String?, overwrite: Bool = true) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            let target = try OutputTarget.check(path)
            if target == .file(exists: true), !overwrite {
                throw CaresFailure.refused(
                    "\(DiagnosticPrinter.printable(path)) already exists; nothing was written",
                    hint: "choose another name or move the file away")
            }
            let output = try ReportOutput.interruptibleFile(path)
            do {
                try output.write(text)
                try output.commit()
            } catch {
                output.discard()
                throw error
            }
        } catch let error as ReportError {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CaresFailure.refused("\(DiagnosticPrinter.printable(path)) is a folder", hint: "name a file to write")
            }
            throw CaresFailure(message: error.description, hint: nil, exitCode: 73)
        }
    }
}
