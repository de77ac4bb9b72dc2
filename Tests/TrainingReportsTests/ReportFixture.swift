import Foundation
import TrainingKit
import TrainingReports
import TrainingService
import TrainingStore

/// A store with known learners and attempts, and the numbers the reports must give for it.
///
/// Module `signs` (pass mark 60, valid 30 days, 2 attempts) has three 1-point questions:
/// q1 single (a correct), q2 true-false (true), q3 multiple (a and c correct). Attempts:
///
/// | attempt | learner | started    | q1 | q2 | q3 | total | status |
/// |---------|---------|------------|----|----|----|-------|--------|
/// | A1      | rn-1    | 2026-03-31 | 1  | 1  | 1  | 3     | passed (expired 2026-04-30) |
/// | A2      | md-2    | 2026-05-05 | 0 (c) | 0 | 0 (b) | 0 | failed |
/// | A3      | sw-3    | 2026-05-10 | 1  | 0  | 1  | 2     | passed (expires 2026-06-09) |
/// | A4      | rn-4    | 2026-05-25 | 0 (c) | 1 | 1 | 2     | passed (expires 2026-06-24) |
/// | A6      | rn-4    | 2026-05-20 | 0 (b) | 0 | 0 | 0     | void (never counted) |
///
/// `reporting` is 2.0.0 in YAML; rn-1 passed 1.0.0 on 2025-06-01, so it is due again (new version).
/// Now is 2026-06-01T00:00:00Z.
enum ReportFixture {
    static let now = date("2026-06-01T00:00:00Z")

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    static let learners = [
        Learner(id: "rn-1", name: "Yusuf, Amina \"Ami\"", email: "amina@example.org", department: "Emergency", role: "RN", fromRoster: true),
        Learner(id: "md-2", name: "=HYPERLINK(\"http://evil.example\")", department: "Emergency", role: "MD", fromRoster: true),
        Learner(id: "sw-3", name: "李小龍\nsecond line", department: "Social Work", role: "SW", fromRoster: true),
        Learner(id: "rn-4", name: "<script>alert(1)</script>", department: "Psychiatry", role: "RN", fromRoster: true),
        Learner(id: "xx-9", name: "Left Already", department: "Emergency", role: "RN", isActive: false, fromRoster: true),
    ]

    static var signs: Module {
        let q1 = Question(
            id: "q1", kind: .single([
                Choice(id: "a", text: "See the patient alone", isCorrect: true),
                Choice(id: "b", text: "Ask the companion", isCorrect: false),
                Choice(id: "c", text: "Ask her in front of him", isCorrect: false),
            ]), objective: "indicators", prompt: "What next?")
        let q2 = Question(id: "q2", kind: .trueFalse(answer: true), objective: "indicators", prompt: "Privacy first?")
        let q3 = Question(
            id: "q3", kind: .multiple([
                Choice(id: "a", text: "A telephone interpreter", isCorrect: true),
                Choice(id: "b", text: "Her companion", isCorrect: false),
                Choice(id: "c", text: "A staff interpreter", isCorrect: true),
            ]), objective: "response", prompt: "Who may interpret?")
        return Module(
            id: "signs", version: SemanticVersion(major: 1, minor: 0, patch: 0), title: "Recognising the signs",
            passMark: 60, maxAttempts: 2, validForDays: 30,
            objectives: [Objective(id: "indicators", text: "Identify indicators"), Objective(id: "response", text: "Respond safely")],
            quiz: Quiz(units: [.question(q1), .question(q2), .question(q3)]), contentHash: "sha256:signs")
    }

    static var reporting: Module {
        Module(
            id: "reporting", version: SemanticVersion(major: 2, minor: 0, patch: 0), title: "Reporting",
            quiz: Quiz(units: [.question(Question(id: "r1", kind: .trueFalse(answer: true), objective: "o", prompt: "?"))]),
            contentHash: "sha256:reporting-2")
    }

    static let site = Site(
        facts: ["site_name": "Example Health <Sciences> Centre"],
        requirements: [
            Requirement(modules: ["signs"], departments: ["*"]),
            Requirement(modules: ["reporting"], departments: ["Emergency"]),
        ],
        xapiHomePage: "https://lms.example.org")

