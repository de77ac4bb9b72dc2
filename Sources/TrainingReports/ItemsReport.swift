import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// `cares report items --module M`: per question, how often it was answered, its facility and
/// discrimination, and the most chosen wrong answer; per objective, the mastery rate.
///
/// Only finished attempts (passed or failed) count; abandoned, void and unfinished ones do not.
/// An objective is mastered in an attempt when its questions' points reach the module's pass mark.
public struct ItemsReport {
    public let context: ReportContext

    public init(context: ReportContext) {
        self.context = context
    }

    public static let questions = ReportSection(
        key: "questions", title: "Questions",
        columns: [
            ReportColumn("question_id", "Question", priority: 1),
            ReportColumn("objective_id", "Objective", priority: 3),
            ReportColumn("prompt", "Prompt", priority: 2, yields: true),
            ReportColumn("times_answered", "Answered", .integer, priority: 1),
            ReportColumn("times_skipped", "Skipped", .integer, priority: 3),
            ReportColumn("mean_score", "Mean", .points, priority: 3),
            ReportColumn("max_points", "Max", .points, priority: 4),
            ReportColumn("facility_index", "Facility", .fraction, priority: 1),
            ReportColumn("discrimination_index", "Discrimination", .ratio, priority: 2),
            ReportColumn("most_chosen_wrong", "Most chosen wrong answer", priority: 3, yields: true),
            ReportColumn("most_chosen_wrong_count", "Times", .integer, priority: 4),
            ReportColumn("objective_mastery_rate", "Objective mastery", .fraction, priority: 4),
        ])

    public static let objectives = ReportSection(
        key: "objectives", title: "Objectives",
        columns: [
            ReportColumn("objective_id", "Objective", priority: 1),
            ReportColumn("objective_text", "Text", priority: 2, yields: true),
            ReportColumn("attempts", "Attempts", .integer, priority: 1),
            ReportColumn("mastered", "Mastered", .integer, priority: 1),
            ReportColumn("mastery_rate", "Mastery rate", .fraction, priority: 1),
        ])

