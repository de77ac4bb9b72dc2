import ArgumentParser

/// `cares-bench`: deterministic data for the benchmark harness in bench/.
@main
struct BenchTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cares-bench",
        abstract: "Generate benchmark data: a module corpus and a record store.",
        subcommands: [GenerateModules.self, GenerateStore.self])
}
