extension ReportSection {
    /// The sections of each report by its command name (`completions`, `items`, …), for checking
    /// `--columns` before a report starts.
    public static let byReport: [String: [ReportSection]] = [
        "completions": [CompletionsReport.section],
        "due": [DueReport.section],
        "attempts": [AttemptsReport.section],
        "items": [ItemsReport.questions, ItemsReport.objectives],
        "transcript": [TranscriptReport.attempts, TranscriptReport.standing, TranscriptReport.events],
        "learners": [LearnersReport.section],
    ]
}
