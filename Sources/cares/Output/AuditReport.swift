import Foundation
import TrainingKit

/// The outcome of `cares audit`, as text for trainers or JSON for CI.
struct AuditReport {
    let audits: [ModuleAudit]

    /// Whether any module's best strategy passes more often than the limit.
    var failed: Bool { audits.contains(where: \.isGameable) }

    /// Per module a table of strategies, the best one, and a closing verdict.
    func text(terminal: Terminal) -> String {
        let wrapper = TextWrapper(width: max(40, terminal.width - 1), terminal: terminal)
        var blocks = audits.map { module(of: $0, terminal: terminal, wrapper: wrapper) }
        let gameable = audits.filter(\.isGameable)
        let limit = Self.percent(QuizAudit.passLimit)
        if gameable.isEmpty {
            blocks.append(wrapper.wrap("No module can be passed by a test-wise strategy more than \(limit) of the time."))
        } else {
            let names = gameable.map(\.moduleID).joined(separator: ", ")
            blocks.append(
                terminal.style(
                    wrapper.wrap(
                        "\(gameable.count) of \(audits.count) module\(audits.count == 1 ? "" : "s") can be passed by a test-wise "
                            + "strategy more than \(limit) of the time: \(names)."),
                    .boldRed))
        }
        return blocks.joined(separator: "\n\n")
    }

    private func module(of audit: ModuleAudit, terminal: Terminal, wrapper: TextWrapper) -> String {
        var lines = [terminal.style("\(audit.moduleID)", .bold) + " (pass mark \(audit.passMark)%, \(audit.runs) seeded draws)"]
        let nameWidth = max(8, audit.strategies.map(\.strategy.name.count).max() ?? 8)
        lines.append("  " + "strategy".padded(nameWidth) + "   mean   pass  right most often")
        for strategy in audit.strategies {
            let columns = "  " + strategy.strategy.name.padded(nameWidth) + " " + Self.percent(strategy.meanScore).leftPadded(6)
                + " " + Self.percent(strategy.passProbability).leftPadded(6) + "  "
            let items = strategy.topItems.map { "\($0.questionID) \(Self.percent($0.rightRate))" }
            lines += Self.packed(items.isEmpty ? ["–"] : items, after: columns, width: wrapper.width)
        }
        if let best = audit.best {
            let verdict = "Best: '\(best.strategy.name)' (\(best.strategy.summary)) passes \(Self.percent(best.passProbability)) "
                + "of draws with a mean of \(Self.percent(best.meanScore))"
            if audit.isGameable {
                lines.append(terminal.style(
                    wrapper.wrap(verdict + ", above the \(Self.percent(QuizAudit.passLimit)) limit. To change: \(best.strategy.advice).", indent: 2, hanging: 4),
                    .red))
            } else {
                lines.append(wrapper.wrap(verdict + ", within the \(Self.percent(QuizAudit.passLimit)) limit.", indent: 2, hanging: 4))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Items after fixed columns, separated by commas, continuing under the first item when too wide.
    private static func packed(_ items: [String], after columns: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = columns
        let indent = String(repeating: " ", count: columns.count)
        for (index, item) in items.enumerated() {
            let text = item + (index < items.count - 1 ? "," : "")
            if current.count > columns.count, current.count + 1 + text.count > width {
                lines.append(current)
                current = indent + text
            } else {
                current += (current.count > columns.count ? " " : "") + text
            }
        }
        lines.append(current)
        return lines
    }

    /// `{"modules":[{"id","pass_mark","runs","gameable","best_strategy","strategies":[…]}]}`, fractions 0–1.
    func json() -> String {
        let modules: [[String: Any]] = audits.map { audit in
            let strategies: [[String: Any]] = audit.strategies.map { strategy in
                [
                    "name": strategy.strategy.name,
                    "mean_score": Self.rounded(strategy.meanScore),
                    "pass_probability": Self.rounded(strategy.passProbability),
                    "top_items": strategy.topItems.map { item -> [String: Any] in
                        ["id": item.questionID, "right_rate": Self.rounded(item.rightRate), "right": item.right, "shown": item.shown]
                    },
                ]
            }
            return [
                "id": audit.moduleID, "pass_mark": audit.passMark, "runs": audit.runs, "gameable": audit.isGameable,
                "best_strategy": audit.best?.strategy.name ?? "", "strategies": strategies,
            ]
        }
        let object: [String: Any] = ["modules": modules]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text
    }

    /// A fraction to four decimals, so output does not carry floating-point noise.
    private static func rounded(_ fraction: Double) -> Double {
        (fraction * 10_000).rounded() / 10_000
    }

    /// A fraction as a percentage with one decimal.
    static func percent(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
