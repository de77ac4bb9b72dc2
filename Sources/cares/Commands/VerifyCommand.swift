import ArgumentParser

/// `cares verify CODE`: whether a certificate code matches a real passing record.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a certificate's verification code against the records.",
        discussion: "Exits 0 and prints the record when the code matches a passing, non-void attempt; 1 otherwise.")

    @Argument(help: "The code printed on the certificate (dashes and case ignored).")
    var code: String

    @OptionGroup var options: SessionOptions

    func run() async throws {
        try await CoordinatorActions(options: options).verify(code)
    }
}
