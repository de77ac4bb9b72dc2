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

    /// How many rows are checked and staged together.
    public static let batchSize = 1_000

    /// The most problems listed; the rest are counted.
    public static let maxProblemsListed = 100

    /// Imports the records `open()` reads in one transaction; any problem, an error or a cancelled
    /// task rolls all of it back.
    ///
    /// Rows are checked as they are read and staged in the store `batchSize` at a time; repeated ids
    /// are found there, and one statement merges the staged rows into the learners on record, so
    /// memory stays flat however long the file. `open` is called again if the store runs the
    /// transaction again after a conflict.
    public func run(now: Date = Date(), reading open: () throws -> CSVReader) async throws -> Outcome {
        // The header is checked before the store is touched.
        var first = try open()
        _ = try header(&first)
        return try await store.withTransaction { store in
            var reader = try open()
            var batch = Batch(header: try header(&reader), fileName: fileName)
            try await store.beginLearnerStaging()
            while true {
                let record: CSVReader.Record?
                do {
                    record = try reader.next()
                } catch let failure as CSVReader.Failure {
                    batch.problem(at: failure.line, failure.message)
                    break
                }
                guard let record else { break }
                batch.add(record)
                if batch.isFull {
                    try Task.checkCancellation()
                    try await store.stageLearners(batch.rows)
                    batch.rows.removeAll(keepingCapacity: true)
                }
            }
            try Task.checkCancellation()
            try await store.stageLearners(batch.rows)
            // Ids in strictly ascending order cannot repeat, and need no sorting before the merge.
            let repeats = batch.ascending ? ([], 0) : try await store.stagedLearnerRepeats(limit: Self.maxProblemsListed)
            try Task.checkCancellation()
            if let problems = batch.report(repeats) { throw ServiceError.roster(problems) }
            let merge = try await store.mergeStagedLearners(given: batch.given, now: now, inIDOrder: batch.ascending)
            try Task.checkCancellation()
            return Outcome(added: merge.added, updated: merge.updated, unchanged: merge.unchanged)
        }
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
        let id: Int?
        let name: Int?
        let email: Int?
        let department: Int?
        let role: Int?

        init(position: [String: Int], count: Int) {
            self.position = position
            self.count = count
            id = position["id"]
            name = position[LearnerField.name.rawValue]
            email = position[LearnerField.email.rawValue]
            department = position[LearnerField.department.rawValue]
            role = position[LearnerField.role.rawValue]
        }
    }

    /// The rows checked since the last staging, and the problems so far (with their lines).
    struct Batch {
        let header: Header
        let fileName: String
        /// The learner fields the file has columns for.
        let given: Set<LearnerField>
        var rows: [StagedLearner] = []
        var problems: [(line: Int, text: String)] = []
        /// Problems found beyond `maxProblemsListed`.
        var unlisted = 0
        /// Whether every staged id so far is greater (byte-wise) than the one before.
        var ascending = true
        var lastID: String?

        init(header: Header, fileName: String) {
            self.header = header
            self.fileName = fileName
            given = Set(LearnerField.allCases.filter { header.position[$0.rawValue] != nil })
            rows.reserveCapacity(RosterImport.batchSize)
        }

        var isFull: Bool { rows.count >= RosterImport.batchSize }

        mutating func problem(at line: Int, _ text: String) {
            if problems.count < RosterImport.maxProblemsListed { problems.append((line, text)) } else { unlisted += 1 }
        }

        /// Every problem, the rows' own and the repeated ids, in line order (the first
        /// `maxProblemsListed`, then how many more); nil when there are none.
        func report(_ repeats: (listed: [StagedLearner.Repeat], total: Int)) -> [String]? {
            guard !problems.isEmpty || repeats.total > 0 else { return nil }
            let repeated = repeats.listed.map { item in
                (line: item.line, text: "the id '\(item.id)' is already on line \(item.firstLine)")
            }
            let all = (problems + repeated).sorted { $0.line < $1.line }
            var lines = all.prefix(RosterImport.maxProblemsListed).map { "\(fileName):\($0.line): \($0.text)" }
            let more = all.count - lines.count + unlisted + (repeats.total - repeats.listed.count)
            if more > 0 { lines.append("… and \(more) more problem\(more == 1 ? "" : "s") not listed") }
            return lines
        }

        /// Checks one row: a row with a valid id is staged (so that a repeat of it is found), and its
        /// problems are noted.
        mutating func add(_ record: CSVReader.Record) {
            guard record.fields.count == header.count else {
                problem(
                    at: record.line,
                    "\(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), but the header has \(header.count); quote any value that contains a comma")
                return
            }
            func value(_ index: Int?) -> String? {
                guard let index else { return nil }
                let text = RosterImport.trimmed(record.fields[index])
                return text.isEmpty ? nil : text
            }
            guard let id = value(header.id) else {
                problem(at: record.line, "the id is empty")
                return
            }
            guard RosterImport.isValidID(id) else {
                problem(at: record.line, "'\(ShownText.id(id))' is not a valid staff ID (1–64 letters, digits, dots, dashes, underscores or @)")
                return
            }
            let row = StagedLearner(
                line: record.line, id: id, name: value(header.name), email: value(header.email), department: value(header.department),
                role: value(header.role))
            rows.append(row)
            if ascending, let lastID, !lastID.utf8.lexicographicallyPrecedes(id.utf8) { ascending = false }
            lastID = id
            for field in LearnerField.allCases {
                guard let text = row[field] else { continue }
                // Printable ASCII has one byte per character and no control character: only the length can be wrong.
                if record.isPrintableASCII, text.utf8.count <= RosterImport.maxFieldLength { continue }
                if let trouble = RosterImport.problem(field.rawValue, text) { problem(at: record.line, trouble) }
            }
            if let email = row.email, !email.utf8.contains(0x40)
                || ((!record.isPrintableASCII || email.utf8.contains(0x20)) && email.contains(where: \.isWhitespace)) {
                problem(at: record.line, "'\(ShownText.escaped(email, limit: 80))' is not an email address")
            }
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
