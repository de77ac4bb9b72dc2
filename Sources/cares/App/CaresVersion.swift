/// The version of the cares program itself.
enum CaresVersion {
    static let current = "0.1.0"
}
