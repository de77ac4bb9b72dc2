/// Failures of the record store that a person can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The learner already has an attempt in progress for this module.
    case attemptInProgress(learnerID: String, moduleID: String)
    /// This question already has a response in this attempt.
    case duplicateResponse(questionID: String)
    /// No attempt with this id.
    case attemptNotFound(String)
    /// The attempt is not in progress, so it cannot take answers or finish.
    case attemptNotInProgress(String)
    /// The attempt was voided already.
    case attemptAlreadyVoid(String)
    /// No learner with this id.
    case learnerNotFound(String)
    /// The database cannot be opened, read or written; the message says why and what to do.
    case unavailable(String)
    /// The database schema is newer than this program.
    case schemaTooNew(found: Int, supported: Int)

    public var description: String {
        switch self {
        case .attemptInProgress(let learner, let module):
            return "\(learner) already has an attempt at '\(module)' in progress; use `cares resume \(module)`"
        case .duplicateResponse(let question): return "question '\(question)' was already answered in this attempt"
        case .attemptNotFound(let id): return "no attempt \(id)"
        case .attemptNotInProgress(let id): return "attempt \(id) is not in progress"
        case .attemptAlreadyVoid(let id): return "attempt \(id) is already void"
        case .learnerNotFound(let id): return "there is no learner '\(id)' in the records"
        case .unavailable(let message): return message
        case .schemaTooNew(let found, let supported):
            return "the record store has schema version \(found), newer than this cares supports (\(supported)); upgrade cares"
        }
    }
}
