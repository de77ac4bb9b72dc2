import Foundation

/// What `cares lrs push` has sent from one record store to one LRS: the latest finish time sent,
/// and the attempts (and voids) sent within `overlap` of it (so attempts recorded a little late, or by a
/// terminal whose clock lags, are still sent once). Kept as a small 0600 JSON file, replaced atomically.
public struct LRSPushMark: Codable, Equatable, Sendable {
    /// How far before `through` attempts are still considered, by id.
    public static let overlap: TimeInterval = 24 * 3600

    /// The record store (password masked) and the LRS endpoint, for a person reading the file.
    public var store: String
    public var endpoint: String
    /// The latest finish time of an attempt sent.
    public var through: Date?
    /// Attempts sent that finished at or after `through − overlap`, and voids sent since then
    /// (by their audit event's id): lowercased id → finish (or void) time.
    public var recent: [String: Date] = [:]

    public init(store: String, endpoint: String) {
        self.store = store
        self.endpoint = endpoint
    }

    /// Whether an attempt that finished at `finished` still has to be sent.
    public func isNew(attemptID: UUID, finished: Date) -> Bool {
        guard let through else { return true }
        if finished < through.addingTimeInterval(-Self.overlap) { return false }
        return recent[attemptID.uuidString.lowercased()] == nil
    }

    /// Records attempts as sent and forgets those that fell out of the overlap window.
    public mutating func record(_ attempts: [(id: UUID, finished: Date)]) {
        for attempt in attempts {
            recent[attempt.id.uuidString.lowercased()] = attempt.finished
            if through.map({ attempt.finished > $0 }) ?? true { through = attempt.finished }
        }
        if let through {
            let horizon = through.addingTimeInterval(-Self.overlap)
            recent = recent.filter { $0.value >= horizon }
        }
    }

    /// The mark in `path`, or a fresh one when there is no file yet.
    public static func load(path: String, store: String, endpoint: String) throws -> LRSPushMark {
        guard FileManager.default.fileExists(atPath: path) else { return LRSPushMark(store: store, endpoint: endpoint) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LRSError.mark("cannot read the push mark \(path) (check its permissions)")
        }
        do {
            return try decoder.decode(LRSPushMark.self, from: data)
        } catch {
            throw LRSError.mark("the push mark \(path) is damaged; remove it and push again with --since to re-send (re-sending is harmless)")
        }
    }

    /// Writes the mark beside `path` and renames it into place (0600; the folder is created 0700).
    public func save(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let partial = folder.appendingPathComponent("." + url.lastPathComponent + ".partial")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(self)
            guard FileManager.default.createFile(atPath: partial.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw LRSError.mark("cannot write \(partial.path)")
            }
            guard rename(partial.path, path) == 0 else { throw LRSError.mark(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw LRSError.mark("cannot save the push mark \(path): \(error)")
        }
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
