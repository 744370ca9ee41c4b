import Foundation
import Readiness

/// The readiness page: platforms with their verdicts first, then each skill with its
/// interval drawn against its target (an SVG made here, so it needs no script), then the
/// checklist as forms that work without script.
struct ReadinessView {
    struct Link {
        let href: String
        let title: String
    }

    struct PlatformRow {
        let id: String
        let name: String
        let verdict: String
        /// CSS class of the verdict badge: ready, borderline, not-yet, not-enough-evidence.
        let verdictClass: String
        let reason: String
        let about: String
        let asOf: String
        let known: String
        let lesson: Link?
        let test: Link?
        let platformLesson: Link?
    }

    struct SkillRow {
        let title: String
        let summary: String
        let verdict: String
        let verdictClass: String
        let chartSVG: String
        let chartLabel: String
    }

    struct ChecklistRow {
        let id: String
        let text: String
        let checked: Bool
        let lesson: Link?
    }

    let platforms: [PlatformRow]
    let skills: [SkillRow]
    let checklist: [ChecklistRow]
    let done: Int
    let total: Int
    let recentItems: Int
    let minimumItems: Int

    init(_ report: ReadinessReport) {
        platforms = report.platforms.map { platform in
            PlatformRow(
                id: platform.id, name: platform.name, verdict: platform.verdict.words, verdictClass: platform.verdict.rawValue,
                reason: platform.reason, about: platform.about, asOf: platform.asOf, known: platform.known.rawValue,
                lesson: platform.nextStep.lesson.map { Self.lesson($0, title: platform.nextStep.lessonTitle) },
                test: platform.nextStep.test.map { Link(href: "/tests/\($0)", title: platform.nextStep.testTitle ?? $0) },
                platformLesson: platform.lesson.map { Self.lesson($0, title: "What the course says about \(platform.name)") })
        }
        skills = report.skills.map { skill in
            let summary: String
            if let estimate = skill.estimate, let interval = skill.interval {
                summary =
                    "\(WebText.percent(estimate)) (95% interval \(WebText.percent(interval.lower))–\(WebText.percent(interval.upper))) over \(skill.items) items: \(skill.practiceItems) practice, \(skill.examItems) exam. Target \(WebText.percent(skill.target))."
            } else {
                summary = "No items yet. Target \(WebText.percent(skill.target))."
            }
            return SkillRow(
                title: skill.title, summary: summary, verdict: skill.verdict.words, verdictClass: skill.verdict.rawValue,
                chartSVG: Self.intervalChart(skill), chartLabel: summary)
        }
        checklist = report.checklist.map { entry in
            ChecklistRow(
                id: entry.id, text: entry.text, checked: entry.checkedAt != nil,
                lesson: entry.lesson.map { Self.lesson($0, title: entry.lessonTitle ?? $0.lessonID) })
        }
        done = report.checklist.filter { $0.checkedAt != nil }.count
        total = report.checklist.count
        recentItems = report.recentItems
        minimumItems = report.minimumItems
    }

    static func lesson(_ section: ReadinessMap.LessonSection, title: String?) -> Link {
        Link(href: "/lessons/\(section.lessonID)" + (section.anchor.map { "#\($0)" } ?? ""), title: title ?? section.lessonID)
    }

    /// A 0–100% scale with the interval as a band, the estimate as a dot and the target as a
    /// dashed line; decorative (the caption says the same in words).
    static func intervalChart(_ skill: SkillEstimate) -> String {
        let width = 320.0, height = 36.0, pad = 8.0
        func x(_ value: Double) -> String { String(format: "%.1f", pad + max(0, min(1, value)) * (width - 2 * pad)) }
        var svg =
            "<svg class=\"chart interval\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">"
        svg += "<line class=\"chart-axis\" x1=\"\(x(0))\" y1=\"28\" x2=\"\(x(1))\" y2=\"28\"/>"
        if let interval = skill.interval, let estimate = skill.estimate {
            svg += "<line class=\"interval-band\" x1=\"\(x(interval.lower))\" y1=\"16\" x2=\"\(x(interval.upper))\" y2=\"16\"/>"
            svg += "<circle class=\"chart-dot\(estimate >= skill.target ? " pass" : "")\" cx=\"\(x(estimate))\" cy=\"16\" r=\"5\"/>"
        }
        svg += "<line class=\"chart-pass\" x1=\"\(x(skill.target))\" y1=\"4\" x2=\"\(x(skill.target))\" y2=\"32\"/>"
        return svg + "</svg>"
    }
}
