import Foundation
import TrainingKit
import TrainingReports
import TrainingService
import TrainingStore

/// A hand-built data set for the item statistics: module `stats` 1.0.0, eight learners, four questions.
///
/// q1 single (a key; b, c, d), q2 true-false (true), q3 multiple (a and c key; b), each 1 point;
/// q4 single worth 2 points (a key; b, c). Each learner's first attempt at 1.0.0 (points earned):
///
/// | learner | q1 | q2 | q3 | q4 | total /5 | score |
/// |---------|----|----|----|----|----------|-------|
/// | L1 | a 1 | true 1  | a,c 1     | a 2 | 5   | 1.0 |
/// | L2 | c 0 | true 1  | a 0.5     | a 2 | 3.5 | 0.7 |
/// | L3 | a 1 | false 0 | a,c 1     | b 0 | 2   | 0.4 |
/// | L4 | b 0 | true 1  | a,b 0     | a 2 | 3   | 0.6 |
/// | L5 | a 1 | true 1  | c 0.5     | c 0 | 2.5 | 0.5 |
/// | L6 | c 0 | true 1  | a,b,c 0.5 | c 0 | 1.5 | 0.3 |
/// | L7 | b 0 | false 0 | b 0       | b 0 | 0   | 0.0 |
/// | L8 | a 1 | false 0 | b,c 0     | c 0 | 1   | 0.2 |
///
/// Besides: L7 retakes and scores 1.0, L5 retakes and scores 0.2, L8 has a void attempt scoring
/// 1.0, and L1 took version 0.9.0 first (scoring 0). Upper 27% group: L1, L2; lower: L7, L8.
/// Version 1.1.0 stands for a pool: five attempts, each shown three of the four questions.
enum ItemStatsFixture {
    static let start = ReportFixture.date("2026-04-01T09:00:00Z")

    static var module: Module {
        let q1 = Question(
            id: "q1", kind: .single([
                Choice(id: "a", text: "Key", isCorrect: true), Choice(id: "b", text: "B", isCorrect: false),
                Choice(id: "c", text: "C", isCorrect: false), Choice(id: "d", text: "D", isCorrect: false),
            ]), objective: "o1", prompt: "One?")
        let q2 = Question(id: "q2", kind: .trueFalse(answer: true), objective: "o1", prompt: "Two?")
        let q3 = Question(
            id: "q3", kind: .multiple([
                Choice(id: "a", text: "A", isCorrect: true), Choice(id: "b", text: "B", isCorrect: false),
                Choice(id: "c", text: "C", isCorrect: true),
            ]), objective: "o2", prompt: "Three?")
        let q4 = Question(
            id: "q4", kind: .single([
                Choice(id: "a", text: "A", isCorrect: true), Choice(id: "b", text: "B", isCorrect: false),
                Choice(id: "c", text: "C", isCorrect: false),
            ]), objective: "o2", prompt: "Four?", points: 2)
        return Module(
            id: "stats", version: SemanticVersion(major: 1, minor: 0, patch: 0), title: "Statistics", passMark: 60,
            objectives: [Objective(id: "o1", text: "One"), Objective(id: "o2", text: "Two")],
            quiz: Quiz(units: [.question(q1), .question(q2), .question(q3), .question(q4)]), contentHash: "sha256:stats")
    }

    typealias Answers = [(String, String, Double, Double)]

    static func answers(_ q1: (String, Double), _ q2: (String, Double), _ q3: (String, Double), _ q4: (String, Double)) -> Answers {
        [("q1", q1.0, q1.1, 1), ("q2", q2.0, q2.1, 1), ("q3", q3.0, q3.1, 1), ("q4", q4.0, q4.1, 2)]
    }

