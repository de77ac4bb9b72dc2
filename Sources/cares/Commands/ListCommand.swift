import ArgumentParser

/// `cares list`: every module with this learner's status.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the training modules and where you stand with each.")

    @OptionGroup var options: SessionOptions

    func run() async throws {
        try await ModuleListing.run(options)
    }
}
