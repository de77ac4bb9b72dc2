/// The learner stopped: `:pause`, end of input or a refusal to start. Everything answered is already saved.
enum PauseRequest: Error {
    /// Stopped before an attempt began: nothing to resume.
    case beforeStart
    /// Stopped during an attempt of this module.
    case during(moduleID: String)
}
