import ArgumentParser

/// `cares lrs push`: send the statements of attempts finished since the last push.
struct LrsPushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send the xAPI statements of newly finished attempts to the Learning Record Store.",
        discussion: """
            The LRS is lrs.endpoint (config.yaml), CARES_LRS_ENDPOINT or --endpoint; the user is \
            lrs.username or CARES_LRS_USERNAME, the password CARES_LRS_PASSWORD or lrs.password in a \
            config file only you can read (chmod 600) — never a flag. Statements go in batches with \
            retries; a high-water mark per record store and LRS remembers what was sent, so the next \
            push sends only what is new. Statement ids are stable: sending again is harmless. Exit \
            codes: 1 the LRS refused the statements, 69 it could not be reached or kept failing.
            """)

    @OptionGroup var options: SessionOptions

    @Option(help: ArgumentHelp("The LRS's xAPI base URL (default: lrs.endpoint, CARES_LRS_ENDPOINT).", valueName: "url"))
    var endpoint: String?

    @Option(name: .customLong("home-page"), help: ArgumentHelp("The actor account homePage (default: site.yaml's xapi.home_page).", valueName: "url"))
    var homePage: String?

    @Option(help: ArgumentHelp("Send every attempt finished since this date (YYYY-MM-DD or ISO 8601), sent before or not.", valueName: "date"))
    var since: String?

    @Flag(name: .customLong("dry-run"), help: "Print the statements that would be sent; send nothing and keep the mark.")
    var dryRun = false

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Statements per request (2–1000).", valueName: "n"))
    var batchSize = 100

    @Option(help: ArgumentHelp("Retries of a batch on 429, 5xx and network errors (0–10), with exponential backoff.", valueName: "n"))
    var retries = 5

    func validate() throws {
        guard (2...1000).contains(batchSize) else { throw ValidationError("--batch-size must be 2 to 1000") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be 0 to 10") }
    }

    func run() async throws {
        try await LRSPushRunner(command: self).run()
    }
}
