import ArgumentParser
import Foundation
import TrainingReports
import TrainingService
import TrainingStore

/// Turns the failures any command can meet into one message on standard error and an exit code.
///
/// `CaresMain` calls it once for every command, so no command maps errors itself.
enum FailureReporter {
    /// The failure `error` stands for, or nil when ArgumentParser reports it (usage errors, `ExitCode`, help).
    static func failure(for error: any Error) -> CaresFailure? {
        switch error {
        case let failure as CaresFailure:
            return failure
        case let error as StoreError:
            return .store(error.description)
        case let error as ServiceError:
            return CaresFailure(error)
        case let error as ReportError:
            switch error {
            case .usage(let message): return CaresFailure(message: message, hint: nil, exitCode: 64)
            case .notFound(let message): return .refused(message)
            case .output(let message): return CaresFailure(message: message, hint: nil, exitCode: 73)
            }
        default:
            return nil
        }
    }

    static func report(_ failure: CaresFailure) {
        let message = failure.message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { DiagnosticPrinter.printable(String($0)) }.joined(separator: "\n")
        var text = "cares: \(message)\n"
        if let hint = failure.hint { text += "  \(hint)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
