import ArgumentParser

/// The program's entry point: parse, run, and map every failure to its message and exit code in one place.
@main
enum CaresMain {
    static func main() async {
        do {
            var command = try Cares.parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if let failure = FailureReporter.failure(for: error) {
                FailureReporter.report(failure)
                Cares.exit(withError: ExitCode(failure.exitCode))
            }
            Cares.exit(withError: error)
        }
    }
}
