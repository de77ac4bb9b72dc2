import TrainingService

extension CaresFailure {
    /// The failure for a service's refusal, with its exit code (64 usage, 65 bad roster, 1 otherwise).
    init(_ error: ServiceError) {
        switch error {
        case .usage: self.init(message: error.description, hint: nil, exitCode: 64)
        case .roster: self.init(message: error.description, hint: error.hint, exitCode: 65)
        case .notFound, .refused: self.init(message: error.description, hint: error.hint, exitCode: 1)
        }
    }
}
