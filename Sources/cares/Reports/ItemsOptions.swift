import ArgumentParser
import TrainingReports

extension ItemAttemptRule: ExpressibleByArgument {}

/// `cares report items`' own options: which attempts and which module version.
struct ItemsOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Which finished attempts count: all, or each learner's first (default), last or best.", valueName: "rule"))
    var attempts: ItemAttemptRule = .first

    @Option(help: ArgumentHelp("The module version to analyse (default: the current version).", valueName: "version"))
    var version: String?
}
