import Foundation

/// Reads GIFT (Moodle's question format) into a module, warning about every question it cannot carry.
///
/// Required fields GIFT does not have — summary, sources, lessons, objective texts — are filled
/// with values that start with "TODO:", so the module validates and the gaps are easy to find.
public struct GIFTImporter: Sendable {
    /// What an import gave: the module and a warning (at a line of the GIFT file) for each thing left out.
    public struct Result: Sendable {
        public var module: Module
        public var warnings: [Diagnostic]
        /// How many questions were read, and how many were left out.
        public var imported: Int
        public var skipped: Int
    }

    /// Why nothing could be imported.
    public struct Failure: Error, Sendable {
        public var message: String
        public var warnings: [Diagnostic]
    }

    public static let defaultObjective = "imported"

    public init() {}

    /// Reads GIFT text; `path` names the file in warnings, `id` overrides the module id.
    public func read(_ source: String, path: String, id: String? = nil) -> Swift.Result<Result, Failure> {
        let bag = DiagnosticBag(file: path)
        var text = source.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var state = State()
        var chunk: [String] = []
        var chunkLine = 0
        var pending = Pending()
        func flush() {
            defer { chunk = []; pending = Pending() }
            guard !chunk.isEmpty else { return }
            readQuestion(chunk.joined(separator: "\n"), line: chunkLine, pending: pending, state: &state, bag: bag)
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if trimmed.hasPrefix("//") {
                readComment(String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces), into: &pending, state: &state)
                continue
            }
            if trimmed.hasPrefix("$CATEGORY:") {
                flush()
                state.category = String(trimmed.dropFirst("$CATEGORY:".count)).trimmingCharacters(in: .whitespaces)
                continue
            }
            if trimmed.isEmpty {
                if !chunk.isEmpty, Self.isBalanced(chunk.joined(separator: "\n")) { flush() }
                else if !chunk.isEmpty { chunk.append("") }
                continue
            }
            if chunk.isEmpty { chunkLine = number }
            chunk.append(line)
        }
        flush()
        guard !state.questions.isEmpty else {
            return .failure(Failure(message: "no question in \(path) could be imported", warnings: bag.sorted))
        }
        let module = makeModule(state: state, path: path, id: id)
        return .success(Result(module: module, warnings: bag.sorted, imported: state.questions.count, skipped: state.skipped))
    }

    // MARK: - Reading

    /// Metadata from `//` comments, attached to the next question.
    struct Pending {
        var objective: String?
        var points: Int?
        var hint: String?
    }

    struct State {
        var category: String?
        var title: String?
        var objectives: [(id: String, text: String)] = []
        var questions: [Question] = []
        var ids = Set<String>()
        var skipped = 0
    }

    private func readComment(_ comment: String, into pending: inout Pending, state: inout State) {
        func value(_ key: String) -> String? {
            guard comment.hasPrefix(key + ":") else { return nil }
            return String(comment.dropFirst(key.count + 1)).trimmingCharacters(in: .whitespaces)
        }
        if let objective = value("objective"), NodeDecoder.isKebabCase(objective) {
            pending.objective = objective
        } else if let points = value("points").flatMap({ Int($0) }), ModuleDecoder.pointsRange.contains(points) {
            pending.points = points
        } else if let hint = value("hint"), !hint.isEmpty {
            pending.hint = hint
        } else if let title = value("title"), !title.isEmpty, state.questions.isEmpty {
            state.title = title
        } else if comment.hasPrefix("objective "), let colon = comment.firstIndex(of: ":") {
            let id = String(comment[comment.index(comment.startIndex, offsetBy: 10)..<colon]).trimmingCharacters(in: .whitespaces)
            let text = String(comment[comment.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if NodeDecoder.isKebabCase(id), !text.isEmpty, !state.objectives.contains(where: { $0.id == id }) {
                state.objectives.append((id, text))
            }
        }
    }

    /// Whether every unescaped `{` in a chunk has its `}` (blank lines inside an answer block do not end it).
    static func isBalanced(_ text: String) -> Bool {
        var depth = 0
        for unit in GIFTText.units(text) where !unit.escaped {
            if unit.character == "{" { depth += 1 }
            if unit.character == "}" { depth = max(0, depth - 1) }
        }
        return depth == 0
    }

    private func readQuestion(_ text: String, line: Int, pending: Pending, state: inout State, bag: DiagnosticBag) {
        let at = SourceLocation(line: line, column: 1)
        var units = GIFTText.units(text)
        var title: String?
        if let open = GIFTText.find("::", in: units), GIFTText.string(units[..<open]).isEmpty,
            let close = GIFTText.find("::", in: units, from: open + 2)
        {
            title = GIFTText.string(units[(open + 2)..<close])
            units = Array(units[(close + 2)...])
        }
        let label = title.map { "question '\($0)'" } ?? "the question on line \(line)"
        func skip(_ reason: String) {
            bag.warning("\(label): \(reason); left out", at: at)
            state.skipped += 1
        }
        if let format = Self.formatTag(&units), format == "html" {
            bag.warning("\(label): HTML formatting is imported as plain text", at: at)
        }
        guard let open = GIFTText.find("{", in: units) else { return skip("it has no answers (a description)") }
        guard let close = GIFTText.find("}", in: units, from: open + 1) else { return skip("its answer block has no closing '}'") }
        var prompt = GIFTText.string(units[..<open])
        let after = GIFTText.string(units[(close + 1)...])
        if !after.isEmpty { prompt = (prompt.isEmpty ? "" : prompt + " ") + "_____ " + after }
        guard !prompt.isEmpty else { return skip("it has no question text") }
        var block = Array(units[(open + 1)..<close])
        var explanation: String?
        if let general = GIFTText.find("####", in: block) {
            explanation = nonEmpty(GIFTText.string(block[(general + 4)...]))
            block = Array(block[..<general])
        }
        let body = GIFTText.string(block)
        if body.isEmpty { return skip("essay questions have no cares equivalent (a reflection is never scored)") }
        if body.hasPrefix("#") { return skip("numerical questions have no cares equivalent") }

        let answerBlock = GIFTAnswerBlock(units: block, answers: Self.answers(block))
        let warn = { (message: String) in bag.warning("\(label): \(message)", at: at) }
        guard let imported = QuestionTypes.giftImportable.lazy.compactMap({ $0.importGIFT(answerBlock, warn: warn) }).first else {
            return skip(answerBlock.answers.isEmpty ? "its answers could not be read" : "no answer is marked right")
        }
        let kind = imported.kind
        let feedback = imported.feedback
        var id = title.map(NodeDecoder.kebabCased) ?? ""
        if id.isEmpty || !NodeDecoder.isKebabCase(id) { id = "q\(state.questions.count + state.skipped + 1)" }
        var unique = id
        var suffix = 2
        while state.ids.contains(unique) {
            unique = "\(id)-\(suffix)"
            suffix += 1
        }
        state.ids.insert(unique)
        state.questions.append(Question(
            id: unique, kind: kind, objective: pending.objective ?? Self.defaultObjective, prompt: prompt,
            points: pending.points ?? 1, hint: pending.hint, explanation: explanation, feedback: feedback, location: at))
    }

    /// Removes a leading `[markdown]`, `[html]`, `[plain]` or `[moodle]` and returns it.
    static func formatTag(_ units: inout [GIFTText.Unit]) -> String? {
        let text = String(units.map(\.character))
        let leading = text.prefix { $0.isWhitespace }.count
        for tag in ["markdown", "html", "plain", "moodle"] where text.dropFirst(leading).hasPrefix("[\(tag)]") {
            units.removeFirst(leading + tag.count + 2)
            return tag
        }
        return nil
    }

    /// One `=…` or `~…` answer.
    struct Answer {
        var marker: Character
        var weight: Double?
        var text: String
        var feedback: String?
    }

    /// The answers of a block: each starts at an unescaped `=` or `~`.
    static func answers(_ block: [GIFTText.Unit]) -> [Answer] {
        var raw: [(Character, [GIFTText.Unit])] = []
        for unit in block {
            if !unit.escaped, unit.character == "=" || unit.character == "~" {
                raw.append((unit.character, []))
            } else if !raw.isEmpty {
                raw[raw.count - 1].1.append(unit)
            }
        }
        return raw.compactMap { marker, units in
            var units = units
            var weight: Double?
            let leading = units.prefix { $0.character.isWhitespace }.count
            units.removeFirst(leading)
            if units.first?.character == "%", !units[0].escaped,
                let end = GIFTText.find("%", in: units, from: 1)
            {
                weight = Double(GIFTText.string(units[1..<end]))
                units = Array(units[(end + 1)...])
            }
            var feedback: String?
            if let hash = GIFTText.find("#", in: units) {
                feedback = nonEmpty(GIFTText.string(units[(hash + 1)...]))
                units = Array(units[..<hash])
            }
            let text = GIFTText.string(units)
            guard !text.isEmpty else { return nil }
            return Answer(marker: marker, weight: weight, text: text, feedback: feedback)
        }
    }

    private static func nonEmpty(_ text: String) -> String? { GIFTText.nonEmpty(text) }
    private func nonEmpty(_ text: String) -> String? { GIFTText.nonEmpty(text) }

    // MARK: - The module

    private func makeModule(state: State, path: String, id: String?) -> Module {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let moduleID = id ?? [state.category.map { String($0.split(separator: "/").last ?? "") }, stem]
            .compactMap { $0.map(NodeDecoder.kebabCased) }.first { NodeDecoder.isKebabCase($0) } ?? "imported-questions"
        var objectives = state.objectives.filter { objective in state.questions.contains { $0.objective == objective.id } }
            .map { Objective(id: $0.id, text: $0.text) }
        for question in state.questions where !objectives.contains(where: { $0.id == question.objective }) {
            let text = question.objective == Self.defaultObjective
                ? "TODO: state what these imported questions test"
                : "TODO: describe objective '\(question.objective)'"
            objectives.append(Objective(id: question.objective, text: text))
        }
        let lesson = Lesson(
            id: "todo-lesson", title: "TODO: lesson title", objectives: objectives.map(\.id),
            body: "TODO: write the lesson. GIFT carries questions only, so the lessons, objectives, sources and summary of this module need writing before learners see it.")
        return Module(
            id: moduleID, version: SemanticVersion(major: 0, minor: 1, patch: 0),
            title: state.title ?? "TODO: title (imported from \((path as NSString).lastPathComponent))",
            summary: "TODO: one or two sentences shown in cares list.",
            sources: ["TODO: where the facts in these questions come from"], objectives: objectives, lessons: [lesson],
            quiz: Quiz(units: state.questions.map(QuizUnit.question)), path: path)
    }
}
