/// A training module as written by a trainer: metadata, objectives, lessons and a quiz.
public struct Module: Hashable, Sendable {
    public var id: String
    public var version: SemanticVersion
    public var title: String
    public var summary: String
    public var audience: [String]
    public var estimatedMinutes: Int?
    public var contentWarning: String?
    /// Percent of quiz points needed to pass.
    public var passMark: Int
    /// Attempts allowed per validity period; nil means unlimited.
    public var maxAttempts: Int?
    /// Hours a learner waits after a failed attempt before the next may start; nil means no wait.
    public var retakeAfterHours: Int?
    /// Days a pass stays valid; nil means it never expires.
    public var validForDays: Int?
    public var sources: [String]
    public var objectives: [Objective]
    public var lessons: [Lesson]
    public var quiz: Quiz
    /// Text shown after the result, such as support resources.
    public var closing: String?
    /// SHA-256 of the file's bytes, hex; ties records to the exact text a learner saw.
    public var contentHash: String
    /// The path the module was read from.
    public var path: String

    public init(
        id: String, version: SemanticVersion, title: String, summary: String = "", audience: [String] = [],
        estimatedMinutes: Int? = nil, contentWarning: String? = nil, passMark: Int = 80, maxAttempts: Int? = nil,
        validForDays: Int? = nil, sources: [String] = [], objectives: [Objective] = [], lessons: [Lesson] = [],
        quiz: Quiz, closing: String? = nil, contentHash: String = "", path: String = "", retakeAfterHours: Int? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.audience = audience
        self.estimatedMinutes = estimatedMinutes
        self.contentWarning = contentWarning
        self.passMark = passMark
        self.maxAttempts = maxAttempts
        self.validForDays = validForDays
        self.retakeAfterHours = retakeAfterHours
        self.sources = sources
        self.objectives = objectives
        self.lessons = lessons
        self.quiz = quiz
        self.closing = closing
        self.contentHash = contentHash
        self.path = path
    }

    /// The objective with this id.
    public func objective(id: String) -> Objective? {
        objectives.first { $0.id == id }
    }
}