    public func write(to writer: ReportWriter) async throws {
        guard let moduleID = context.filter.moduleID else {
            throw ReportError.usage("`report items` needs --module MODULE")
        }
        try context.requireKnownModule()
        try await context.requireKnownLearner()
        let reportModule = context.catalog.module(id: moduleID)
        let yaml = reportModule?.module
        let questionObjectives = Dictionary(
            (yaml?.quiz.allQuestions ?? []).map { ($0.id, $0.objective) }, uniquingKeysWith: { first, _ in first })
        let passMark = Double(reportModule?.passMark ?? 80)
        let directory = try await context.learnerDirectory()
        let filter = context.filter
        let needsLearner = filter.department != nil || filter.role != nil

        var items: [String: ItemStatistics] = [:]
        var mastery: [String: (attempts: Int, mastered: Int)] = [:]
        var attemptCount = 0
        var currentAttempt: UUID?
        var objectivePoints: [String: (points: Double, max: Double)] = [:]
        func closeAttempt() {
            for (objective, sums) in objectivePoints where sums.max > 0 {
                var entry = mastery[objective] ?? (0, 0)
                entry.attempts += 1
                if sums.points / sums.max * 100 >= passMark - 1e-9 { entry.mastered += 1 }
                mastery[objective] = entry
            }
            objectivePoints = [:]
        }

        try await context.store.forEachResponse(filter.attemptQuery) { attempt, response in
            guard attempt.status == .passed || attempt.status == .failed, response.maxPoints > 0 else { return }
            if needsLearner {
                guard let learner = directory[attempt.learnerID], filter.admits(learner) else { return }
            }
            if currentAttempt != attempt.id {
                closeAttempt()
                currentAttempt = attempt.id
                attemptCount += 1
            }
            var stats = items[response.questionID] ?? ItemStatistics()
            stats.add(
                points: response.points, maxPoints: response.maxPoints, attemptPoints: attempt.points ?? 0,
                skipped: response.skipped)
            if !response.skipped, response.isCorrect == false || response.points < response.maxPoints {
                for wrong in wrongParts(response.answer, questionID: response.questionID, in: yaml) { stats.addWrong(wrong) }
            }
            items[response.questionID] = stats
            if let objective = questionObjectives[response.questionID] {
                var sums = objectivePoints[objective] ?? (0, 0)
                sums.points += response.points
                sums.max += response.maxPoints
                objectivePoints[objective] = sums
            }
        }
        closeAttempt()

        try writer.begin(context.header(kind: "items", title: "Item analysis: \(reportModule?.title ?? moduleID)"))
        try writer.beginSection(Self.questions)
        let known = (yaml?.quiz.allQuestions ?? []).map(\.id)
        let order = known.filter { items[$0] != nil } + items.keys.filter { !known.contains($0) }.sorted()
        var bars: [BarChart.Bar] = []
        for id in order {
            guard let stats = items[id] else { continue }
            let question = yaml?.quiz.question(id: id)
            let objective = questionObjectives[id]
            let wrong = stats.mostCommonWrong
            let objectiveMastery = objective.flatMap { mastery[$0] }.map { $0.attempts == 0 ? 0 : Double($0.mastered) / Double($0.attempts) }
            try writer.row([
                .text(id), .text(objective), .text(question?.prompt), .integer(stats.count - stats.skipped),
                .integer(stats.skipped), .number(stats.meanScore), .number(stats.maxPoints), .number(stats.facility),
                .number(stats.discrimination), .text(wrong.map { describe($0.answer, questionID: id, in: yaml) }),
                .integer(wrong?.count), .number(objectiveMastery),
            ])
            bars.append(BarChart.Bar(label: id, ratio: stats.facility, detail: "facility, \(stats.count) answers"))
        }
        try writer.endSection()
        try writer.beginSection(Self.objectives)
        let objectiveOrder = (yaml?.objectives.map(\.id) ?? []).filter { mastery[$0] != nil }
        for id in objectiveOrder {
            guard let entry = mastery[id] else { continue }
            try writer.row([
                .text(id), .text(yaml?.objective(id: id)?.text), .integer(entry.attempts), .integer(entry.mastered),
                .number(entry.attempts == 0 ? nil : Double(entry.mastered) / Double(entry.attempts)),
            ])
        }
        try writer.endSection()
        try writer.finish(
            ReportSummary(
                figures: [
                    .init("attempts", "Finished attempts analysed", .integer(attemptCount)),
                    .init("questions", "Questions answered", .integer(order.count)),
                ],
                charts: [BarChart(title: "Facility per question (mean score ÷ maximum)", bars: bars)],
                line: "\(attemptCount) finished attempt\(attemptCount == 1 ? "" : "s"), \(order.count) question\(order.count == 1 ? "" : "s")."
                    + (yaml == nil ? " (The module's YAML is not loaded: no prompts, choice texts or objectives.)" : "")))
    }

    /// The wrong parts of an answer: each wrongly chosen choice of a choice question, else the whole answer.
    func wrongParts(_ answer: String, questionID: String, in module: Module?) -> [String] {
        guard let question = module?.quiz.question(id: questionID) else { return answer.isEmpty ? [] : [answer] }
        switch question.kind {
        case .single(let choices), .multiple(let choices):
            let correct = Set(choices.filter(\.isCorrect).map(\.id))
            return answer.split(separator: ",").map(String.init).filter { !correct.contains($0) }
        default:
            return answer.isEmpty ? [] : [answer]
        }
    }

    /// A wrong answer as a coordinator reads it: the choice's id and text when known.
    func describe(_ answer: String, questionID: String, in module: Module?) -> String {
        guard let question = module?.quiz.question(id: questionID) else { return answer }
        switch question.kind {
        case .single(let choices), .multiple(let choices):
            guard let choice = choices.first(where: { $0.id == answer }) else { return answer }
            return "\(answer): \(choice.text)"
        case .order(let items):
            let texts = answer.split(separator: ",").map { letter -> String in
                let index = (0..<items.count).first { Choice.positionalID($0) == String(letter) }
                return index.map { items[$0] } ?? String(letter)
            }
            return texts.joined(separator: " → ")
        default:
            return answer
        }
    }
}
