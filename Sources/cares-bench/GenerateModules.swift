import ArgumentParser
import Foundation
import TrainingKit

/// Writes a corpus of valid modules (every question type, scenarios, placeholders) and a site file.
struct GenerateModules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "modules", abstract: "Write a synthetic module corpus.")

    @Option(help: "How many modules.") var count = 2_000
    @Option(help: "Questions per module.") var questions = 40
    @Option(help: "The output folder (created).") var output: String
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "facts:\n  safeguarding_lead: \"the on-call social worker\"\n  site_name: \"Bench Hospital\"\n"
            .write(toFile: output + "/site.yaml", atomically: true, encoding: .utf8)
        var random = SeededGenerator(seed: seed)
        for index in 0..<count {
            let id = String(format: "bench-module-%05d", index)
            try ModuleText(id: id, questions: questions).yaml(&random)
                .write(toFile: "\(output)/\(id).yaml", atomically: true, encoding: .utf8)
        }
        print("wrote \(count) modules to \(output)")
    }
}
