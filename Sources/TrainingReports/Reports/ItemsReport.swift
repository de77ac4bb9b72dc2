import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// `cares report items --module M`: Moodle-style quiz statistics for one module version.
///
/// Counts finished (passed or failed, never void or abandoned) attempts at one version (the current
/// one unless `version` is given), one per learner as `rule` says. Whole-test figures, per question
/// facility, SD, random-guess score, discrimination and discriminative efficiency, per choice the
/// upper and lower 27% groups' shares, a needs-checking flag, and per objective the mastery rate.
/// An objective is mastered in an attempt when its questions' points reach the module's pass mark.
public struct ItemsReport {
    public let context: ReportContext
    public let rule: ItemAttemptRule
    /// The module version analysed; nil: the module's current version.
    public let version: String?

    public init(context: ReportContext, rule: ItemAttemptRule = .first, version: String? = nil) {
        self.context = context
        self.rule = rule
        self.version = version
    }

    public func write(to writer: ReportWriter) async throws {
        guard let moduleID = context.filter.moduleID else {
            throw ReportError.usage("`report items` needs --module MODULE")
        }
        try context.requireKnownModule()
        try await context.requireKnownLearner()
        let reportModule = context.catalog.module(id: moduleID)
        let yaml = reportModule?.module
        let version = self.version ?? reportModule?.version ?? ""
        let selected = rule.select(try await analysedAttempts(version: version))
        let known = (yaml?.quiz.allQuestions ?? []).map(\.id)
        let seen = Set(selected.flatMap(\.answers.keys))
        let order = known.filter(seen.contains) + seen.subtracting(known).sorted()
        let analysis = ItemAnalysis(attempts: selected, questionIDs: order, question: { yaml?.quiz.question(id: $0) })
        let mastery = ObjectiveMastery(attempts: selected, module: yaml, passMark: Double(reportModule?.passMark ?? 80))

        var header = context.header(kind: "items", title: "Item analysis: \(reportModule?.title ?? moduleID)")
        header.filters += [("version", version), ("attempts", rule.rawValue)]
        try writer.begin(header)
        try writer.beginSection(Self.testSection(version: version, rule: rule))
        try writer.row(Self.testRow(analysis.test, version: version, rule: rule))
        try writer.endSection()
        try writer.beginSection(Self.questions)
        for item in analysis.items {
            try writer.row(questionRow(item, module: yaml, mastery: mastery))
        }
        try writer.endSection()
        try writer.beginSection(Self.choices)
        for item in analysis.items {
            for choice in item.choices { try writer.row(Self.choiceRow(choice, questionID: item.questionID)) }
        }
        try writer.endSection()
        try writer.beginSection(Self.objectives)
        for (id, entry) in mastery.rates(order: yaml?.objectives.map(\.id) ?? []) {
            try writer.row([
                .text(id), .text(yaml?.objective(id: id)?.text), .integer(entry.attempts), .integer(entry.mastered),
                .number(entry.attempts == 0 ? nil : Double(entry.mastered) / Double(entry.attempts)),
            ])
        }
        try writer.endSection()
        try writer.finish(summary(analysis, version: version, moduleLoaded: yaml != nil))
    }

    /// Finished attempts at `version` that the filters admit, with their scored answers, in store order.
    func analysedAttempts(version: String) async throws -> [AnalysedAttempt] {
        let filter = context.filter
        let directory = filter.department != nil || filter.role != nil ? try await context.learnerDirectory() : [:]
        var result: [AnalysedAttempt] = []
        try await context.store.forEachResponse(filter.attemptQuery) { attempt, response in
            guard attempt.status.countsAsAttempt, attempt.moduleVersion == version, response.maxPoints > 0 else { return }
            if filter.department != nil || filter.role != nil {
                guard let learner = directory[attempt.learnerID], filter.admits(learner) else { return }
            }
            if result.last?.id != attempt.id {
                result.append(
                    AnalysedAttempt(
                        id: attempt.id, learnerID: attempt.learnerID, startedAt: attempt.startedAt, points: attempt.points ?? 0,
                        maxPoints: attempt.maxPoints ?? 0, answers: [:]))
            }
            result[result.count - 1].answers[response.questionID] = AnalysedAttempt.Answer(
                points: response.points, maxPoints: response.maxPoints, answer: response.answer, skipped: response.skipped)
        }
        for index in result.indices where result[index].maxPoints <= 0 {
            result[index].points = result[index].answers.values.map(\.points).reduce(0, +)
            result[index].maxPoints = result[index].answers.values.map(\.maxPoints).reduce(0, +)
        }
        return result
    }

    func summary(_ analysis: ItemAnalysis, version: String, moduleLoaded: Bool) -> ReportSummary {
        let test = analysis.test
        let flagged = analysis.items.filter(\.needsChecking).count
        let bars = analysis.items.map { item in
            BarChart.Bar(label: item.questionID, ratio: item.facility, detail: "facility, \(item.attempts) attempts")
        }
        var line = "Version \(version), \(rule.described): \(test.attempts) attempt\(test.attempts == 1 ? "" : "s"), "
            + "\(analysis.items.count) question\(analysis.items.count == 1 ? "" : "s"), \(flagged) to check."
        if !moduleLoaded { line += " (The module's YAML is not loaded: no prompts, choices or objectives.)" }
        return ReportSummary(
            figures: [
                .init("attempts", "Attempts analysed", .integer(test.attempts)),
                .init("questions", "Questions", .integer(analysis.items.count)),
                .init("needs_checking", "Questions to check", .integer(flagged)),
            ],
            charts: [BarChart(title: "Facility per question (mean score ÷ maximum)", bars: bars)], line: line)
    }
}
