/// One roster row waiting in a staged import (`CompletionStore.stageLearners`): the learner's id,
/// the fields the file gives (nil for an empty cell or a column the file leaves out) and its line.
public struct StagedLearner: Hashable, Sendable {
    public var line: Int
    public var id: String
    public var name: String?
    public var email: String?
    public var department: String?
    public var role: String?

    public init(line: Int, id: String, name: String? = nil, email: String? = nil, department: String? = nil, role: String? = nil) {
        self.line = line
        self.id = id
        self.name = name
        self.email = email
        self.department = department
        self.role = role
    }

    /// The row's value of `field`.
    public subscript(field: LearnerField) -> String? {
        switch field {
        case .name: name
        case .email: email
        case .department: department
        case .role: role
        }
    }

    /// A staged row whose id an earlier row already has.
    public struct Repeat: Hashable, Sendable {
        public var line: Int
        public var id: String
        /// The line of the first row with this id.
        public var firstLine: Int

        public init(line: Int, id: String, firstLine: Int) {
            self.line = line
            self.id = id
            self.firstLine = firstLine
        }
    }
}
