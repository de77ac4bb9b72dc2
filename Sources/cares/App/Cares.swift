import ArgumentParser

/// The `cares` command: training on human trafficking for health-sector staff, in a terminal.
struct Cares: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cares",
        abstract: "Take, author and report on human-trafficking training for health-sector staff.",
        discussion: """
            Learners: cares list · cares take MODULE · cares resume
            Trainers: cares validate [PATH…] · audit [PATH…] · preview MODULE · new ID · schema · export gift · import gift
            Coordinators: cares report … · cares learners import|list · cares attempts grant|void · cares certificate · cares verify
            Exit codes: 0 success; 1 a failed check (validation errors); 64 bad usage; \
            65 a module or site file has errors; 73 an output file cannot be written; 74 the record store cannot be used.
            """,
        version: CaresVersion.current,
        subcommands: [
            ListCommand.self, TakeCommand.self, ResumeCommand.self, ReviewCommand.self, ValidateCommand.self, AuditCommand.self,
            PreviewCommand.self, NewCommand.self,
            SchemaCommand.self, ExportCommand.self, ImportCommand.self, ReportCommand.self, LearnersCommand.self,
            AttemptsCommand.self, CertificateCommand.self, VerifyCommand.self, ConfigCommand.self, DbCommand.self, LrsCommand.self,
        ]
    )
}