    static let attemptIDs: [String: UUID] = [
        "A1": UUID(uuidString: "00000000-0000-4000-8000-0000000000a1")!,
        "A2": UUID(uuidString: "00000000-0000-4000-8000-0000000000a2")!,
        "A3": UUID(uuidString: "00000000-0000-4000-8000-0000000000a3")!,
        "A4": UUID(uuidString: "00000000-0000-4000-8000-0000000000a4")!,
        "A6": UUID(uuidString: "00000000-0000-4000-8000-0000000000a6")!,
        "R1": UUID(uuidString: "00000000-0000-4000-8000-0000000000b1")!,
    ]

    /// Fills `store` with the records above.
    static func populate(_ store: any CompletionStore) async throws {
        for learner in learners { try await store.saveLearner(learner) }
        let signsSnapshot = ModuleSnapshot(
            moduleID: "signs", version: "1.0.0", title: "Recognising the signs", contentHash: "sha256:signs", passMark: 60,
            validForDays: 30, maxAttempts: 2)
        let reportingSnapshot = ModuleSnapshot(
            moduleID: "reporting", version: "1.0.0", title: "Reporting (first edition)", contentHash: "sha256:reporting-1",
            passMark: 80)
        // (name, learner, start, seconds, answers (question, answer, points), status)
        let plan: [(String, String, String, Double, [(String, String, Double)], AttemptStatus)] = [
            ("A1", "rn-1", "2026-03-31T10:00:00Z", 750.5, [("q1", "a", 1), ("q2", "true", 1), ("q3", "a,c", 1)], .passed),
            ("A2", "md-2", "2026-05-05T09:00:00Z", 300, [("q1", "c", 0), ("q2", "false", 0), ("q3", "b", 0)], .failed),
            ("A3", "sw-3", "2026-05-10T14:30:00Z", 3725, [("q1", "a", 1), ("q2", "false", 0), ("q3", "a,c", 1)], .passed),
            ("A6", "rn-4", "2026-05-20T08:00:00Z", 60, [("q1", "b", 0), ("q2", "false", 0), ("q3", "b", 0)], .failed),
            ("A4", "rn-4", "2026-05-25T08:00:00Z", 420, [("q1", "c", 0), ("q2", "true", 1), ("q3", "a,c", 1)], .passed),
        ]
        for (name, learner, start, seconds, answers, status) in plan {
            let id = attemptIDs[name]!
            let started = date(start)
            try await store.startAttempt(
                Attempt(
                    id: id, learnerID: learner, moduleID: "signs", moduleVersion: "1.0.0", contentHash: "sha256:signs",
                    seed: 1, questionCount: 3, startedAt: started, osUser: "nurse", host: "ward-3"),
                module: signsSnapshot)
            for (index, answer) in answers.enumerated() {
                try await store.recordResponse(
                    Response(
                        attemptID: id, questionID: answer.0, answer: answer.1, isCorrect: answer.2 == 1, points: answer.2,
                        maxPoints: 1, position: index + 1, answeredAt: started.addingTimeInterval(Double(index + 1) * 10)))
            }
            let points = answers.map(\.2).reduce(0, +)
            try await store.finishAttempt(
                id: id, status: status, points: points, maxPoints: 3, scorePercent: points / 3 * 100,
                at: started.addingTimeInterval(seconds))
        }
        try await store.voidAttempt(
            AuditEvent(
                kind: .attemptVoided, learnerID: "rn-4", moduleID: "signs", attemptID: attemptIDs["A6"]!,
                reason: "Taken by a colleague", osUser: "coordinator", at: date("2026-05-21T12:00:00Z")))
        let r1 = attemptIDs["R1"]!
        let reportingStart = date("2025-06-01T09:00:00Z")
        try await store.startAttempt(
            Attempt(
                id: r1, learnerID: "rn-1", moduleID: "reporting", moduleVersion: "1.0.0", contentHash: "sha256:reporting-1",
                seed: 2, questionCount: 1, startedAt: reportingStart),
            module: reportingSnapshot)
        try await store.finishAttempt(
            id: r1, status: .passed, points: 1, maxPoints: 1, scorePercent: 100, at: reportingStart.addingTimeInterval(120))
    }

    /// A populated in-memory store and a context over it in UTC.
    static func context(_ filter: ReportFilter = ReportFilter(), timeZone: String = "UTC") async throws -> ReportContext {
        let store = try SQLiteStore.inMemory()
        try await populate(store)
        let catalog = try await ModuleDirectory.load(modules: [signs, reporting], store: store)
        return ReportContext(
            store: store, catalog: catalog, site: site, filter: filter, now: now,
            time: ReportTime(timeZone: TimeZone(identifier: timeZone) ?? .current))
    }
}
