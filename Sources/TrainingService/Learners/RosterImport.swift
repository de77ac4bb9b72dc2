import Foundation
import TrainingKit
import TrainingStore

/// `cares learners import roster.csv`: adds or updates learners from a staff roster.
///
/// The header row names the columns (any order, any case): `id` is required; `name`, `email`,
/// `department` and `role` are optional, and a column left out keeps what is on record. Every
/// problem is reported with its line and nothing is saved unless the whole file is good: the file
/// is read as it is imported, in one transaction, so a million rows take little memory and a failure,
/// a kill or Ctrl-C leaves the store as it was.
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
        try await run(now: now, reading: { CSVReader(text: text) })
    }

    /// Checks and imports the roster file at `path`, read as it is imported; throws
    /// `ServiceError.roster` with every problem, or `ServiceError.refused` for a file that cannot be read.
    public func run(file path: String, now: Date = Date()) async throws -> Outcome {
        _ = try FileBytes(path: path)
        return try await run(now: now, reading: { CSVReader(source: try FileBytes(path: path)) })
    }

    /// How many rows are checked, looked up and saved together.
    public static let batchSize = 500

    /// The most problems listed; the rest are counted.
    public static let maxProblemsListed = 100

    /// Imports the records `open()` reads in one transaction, `batchSize` learners at a time; any problem, an error or a cancelled task rolls all of it back.
    ///
    /// `open` is called again if the store runs the transaction again after a conflict.
    public func run(now: Date = Date(), reading open: () throws -> CSVReader) async throws -> Outcome {
        // The header is checked before the store is touched.
        var first = try open()
        _ = try header(&first)
        return try await store.withTransaction { store in
            var reader = try open()
            var batch = Batch(header: try header(&reader), fileName: fileName, now: now)
            var outcome = Outcome(added: 0, updated: 0, unchanged: 0)
            while true {
                let record: CSVReader.Record?
                do {
                    record = try reader.next()
                } catch let failure as CSVReader.Failure {
                    batch.problem("\(fileName):\(failure.line): \(failure.message)")
                    break
                }
                guard let record else { break }
                batch.add(record)
                if batch.isFull {
                    try Task.checkCancellation()
                    try await Self.save(&batch, into: store, outcome: &outcome)
                }
            }
            try Task.checkCancellation()
            if !batch.problems.isEmpty {
                var problems = batch.problems
                if batch.unlisted > 0 {
                    problems.append("… and \(batch.unlisted) more problem\(batch.unlisted == 1 ? "" : "s") not listed")
                }
                throw ServiceError.roster(problems)
            }
            try await Self.save(&batch, into: store, outcome: &outcome)
            try Task.checkCancellation()
            return outcome
        }
    }

    /// Writes the batch's learners, keeping on-record values of the columns the file leaves out.
    private static func save(_ batch: inout Batch, into store: any CompletionStore, outcome: inout Outcome) async throws {
        guard batch.problems.isEmpty, !batch.learners.isEmpty else {
            batch.learners.removeAll(keepingCapacity: true)
            return
        }
        var existing: [String: Learner] = [:]
        for learner in try await store.learners(ids: batch.learners.map(\.id)) { existing[learner.id] = learner }
        var changed: [Learner] = []
        changed.reserveCapacity(batch.learners.count)
        for incoming in batch.learners {
            var learner = incoming
            if let old = existing[learner.id] {
                learner.createdAt = old.createdAt
                if !batch.present.contains("name") { learner.name = old.name }
                if !batch.present.contains("email") { learner.email = old.email }
                if !batch.present.contains("department") { learner.department = old.department }
                if !batch.present.contains("role") { learner.role = old.role }
                var compare = old
                compare.updatedAt = learner.updatedAt
                if compare == learner {
                    outcome.unchanged += 1
                    continue
                }
                outcome.updated += 1
            } else {
                outcome.added += 1
            }
            changed.append(learner)
        }
        try await store.saveLearners(changed)
        batch.learners.removeAll(keepingCapacity: true)
    }

    /// Reads and checks the header row: which column each name is in.
    private func header(_ reader: inout CSVReader) throws -> Header {
        let first: CSVReader.Record?
        do {
            first = try reader.next()
        } catch let failure as CSVReader.Failure {
            throw ServiceError.roster(["\(fileName):\(failure.line): \(failure.message)"])
        }
        guard let header = first else {
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
        return Header(position: position, count: header.fields.count)
    }

    /// The columns of the file: where each is, and how many fields a row has.
    struct Header {
        var position: [String: Int]
        var count: Int
    }

    /// The rows checked since the last save, and every problem so far.
    struct Batch {
        let header: Header
        let fileName: String
        let now: Date
        let present: Set<String>
        var learners: [Learner] = []
        var problems: [String] = []
        /// Problems found beyond `maxProblemsListed`.
        var unlisted = 0
        /// The line of each id met so far, to report a second row for the same person.
        var seen: [String: Int32] = [:]

        init(header: Header, fileName: String, now: Date) {
            self.header = header
            self.fileName = fileName
            self.now = now
            present = Set(header.position.keys)
        }

        var isFull: Bool { learners.count >= RosterImport.batchSize }

        mutating func problem(_ text: String) {
            if problems.count < RosterImport.maxProblemsListed { problems.append(text) } else { unlisted += 1 }
        }

        /// Checks one row: its learner joins the batch, or its problems are noted.
        mutating func add(_ record: CSVReader.Record) {
            let where_ = "\(fileName):\(record.line)"
            guard record.fields.count == header.count else {
                problem("\(where_): \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), but the header has \(header.count); quote any value that contains a comma")
                return
            }
            func value(_ column: String) -> String? {
                guard let index = header.position[column] else { return nil }
                let text = RosterImport.trimmed(record.fields[index])
                return text.isEmpty ? nil : text
            }
            guard let id = value("id") else {
                problem("\(where_): the id is empty")
                return
            }
            guard RosterImport.isValidID(id) else {
                problem("\(where_): '\(ShownText.id(id))' is not a valid staff ID (1–64 letters, digits, dots, dashes, underscores or @)")
                return
            }
            if let first = seen[id] {
                problem("\(where_): the id '\(id)' is already on line \(first)")
                return
            }
            seen[id] = Int32(clamping: record.line)
            let fieldProblems = RosterImport.columns.dropFirst().compactMap { column in value(column).flatMap { RosterImport.problem(column, $0) } }
            if !fieldProblems.isEmpty {
                for text in fieldProblems { problem("\(where_): \(text)") }
                return
            }
            if let email = value("email"), !email.utf8.contains(0x40)
                || (email.utf8.contains { $0 <= 0x20 || $0 >= 0x7F } && email.contains(where: \.isWhitespace)) {
                problem("\(where_): '\(ShownText.escaped(email, limit: 80))' is not an email address")
                return
            }
            guard problems.isEmpty else { return }
            learners.append(
                Learner(
                    id: id, name: value("name"), email: value("email"), department: value("department"), role: value("role"),
                    isActive: true, fromRoster: true, createdAt: now, updatedAt: now))
        }
    }

    /// The most characters a name, email, department or role may have.
    public static let maxFieldLength = 200

    /// What is wrong with a name, email, department or role, if anything: a control character
    /// (a NUL would silently cut the value short in the store) or more than `maxFieldLength` characters.
    static func problem(_ column: String, _ value: String) -> String? {
        // Fast path: printable ASCII within the limit, the common case of a large roster.
        if value.utf8.count <= maxFieldLength, value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
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

    /// `text` without leading and trailing white space and line breaks (quick when there is none).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let plain = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
        if plain(first), plain(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The staff ID rule `cares` uses everywhere.
    public static func isValidID(_ id: String) -> Bool {
        // Every allowed character is one ASCII byte, so bytes decide.
        !id.isEmpty && id.utf8.count <= 64
            && id.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == 0x2E || byte == 0x5F || byte == 0x2D || byte == 0x40
            }
    }
}
