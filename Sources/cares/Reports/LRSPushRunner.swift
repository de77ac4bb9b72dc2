import Foundation
import TrainingKit
import TrainingReports
import TrainingService

/// The work behind `cares lrs push`: settings, the mark, the pending attempts, the batches, the summary.
struct LRSPushRunner {
    let command: LrsPushCommand

    func run() async throws {
        let config = try CaresConfig.checked(databaseFlag: command.options.database, homePageFlag: command.homePage, endpointFlag: command.endpoint)
        let since = try sinceDate()
        guard let endpoint = config.lrsEndpoint?.value, !endpoint.isEmpty else {
            throw CaresFailure(
                message: "no LRS to push to", hint: "set lrs.endpoint in config.yaml, CARES_LRS_ENDPOINT, or pass --endpoint URL", exitCode: 64)
        }
        let client = try lrs { try Self.client(config, endpoint: endpoint, retries: command.retries) }
        let location = config.database.value
        try await ReportEnvironment.using(command.options) { environment in
            let homePage = try ReportRunner.homePage(config.xapiHomePage?.value ?? environment.site?.xapiHomePage)
            let context = environment.context(ReportFilter())
            let push = LRSPush(
                context: context, builder: XAPIStatementBuilder(homePage: homePage, time: context.time), batchSize: command.batchSize)
            let markPath = Self.markPath(store: location, endpoint: client.endpoint.absoluteString)
            var mark = try lrs {
                try LRSPushMark.load(path: markPath, store: CaresConfig.masked(location), endpoint: client.endpoint.absoluteString)
            }
            let items = try await push.pending(mark: mark, since: since)
            let statements = items.reduce(0) { $0 + $1.statements.count }
            if command.dryRun {
                print("[" + items.flatMap(\.statements).map { "\n  " + $0.json }.joined(separator: ",") + (items.isEmpty ? "]" : "\n]"))
                Self.note(
                    "Dry run: would send \(statements) statement\(statements == 1 ? "" : "s") "
                        + "(\(Self.counts(attempts: items.filter { !$0.isVoid }.count, voids: items.filter(\.isVoid).count))) "
                        + "in \(push.batches(items).count) batch\(push.batches(items).count == 1 ? "" : "es") to \(client.endpoint.absoluteString); nothing sent.")
                return
            }
            if client.isUnencrypted {
                Self.note("warning: \(client.endpoint.host ?? "the LRS") is reached over plain http://: the password and learners' records cross the network unencrypted; use https://")
            }
            var summary = LRSPushSummary()
            do {
                try await push.send(items, client: client, mark: &mark, summary: &summary) { try $0.save(path: markPath) }
            } catch let error as LRSError {
                let sent = summary.statements > 0
                    ? " Sent \(summary.statements) of \(statements) statements first; the next push sends the rest." : " Nothing was sent."
                throw Self.failure(error, extra: sent)
            }
            print(Self.describe(summary, total: items.count, endpoint: client.endpoint.absoluteString))
        }
    }

    /// `--since` as a date.
    private func sinceDate() throws -> Date? {
        guard let text = command.since else { return nil }
        guard let date = ReportTime().parse(text, endOfDay: false) else {
            throw CaresFailure(
                message: "--since '\(text)' is not a date", hint: "Use YYYY-MM-DD or an ISO 8601 time such as 2026-01-31T09:00:00+00:00.",
                exitCode: 64)
        }
        return date
    }

    /// The LRS client from the settings: a user needs a password and a password a user.
    static func client(_ config: CaresConfig, endpoint: String, retries: Int) throws -> LRSClient {
        let username = config.lrsUsername?.value, password = config.lrsPassword?.value
        if username != nil, password == nil {
            throw LRSError.configuration("lrs.username is set but there is no password: set CARES_LRS_PASSWORD, or lrs.password in a config file only you can read (chmod 600)")
        }
        if username == nil, password != nil {
            throw LRSError.configuration("an LRS password is set but no user: set lrs.username or CARES_LRS_USERNAME")
        }
        return try LRSClient(endpoint: endpoint, username: username, password: password, policy: LRSRetryPolicy(retries: retries))
    }

    /// Where the high-water mark of one record store and LRS is kept: a file under the data folder,
    /// named by a digest of the store's location (password masked) and the endpoint.
    static func markPath(store: String, endpoint: String) -> String {
        var key = CaresConfig.masked(store)
        if !store.contains("://") {
            key = URL(fileURLWithPath: store).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let digest = SHA256.hexDigest(Array((key + "\n" + endpoint).utf8)).prefix(32)
        return XDGPaths.dataHome.appendingPathComponent("cares/lrs-push/\(digest).json").path
    }

    static func describe(_ summary: LRSPushSummary, total: Int, endpoint: String) -> String {
        if total == 0 { return "Nothing new to send to \(endpoint)." }
        var text = "Sent \(summary.statements) statement\(summary.statements == 1 ? "" : "s") (\(counts(attempts: summary.attempts, voids: summary.voids))) "
            + "in \(summary.batches) batch\(summary.batches == 1 ? "" : "es") to \(endpoint)"
        if summary.retries > 0 { text += " after \(summary.retries) retr\(summary.retries == 1 ? "y" : "ies")" }
        text += "."
        if summary.conflicts > 0 {
            text += " \(summary.conflicts) statement\(summary.conflicts == 1 ? " was" : "s were") already in the LRS with other content (409 Conflict)."
        }
        return text
    }

    /// "3 attempts", "3 attempts, 1 voided attempt" or "1 voided attempt".
    static func counts(attempts: Int, voids: Int) -> String {
        var parts: [String] = []
        if attempts > 0 || voids == 0 { parts.append("\(attempts) attempt\(attempts == 1 ? "" : "s")") }
        if voids > 0 { parts.append("\(voids) voided attempt\(voids == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    /// Runs `body`, turning LRS errors into failures.
    private func lrs<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as LRSError { throw Self.failure(error, extra: "") }
    }

    static func failure(_ error: LRSError, extra: String) -> CaresFailure {
        switch error {
        case .refused(let status, _):
            let hint = status == 401 || status == 403
                ? "check lrs.username and the password (CARES_LRS_PASSWORD or lrs.password)" : "see the LRS's message above"
            return CaresFailure(message: error.description + "." + extra, hint: hint, exitCode: 1)
        case .unavailable:
            return CaresFailure(message: error.description + "." + extra, hint: "push again later; what was sent is remembered", exitCode: 69)
        case .configuration:
            return CaresFailure(message: error.description, hint: "see: cares config show", exitCode: 64)
        case .noHTTP:
            return CaresFailure(message: error.description + "." + extra, hint: "what was sent is remembered", exitCode: 69)
        case .mark:
            return CaresFailure(message: error.description + extra, hint: nil, exitCode: 73)
        }
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
