import ArgumentParser
import Foundation
import TrainingService
import TrainingStore

/// Runs a command body and turns known failures into a message on standard error and an exit code.
enum FailureReporter {
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CaresFailure {
            report(failure)
            throw ExitCode(failure.exitCode)
        } catch let error as StoreError {
            report(.store(error.description))
            throw ExitCode(74)
        } catch let error as ServiceError {
            let failure = CaresFailure(error)
            report(failure)
            throw ExitCode(failure.exitCode)
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
