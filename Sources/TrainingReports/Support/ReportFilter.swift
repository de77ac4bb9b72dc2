import Foundation
import TrainingService
import TrainingStore

/// The filters a coordinator gives: `--module`, `--learner`, `--department`, `--role`, `--since`, `--until`.
public struct ReportFilter: Hashable, Sendable {
    public var moduleID: String?
    public var learnerID: String?
    /// Matched ignoring case, like site.yaml requirements.
    public var department: String?
    public var role: String?
    /// From this instant (inclusive).
    public var since: Date?
    /// Before this instant (exclusive; a date given alone means the end of that day).
    public var until: Date?

    public init(
        moduleID: String? = nil, learnerID: String? = nil, department: String? = nil, role: String? = nil,
        since: Date? = nil, until: Date? = nil
    ) {
        self.moduleID = moduleID
        self.learnerID = learnerID
        self.department = department
        self.role = role
        self.since = since
        self.until = until
    }

    /// Whether a learner passes the learner, department and role filters.
    public func admits(_ learner: Learner) -> Bool {
        if let learnerID, learner.id != learnerID { return false }
        if let department, learner.department?.lowercased() != department.lowercased() { return false }
        if let role, learner.role?.lowercased() != role.lowercased() { return false }
        return true
    }

    /// Whether an instant lies in `since ..< until`.
    public func admits(_ date: Date?) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let date else { return false }
        if let since, date < since { return false }
        if let until, date >= until { return false }
        return true
    }

    /// The store query for these filters (attempts by start time).
    var attemptQuery: AttemptQuery {
        AttemptQuery(learnerID: learnerID, moduleID: moduleID, startedFrom: since, startedBefore: until)
    }

    /// The filters as key and value for report headers.
    func described(time: ReportTime) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        if let moduleID { result.append(("module", moduleID)) }
        if let learnerID { result.append(("learner", learnerID)) }
        if let department { result.append(("department", department)) }
        if let role { result.append(("role", role)) }
        if let since { result.append(("since", time.iso(since))) }
        if let until { result.append(("until", time.iso(until))) }
        return result
    }
}
