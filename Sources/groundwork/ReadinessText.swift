import Courseware
import Readiness

/// The readiness report as terminal text, wrapped to the terminal's width; every text from
/// the course goes through `TerminalStyle.sanitize`.
struct ReadinessText {
    let style: TerminalStyle
    let renderer: TerminalRenderer

    func render(_ report: ReadinessReport, detailed: Bool) -> String {
        var lines: [String] = []
        lines.append(style.apply([.bold], to: "Am I ready?"))
        lines.append(
            wrap(
                "From your last \(report.recentItems) items per skill, practice runs and simulated exams both counted; "
                    + "a verdict needs \(report.minimumItems) items. The range is a 95% interval."))
        lines.append("")
        for platform in report.platforms {
            lines.append(style.apply([.bold], to: clean(platform.name)) + "  " + verdict(platform.verdict))
            if detailed {
                lines.append(
                    wrap(
                        "What its tests ask (as of \(clean(platform.asOf)), known \(platform.known.rawValue)): \(clean(platform.about))",
                        indent: "  "))
            }
            lines.append(wrap(clean(platform.reason), indent: "  "))
            lines.append(contentsOf: nextStep(platform.nextStep).map { wrap($0, indent: "  ") })
            if detailed, let lesson = platform.lesson { lines.append(wrap("About it: \(readCommand(lesson))", indent: "  ")) }
        }
        if !report.skills.isEmpty {
            lines.append("")
            lines.append(style.apply([.bold], to: "Skills"))
            for skill in report.skills {
                var line = "  \(clean(skill.title)): "
                if let estimate = skill.estimate, let interval = skill.interval {
                    line += "\(percent(estimate)) [\(percent(interval.lower))–\(percent(interval.upper))]"
                    line += " over \(skill.items) (\(skill.practiceItems) practice, \(skill.examItems) exam)"
                } else {
                    line += "no items yet"
                }
                line += ", target \(percent(skill.target)): " + verdict(skill.verdict)
                lines.append(wrap(line, indent: "    "))
            }
        }
        if !report.checklist.isEmpty, !detailed {
            let done = report.checklist.filter { $0.checkedAt != nil }.count
            lines.append("")
            lines.append(style.apply([.bold], to: "Before you apply") + " (\(done) of \(report.checklist.count) done)")
            for entry in report.checklist {
                let box = entry.checkedAt != nil ? style.apply([.green], to: "[x]") : "[ ]"
                var line = "\(box) \(clean(entry.text)) (\(clean(entry.id))"
                if let lesson = entry.lesson { line += "; \(readCommand(lesson))" }
                lines.append(wrap(line + ")", indent: "      ").replacingPrefix("      ", with: "  "))
            }
            lines.append(style.apply([.dim], to: wrap("'groundwork readiness --tick ID' ticks an entry, --untick ID clears it.")))
        }
        return lines.joined(separator: "\n")
    }

    private func nextStep(_ step: NextStep) -> [String] {
        var lines: [String] = []
        if let lesson = step.lesson {
            lines.append("Reread: \(step.lessonTitle.map(clean) ?? clean(lesson.lessonID)) (\(readCommand(lesson)))")
        }
        if let test = step.test {
            lines.append("Practise: \(step.testTitle.map(clean) ?? clean(test)) (groundwork practice \(clean(test)))")
        }
        return lines
    }

    private func readCommand(_ lesson: ReadinessMap.LessonSection) -> String {
        "groundwork read \(clean(lesson.lessonID))" + (lesson.anchor.map { " § \(clean($0))" } ?? "")
    }

    private func verdict(_ verdict: ReadinessVerdict) -> String {
        switch verdict {
        case .ready: return style.apply([.green, .bold], to: verdict.words)
        case .borderline: return style.apply([.yellow, .bold], to: verdict.words)
        case .notYet: return style.apply([.red, .bold], to: verdict.words)
        case .notEnoughEvidence: return style.apply([.dim], to: verdict.words)
        }
    }

    private func wrap(_ text: String, indent: String = "") -> String { renderer.wrap(text, indent: indent) }
    private func clean(_ text: String) -> String { TerminalStyle.sanitize(text) }
    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}

extension String {
    /// The text with `prefix` replaced at its start (a hanging indent's first line).
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
