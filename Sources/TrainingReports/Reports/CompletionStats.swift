import TrainingService
/// Figures gathered while completion rows are built: attempts per module and compliance per department.
struct CompletionStats {
    /// Passed and failed attempts per module id (of the learners in the report).
    var attemptsByModule: [String: (passed: Int, failed: Int)] = [:]
    /// Required rows and rows with a valid pass, per department.
    var byDepartment: [String: (required: Int, compliant: Int)] = [:]
    var rows = 0
    var compliant = 0
    /// Learners with at least one row (counted as each learner's rows are written, so no set of ids is kept).
    var learnerCount = 0

    mutating func count(_ row: CompletionRow) {
        rows += 1
        let department = row.learner.department ?? "(no department)"
        var entry = byDepartment[department] ?? (0, 0)
        entry.required += 1
        if row.standing.isCompliant {
            entry.compliant += 1
            compliant += 1
        }
        byDepartment[department] = entry
    }

    func passRateChart(catalog: ModuleDirectory) -> BarChart {
        BarChart(
            title: "Pass rate per module (passed ÷ finished attempts)",
            bars: attemptsByModule.keys.sorted().map { id in
                let counts = attemptsByModule[id] ?? (0, 0)
                let finished = counts.passed + counts.failed
                return BarChart.Bar(
                    label: catalog.module(id: id)?.title ?? id,
                    ratio: finished == 0 ? nil : Double(counts.passed) / Double(finished),
                    detail: "\(counts.passed) of \(finished)")
            })
    }

    func complianceChart() -> BarChart {
        BarChart(
            title: "Compliance per department (required modules held with a valid pass)",
            bars: byDepartment.keys.sorted().map { department in
                let counts = byDepartment[department] ?? (0, 0)
                return BarChart.Bar(
                    label: department, ratio: counts.required == 0 ? nil : Double(counts.compliant) / Double(counts.required),
                    detail: "\(counts.compliant) of \(counts.required)")
            })
    }
}
