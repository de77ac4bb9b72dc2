import ArgumentParser

/// `cares certificate --module M [--learner L] [--output FILE]`: a printable certificate for a current pass.
struct CertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate", abstract: "Make a printable HTML certificate for a current pass, with a verification code.",
        discussion: "Writes certificate-MODULE-LEARNER.html in the current folder unless --output names a file (- for standard output).")

    @OptionGroup var options: SessionOptions

    @Option(help: ArgumentHelp("The module passed.", valueName: "id"))
    var module: String

    @Option(help: ArgumentHelp("The file to write (- for standard output).", valueName: "file"), completion: .file(extensions: ["html"]))
    var output: String?

    func run() async throws {
        try await CoordinatorActions(options: options).certificate(module: module, output: output)
    }
}
