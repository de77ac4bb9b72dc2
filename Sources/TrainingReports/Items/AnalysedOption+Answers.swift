import TrainingKit

extension AnalysedOption {
    /// Whether a stored answer (choice ids joined by commas) includes this option.
    func isChosen(in answer: String) -> Bool {
        answer.split(separator: ",").contains { $0 == id }
    }
}
