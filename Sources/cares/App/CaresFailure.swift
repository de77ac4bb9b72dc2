import ArgumentParser

/// A failure to report to the person in one or two lines, with the exit code it maps to.
struct CaresFailure: Error, CustomStringConvertible {
    var message: String
    var hint: String?
    var exitCode: Int32

    /// A failed check or a refusal (exit 1).
    static func refused(_ message: String, hint: String? = nil) -> CaresFailure {
        CaresFailure(message: message, hint: hint, exitCode: 1)
    }

    /// A module or site file with errors (exit 65).
    static func badData(_ message: String, hint: String? = nil) -> CaresFailure {
        CaresFailure(message: message, hint: hint, exitCode: 65)
    }

    /// The record store cannot be used (exit 74).
    static func store(_ message: String, hint: String? = nil) -> CaresFailure {
        CaresFailure(message: message, hint: hint, exitCode: 74)
    }

    var description: String { message }

}
