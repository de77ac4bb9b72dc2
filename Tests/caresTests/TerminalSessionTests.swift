import Foundation
import TrainingKit
import XCTest

/// `cares take` in a real pseudo-terminal (tmux): colour, wrapping to the width, and Ctrl-C.
final class TerminalSessionTests: XCTestCase {
    var session = "cares-test-\(UUID().uuidString.prefix(8))"

    /// Runs a tmux command and returns what it printed.
    ///
    /// tmux is started with posix_spawn rather than Foundation's Process: the tmux server it forks
    /// would inherit the descriptor Process uses to notice the child's exit, and the wait would never end.
    func tmux(_ arguments: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let argv = ["tmux", "-L", session] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw CocoaError(.executableNotLoadable) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    /// Polls the pane until `text` shows (the wait is on what the program printed, bounded in time).
    func waitForScreen(_ text: String, escapes: Bool = false, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try tmux(["capture-pane", "-p", "-J", "-S", "-200", "-t", session] + (escapes ? ["-e"] : []))
            if screen.contains(text) { return screen }
            usleep(50_000)
        }
        XCTFail("never saw '\(text)' on screen:\n\(screen)")
        return screen
    }

    func testColourWrappingAndCtrlC() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "tmux is not installed")
        let home = try CaresProcess.temporaryFolder(self)
        let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
        let cares = [
            "env", "-u", "NO_COLOR", "TERM=xterm-256color", "XDG_CONFIG_HOME=\(home.path)/c", "XDG_DATA_HOME=\(home.path)/d",
            CaresProcess.binary.path, "take", "every-type", "--modules", fixtures, "--learner", "rn-1", "--seed", "9",
        ].map { "'\($0)'" }.joined(separator: " ")
        // The shell prints cares' exit status on screen; its INT trap keeps it alive to do so.
        let command = "sh -c \"trap true INT; \(cares); echo exit-status=\\$?; sleep 60\""
        _ = try tmux(["new-session", "-d", "-s", session, "-x", "52", "-y", "60", command])
        addTeardownBlock { [self] in _ = try? tmux(["kill-server"]) }
        let intro = try waitForScreen("Press Enter to start", escapes: true)
        XCTAssertTrue(intro.contains("\u{1B}["), "colour on a TTY")
        _ = try tmux(["send-keys", "-t", session, "Enter"])
        _ = try tmux(["send-keys", "-t", session, ":skip", "Enter"])
        let question = try waitForScreen("? for help):")
        for line in question.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 52, "wrapped to the terminal width: \(line)")
        }
        let plan = QuizPlan(module: try XCTUnwrap(ModuleCatalog().load(paths: [fixtures]).module(id: "every-type")), seed: 9)
        _ = try tmux(["send-keys", "-t", session, "-l", AnswerScript.right(plan.questions[0])])
        _ = try tmux(["send-keys", "-t", session, "Enter"])
        _ = try waitForScreen("Press Enter for the next question.")
        _ = try tmux(["send-keys", "-t", session, "C-c"])
        let stopped = try waitForScreen("cares resume every-type")
        XCTAssertTrue(stopped.contains("Stopped. Your answers so far are saved."), stopped)
        let status = try waitForScreen("exit-status=")
        XCTAssertTrue(status.contains("exit-status=130"), status)
    }

    /// Starts `cares ARGS` in a new tmux session (named `session`) at 70×60; the shell prints the exit status.
    func startCares(_ arguments: [String], home: URL) throws {
        let cares = (["env", "NO_COLOR=1", "XDG_CONFIG_HOME=\(home.path)/c", "XDG_DATA_HOME=\(home.path)/d", CaresProcess.binary.path] + arguments)
            .map { "'\($0)'" }.joined(separator: " ")
        let command = "sh -c \"\(cares); echo exit-status=\\$?; sleep 60\""
        _ = try tmux(["new-session", "-d", "-s", session, "-x", "70", "-y", "60", command])
        _ = try tmux(["set-option", "-t", session, "history-limit", "5000"])
    }

    /// Types a line into the pane.
    func type(_ text: String) throws {
        if !text.isEmpty { _ = try tmux(["send-keys", "-t", session, "-l", text]) }
        _ = try tmux(["send-keys", "-t", session, "Enter"])
    }

    /// Everything the pane has shown, history included.
    func wholeScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-5000", "-t", session])
    }

    func testDeferredFeedbackSurvivesAKillAndResume() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "tmux is not installed")
        let home = try CaresProcess.temporaryFolder(self)
        let folder = try DeferredFeedbackFixture.folder(in: home)
        let plan = AnswerScript(module: try DeferredFeedbackFixture.module(folder), seed: 12).plan
        let database = home.appendingPathComponent("cares.sqlite").path
        let common = ["--modules", folder, "--database", database, "--learner", "rn-1"]
        addTeardownBlock { [self] in _ = try? tmux(["kill-server"]) }

        try startCares(["take", "every-type", "--seed", "12"] + common, home: home)
        _ = try waitForScreen("Press Enter to start")
        try type("")
        try type(":skip")
        for index in 0..<2 {
            _ = try waitForScreen("Question \(index + 1) of \(plan.questions.count)")
            try type(AnswerScript.wrong(plan.questions[index]))
            try type("")
        }
        _ = try waitForScreen("Question 3 of \(plan.questions.count)")
        let panePID = try XCTUnwrap(Int32(try tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let children = try String(contentsOfFile: "/proc/\(panePID)/task/\(panePID)/children", encoding: .utf8)
        let caresPID = try XCTUnwrap(children.split(separator: " ").compactMap { Int32($0) }.first)
        XCTAssertEqual(kill(caresPID, SIGKILL), 0)
        _ = try waitForScreen("exit-status=137")
        var shown = try wholeScreen()
        _ = try tmux(["kill-server"])
        session = "cares-test-\(UUID().uuidString.prefix(8))"  // a fresh server, not the one shutting down

        try startCares(["resume", "every-type"] + common, home: home)
        _ = try waitForScreen("continuing at question 3 of \(plan.questions.count)")
        for index in 2..<plan.questions.count {
            _ = try waitForScreen("Question \(index + 1) of \(plan.questions.count)")
            try type(AnswerScript.wrong(plan.questions[index]))
            try type("")
        }
        let finished = try waitForScreen("exit-status=")
        XCTAssertTrue(finished.contains("exit-status=0"), finished)
        shown += try wholeScreen()
        // NO_COLOR makes the output plain, where a heading is its title alone on a line.
        let result = try XCTUnwrap(shown.range(of: "── Result") ?? shown.range(of: "\nResult\n"), shown)
        XCTAssertEqual(DeferredFeedbackFixture.keysShown(in: String(shown[..<result.lowerBound]), plan: plan), [], shown)
        let after = String(shown[result.lowerBound...])
        XCTAssertTrue(after.contains("The right answer:"), after)
        XCTAssertTrue(after.contains("Why: "), after)
    }

    func testNoColourWithNOCOLOROrPlain() throws {
        // Through a pipe there is never colour; on a TTY, NO_COLOR and --plain turn it off (see Terminal.standardOutput).
        let output = try CaresProcess.run(["validate", "--plain", "/nonexistent"])
        XCTAssertFalse(output.stdout.contains("\u{1B}["))
    }
}