    /// (learner, version, hours after `start`, answers, void).
    static let plan: [(String, String, Double, Answers, Bool)] = [
        ("L1", "0.9.0", 0, answers(("b", 0), ("false", 0), ("b", 0), ("b", 0)), false),
        ("L1", "1.0.0", 1, answers(("a", 1), ("true", 1), ("a,c", 1), ("a", 2)), false),
        ("L2", "1.0.0", 2, answers(("c", 0), ("true", 1), ("a", 0.5), ("a", 2)), false),
        ("L3", "1.0.0", 3, answers(("a", 1), ("false", 0), ("a,c", 1), ("b", 0)), false),
        ("L4", "1.0.0", 4, answers(("b", 0), ("true", 1), ("a,b", 0), ("a", 2)), false),
        ("L5", "1.0.0", 5, answers(("a", 1), ("true", 1), ("c", 0.5), ("c", 0)), false),
        ("L6", "1.0.0", 6, answers(("c", 0), ("true", 1), ("a,b,c", 0.5), ("c", 0)), false),
        ("L7", "1.0.0", 7, answers(("b", 0), ("false", 0), ("b", 0), ("b", 0)), false),
        ("L8", "1.0.0", 8, answers(("a", 1), ("false", 0), ("b,c", 0), ("c", 0)), false),
        ("L7", "1.0.0", 30, answers(("a", 1), ("true", 1), ("a,c", 1), ("a", 2)), false),
        ("L5", "1.0.0", 31, answers(("b", 0), ("true", 1), ("b", 0), ("c", 0)), false),
        ("L8", "1.0.0", 32, answers(("a", 1), ("true", 1), ("a,c", 1), ("a", 2)), true),
        // Version 1.1.0 draws three of the four questions.
        ("L1", "1.1.0", 40, [("q1", "a", 1, 1), ("q2", "true", 1, 1), ("q3", "a,c", 1, 1)], false),
        ("L2", "1.1.0", 41, [("q1", "b", 0, 1), ("q2", "true", 1, 1), ("q4", "a", 2, 2)], false),
        ("L3", "1.1.0", 42, [("q1", "a", 1, 1), ("q3", "b", 0, 1), ("q4", "b", 0, 2)], false),
        ("L4", "1.1.0", 43, [("q2", "false", 0, 1), ("q3", "a", 0.5, 1), ("q4", "c", 0, 2)], false),
        ("L5", "1.1.0", 44, [("q1", "b", 0, 1), ("q2", "false", 0, 1), ("q3", "a,c", 1, 1)], false),
    ]

    static func populate(_ store: any CompletionStore) async throws {
        for learner in Set(plan.map(\.0)).sorted() {
            try await store.saveLearner(Learner(id: learner, name: learner, department: "Ward", role: "RN", fromRoster: true))
        }
        for (index, (learner, version, hours, answers, void)) in plan.enumerated() {
            let snapshot = ModuleSnapshot(
                moduleID: "stats", version: version, title: "Statistics", contentHash: "sha256:stats-\(version)", passMark: 60)
            let id = UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", index + 1)) ?? UUID()
            let started = start.addingTimeInterval(hours * 3600)
            try await store.startAttempt(
                Attempt(
                    id: id, learnerID: learner, moduleID: "stats", moduleVersion: version, contentHash: snapshot.contentHash,
                    seed: 1, questionCount: answers.count, startedAt: started),
                module: snapshot)
            for (position, answer) in answers.enumerated() {
                try await store.recordResponse(
                    Response(
                        attemptID: id, questionID: answer.0, answer: answer.1, isCorrect: answer.2 == answer.3, points: answer.2,
                        maxPoints: answer.3, position: position + 1, answeredAt: started.addingTimeInterval(Double(position + 1))))
            }
            let points = answers.map(\.2).reduce(0, +), maxPoints = answers.map(\.3).reduce(0, +)
            try await store.finishAttempt(
                id: id, status: points / maxPoints >= 0.6 ? .passed : .failed, points: points, maxPoints: maxPoints,
                scorePercent: points / maxPoints * 100,
                at: started.addingTimeInterval(600))
            if void {
                try await store.voidAttempt(
                    AuditEvent(
                        kind: .attemptVoided, learnerID: learner, moduleID: "stats", attemptID: id, reason: "Test",
                        osUser: "coordinator", at: started.addingTimeInterval(700)))
            }
        }
    }

    static func context(_ filter: ReportFilter = ReportFilter(moduleID: "stats")) async throws -> ReportContext {
        let store = try SQLiteStore.inMemory()
        try await populate(store)
        let catalog = try await ModuleDirectory.load(modules: [module], store: store)
        return ReportContext(
            store: store, catalog: catalog, site: nil, filter: filter, now: ReportFixture.now,
            time: ReportTime(timeZone: TimeZone(identifier: "UTC") ?? .current))
    }

    /// The report as parsed JSON.
    static func json(rule: ItemAttemptRule = .first, version: String? = nil, filter: ReportFilter = ReportFilter(moduleID: "stats"))
        async throws -> [String: Any]
    {
        let context = try await context(filter)
        let text = try await ReportRendering.render(.json, time: context.time) {
            try await ItemsReport(context: context, rule: rule, version: version).write(to: $0)
        }
        return try ReportRendering.json(text)
    }
}
