import Foundation
import Gradebook
import Grading
import HTTPTypes

/// Attempts over time, one block per test, each with a chart of its scores against the
/// pass mark (an SVG drawn here, so it needs no script).
struct HistoryView {
    struct TestHistory {
        let id: String
        let title: String
        let passMark: String
        let chartSVG: String
        let chartLabel: String
        let attempts: [Row]
    }

    struct Row {
        /// "Attempt 2 (#13)", "Practice 5 (#14)": counted per test and purpose, as the terminal says it.
        let name: String
        let id: Int64
        let when: String
        let status: String
        /// "Exam" or "Practice": practice is kept apart and not charted.
        let purpose: String
        let score: String?
        let passed: Bool
        let finished: Bool
    }

    let tests: [TestHistory]

    init(site: Site, progress: Progress) throws {
        tests = site.catalog.inCourseOrder(site.course).compactMap { test in
            // Practice at the test's fresh generated items is listed with it, named apart.
            let fresh = GeneratedPractice.id(for: test.id)
            let attempts = (progress.attempts(at: test.id) + progress.attempts(at: fresh)).sorted {
                ($0.startedAt, $0.id) < ($1.startedAt, $1.id)
            }
            guard !attempts.isEmpty else { return nil }
            // Numbered per test and purpose as the terminal numbers them (a fresh practice is
            // a test of its own, `ID.generated`).
            var counted: [String: Int] = [:]
            let rows = attempts.map { attempt in
                let key = attempt.assessmentID + " " + attempt.purpose.rawValue
                counted[key, default: 0] += 1
                return Row(
                    name: AttemptName.text(attempt.purpose, ordinal: counted[key] ?? 1, id: attempt.id, capitalized: true),
                    id: attempt.id, when: WebText.moment(attempt.startedAt), status: attempt.status.description,
                    purpose: attempt.assessmentID == fresh ? "Fresh practice" : attempt.purpose == .practice ? "Practice" : "Exam",
                    score: attempt.score.map { String(format: "%.1f%%", $0 * 100) }, passed: attempt.passed == true,
                    finished: attempt.status != .inProgress)
            }
            let scores = attempts.filter { $0.purpose == .exam }.compactMap(\.score)
            let label =
                "Scores of \(scores.count) scored exam attempt\(scores.count == 1 ? "" : "s"): "
                + scores.map { WebText.percent($0) }.joined(separator: ", ") + "; pass mark \(WebText.percent(test.passMark))."
            return TestHistory(
                id: test.id, title: test.title, passMark: WebText.percent(test.passMark),
                chartSVG: Self.chart(scores: scores, passMark: test.passMark), chartLabel: label, attempts: rows.reversed())
        }
    }

    /// A small line chart: scores left to right (oldest first), a dashed pass-mark line.
    static func chart(scores: [Double], passMark: Double) -> String {
        let width = 320.0, height = 120.0, pad = 12.0
        func x(_ index: Int) -> Double { scores.count < 2 ? width / 2 : pad + Double(index) * (width - 2 * pad) / Double(scores.count - 1) }
        func y(_ score: Double) -> Double { height - pad - max(0, min(1, score)) * (height - 2 * pad) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">"
        svg += "<line class=\"chart-axis\" x1=\"\(pad)\" y1=\"\(height - pad)\" x2=\"\(width - pad)\" y2=\"\(height - pad)\"/>"
        svg += "<line class=\"chart-pass\" x1=\"\(pad)\" y1=\"\(y(passMark))\" x2=\"\(width - pad)\" y2=\"\(y(passMark))\"/>"
        if scores.count > 1 {
            let points = scores.enumerated().map { String(format: "%.1f,%.1f", x($0.offset), y($0.element)) }.joined(separator: " ")
            svg += "<polyline class=\"chart-line\" points=\"\(points)\"/>"
        }
        for (index, score) in scores.enumerated() {
            let kind = score >= passMark ? "chart-dot pass" : "chart-dot"
            svg += "<circle class=\"\(kind)\" " + String(format: "cx=\"%.1f\" cy=\"%.1f\"", x(index), y(score)) + " r=\"4\"/>"
        }
        return svg + "</svg>"
    }
}
