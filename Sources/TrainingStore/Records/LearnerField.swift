/// A learner field a roster file can give; the id is always given.
public enum LearnerField: String, CaseIterable, Hashable, Sendable {
    case name
    case email
    case department
    case role
}
