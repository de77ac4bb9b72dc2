import Foundation
import TrainingKit
import TrainingStore

/// `cares learners import roster.csv`: adds or updates learners from a staff roster.
///
/// The header row names the columns (any order, any case): `id` is required; `name`, `email`,
/// `department` and `role` are optional, and a column left out keeps what is on record. Every
/// problem is reported with its line and nothing is saved unless the whole file is good.
/// Importing the same people again updates them; it never duplicates anyone.
public struct RosterImport {
    public struct Outcome: Hashable, Sendable {
        public var added: Int
        public var updated: Int
        public var unchanged: Int
        public var total: Int { added + updated + unchanged }

        public init(added: Int, updated: Int, unchanged: Int) {
            self.added = added
            self.updated = updated
            self.unchanged = unchanged
        }
    }

    public static let columns = ["id", "name", "email", "department", "role"]

    public let store: any CompletionStore
    /// How the file is named in messages.
    public let fileName: String

    public init(store: any CompletionStore, fileName: String) {
        self.store = store
        self.fileName = fileName
    }

    /// Checks and imports the roster text; throws `ServiceError.roster` with every problem.
    public func run(_ text: String, now: Date = Date()) async throws -> Outcome {
        let learners = try parse(text, now: now)
        var outcome = Outcome(added: 0, updated: 0, unchanged: 0)
        for (incoming, present) in learners {
            var learner = incoming
            if let existing = try await store.learner(id: learner.id) {
                learner.createdAt = existing.createdAt
                if !present.contains("name") { learner.name = existing.name }
                if !present.contains("email") { learner.email = existing.email }
                if !present.contains("department") { learner.department = existing.department }
                if !present.contains("role") { learner.role = existing.role }
                var compare = existing
                compare.updatedAt = learner.updatedAt
                if compare == learner {
                    outcome.unchanged += 1
                    continue
                }
                outcome.updated += 1
            } else {
                outcome.added += 1
            }
            try await store.saveLearner(learner)
        }
        return outcome
    }

    /// The learners in the file with the columns it has, or every problem found.
    func parse(_ text: String, now: Date) throws -> [(Learner, Set<String>)] {
        let records: [CSVReader.Record]
        switch CSVReader.records(text) {
        case .success(let parsed): records = parsed
        case .failure(let failure): throw ServiceError.roster(["\(fileName):\(failure.line): \(failure.message)"])
        }
        guard let header = records.first else {
            throw ServiceError.roster(["\(fileName): the file is empty; the first line must name the columns: \(Self.columns.joined(separator: ","))"])
        }
        var problems: [String] = []
        var position: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if !Self.columns.contains(name) {
                let hint = Suggestion.closest(to: name, in: Self.columns).map { " — did you mean '\($0)'?" } ?? ""
                problems.append("\(fileName):\(header.line): unknown column '\(ShownText.escaped(raw, limit: 40))'\(hint) (columns: \(Self.columns.joined(separator: ", ")))")
            } else if position[name] != nil {
                problems.append("\(fileName):\(header.line): the column '\(name)' appears twice")
            } else {
                position[name] = index
            }
        }
        if position["id"] == nil { problems.append("\(fileName):\(header.line): the header has no 'id' column") }
        guard problems.isEmpty else { throw ServiceError.roster(problems) }

        let present = Set(position.keys)
        var seen: [String: Int] = [:]
        var result: [(Learner, Set<String>)] = []
        for record in records.dropFirst() {
            let where_ = "\(fileName):\(record.line)"
            guard record.fields.count == header.fields.count else {
                problems.append("\(where_): \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), but the header has \(header.fields.count); quote any value that contains a comma")
                continue
            }
            func value(_ column: String) -> String? {
                guard let index = position[column] else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            guard let id = value("id") else {
                problems.append("\(where_): the id is empty")
                continue
            }
            guard Self.isValidID(id) else {
                problems.append("\(where_): '\(ShownText.id(id))' is not a valid staff ID (1–64 letters, digits, dots, dashes, underscores or @)")
                continue
            }
            if let first = seen[id] {
                problems.append("\(where_): the id '\(id)' is already on line \(first)")
                continue
            }
            seen[id] = record.line
            let fieldProblems = Self.columns.dropFirst().compactMap { column in value(column).flatMap { Self.problem(column, $0) } }
            if !fieldProblems.isEmpty {
                problems += fieldProblems.map { "\(where_): \($0)" }
                continue
            }
            if let email = value("email"), !email.contains("@") || email.contains(where: \.isWhitespace) {
                problems.append("\(where_): '\(ShownText.escaped(email, limit: 80))' is not an email address")
                continue
            }
            let learner = Learner(
                id: id, name: value("name"), email: value("email"), department: value("department"), role: value("role"),
                isActive: true, fromRoster: true, createdAt: now, updatedAt: now)
            result.append((learner, present))
        }
        guard problems.isEmpty else { throw ServiceError.roster(problems) }
        return result
    }

    /// The most characters a name, email, department or role may have.
    public static let maxFieldLength = 200

    /// What is wrong with a name, email, department or role, if anything: a control character
    /// (a NUL would silently cut the value short in the store) or more than `maxFieldLength` characters.
    static func problem(_ column: String, _ value: String) -> String? {
        if let index = value.unicodeScalars.firstIndex(where: { $0.properties.generalCategory == .control }) {
            let scalar = value.unicodeScalars[index]
            let position = value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: index) + 1
            let code = String(scalar.value, radix: 16, uppercase: true)
            return "the \(column) contains a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) "
                + "at character \(position); remove it and import again"
        }
        if value.count > maxFieldLength {
            return "the \(column) is \(value.count) characters long; the limit is \(maxFieldLength)"
        }
        return nil
    }

    /// The staff ID rule `cares` uses everywhere.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-@".unicodeScalars.contains($0)
            }
    }
}
