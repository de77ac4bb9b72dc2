import Foundation
import TrainingService
import TrainingStore

/// Works out who is taking the training: `--learner`, `CARES_LEARNER`, or the remembered id (confirmed).
struct LearnerResolver {
    let console: Console
    let flag: String?

    /// Where the id of the last learner on this account is kept.
    static var rememberedFile: URL { XDGPaths.configHome.appendingPathComponent("cares/learner") }

    /// The learner id, asking or confirming when it is only remembered.
    func resolve(confirm: Bool) async throws -> String {
        if let flag {
            guard Self.isValid(flag) else { throw CaresFailure.refused("'\(ShownText.id(flag))' is not a valid staff ID", hint: Self.rule) }
            remember(flag)
            return flag
        }
        if let env = ProcessInfo.processInfo.environment["CARES_LEARNER"], !env.isEmpty {
            guard Self.isValid(env) else { throw CaresFailure.refused("CARES_LEARNER '\(ShownText.id(env))' is not a valid staff ID", hint: Self.rule) }
            return env
        }
        if let remembered = Self.remembered() {
            guard confirm else { return remembered }
            while true {
                guard let reply = await console.ask("Continue as \(remembered)? (Enter for yes, or type your own staff ID):") else {
                    throw PauseRequest.beforeStart
                }
                let text = reply.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || ["y", "yes"].contains(text.lowercased()) { return remembered }
                if ["n", "no"].contains(text.lowercased()) { break }
                if Self.isValid(text) {
                    // A stray key must not start the training under another person's records.
                    guard let answer = await console.ask("Take this training as \(text), not \(remembered)? (y/N):") else {
                        throw PauseRequest.beforeStart
                    }
                    guard ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else { continue }
                    remember(text)
                    return text
                }
                console.wrapped(Self.rule, indent: 2, style: .dim)
            }
        }
        return try await ask()
    }

    /// The remembered id for read-only commands, without asking.
    static func known(flag: String?) -> String? {
        if let flag { return flag }
        if let env = ProcessInfo.processInfo.environment["CARES_LEARNER"], !env.isEmpty { return env }
        return remembered()
    }

    private func ask() async throws -> String {
        while true {
            guard let reply = await console.ask("Who is taking this training? Enter your staff ID:") else {
                throw PauseRequest.beforeStart
            }
            let text = reply.trimmingCharacters(in: .whitespaces)
            if Self.isValid(text) {
                remember(text)
                if CaresConfig().rememberLearner.value == "true" {
                    console.wrapped("(Remembered for next time. Use --learner to change.)", style: .dim)
                }
                return text
            }
            console.wrapped(Self.rule, indent: 2, style: .dim)
        }
    }

    static let rule = "A staff ID is 1–64 letters, digits, dots, dashes, underscores or @."

    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-@".unicodeScalars.contains($0)
            }
    }

    static func remembered() -> String? {
        guard let data = FileManager.default.contents(atPath: rememberedFile.path),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            isValid(text)
        else { return nil }
        return text
    }

    /// Saves the id for next time (unless the configuration says `remember_learner: false`);
    /// failure to save is not worth stopping the training for.
    private func remember(_ id: String) {
        guard CaresConfig().rememberLearner.value == "true" else { return }
        let folder = Self.rememberedFile.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? Data((id + "\n").utf8).write(to: Self.rememberedFile, options: .atomic)
    }
}
