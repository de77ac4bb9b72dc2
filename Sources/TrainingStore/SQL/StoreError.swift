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
    /// Another program held a lock for longer than the store waits; trying again may work.
    case busy(String)
    /// The database is damaged, or holds a value this program cannot read back.
    case corrupt(String)
    /// A write broke a rule of the schema (a key, a check, a reference) that no other case names.
    case constraint(String)
    /// The location or the operation is not supported by this backend; the message says what to use.
    case unsupported(String)
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
        case .unavailable(let message), .busy(let message), .corrupt(let message), .constraint(let message),
            .unsupported(let message):
            return message
        case .schemaTooNew(let found, let supported):
            return "the record store has schema version \(found), newer than this cares supports (\(supported)); upgrade cares"
        }
    }
}
