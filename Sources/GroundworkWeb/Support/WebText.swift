import Courseware
import Foundation
import Gradebook
import Grading

/// Text helpers for pages: Markdown from items as safe HTML, moments and durations in words.
enum WebText {
    /// Item prompts, reasons and instructions are Markdown; raw HTML in them is omitted.
    static func markdown(_ text: String, path: String = "item") -> String {
        HTMLRenderer().render(MarkdownDocument(source: SourceFile(path: path, text: text)))
    }

    /// "2026-11-30 14:05" in the server's local time.
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// "14:05" (minutes:seconds), or "1:02:03" past an hour.
    static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// Why a test cannot be taken now, as a sentence.
    static func refusal(_ refusal: Refusal, test: Assessment) -> String {
        switch refusal {
        case .wait(let until):
            let delay = Assessment.duration(minutes: test.policy.retakeDelayMinutes ?? 0)
            return "\(test.title) may be taken again from \(moment(until)) (retake delay \(delay))."
        case .noAttemptsLeft(let used): return "Every allowed attempt at \(test.title) was used (\(used))."
        case .needsPrerequisites(let missing): return "\(test.title) needs a passed attempt at \(missing.joined(separator: ", ")) first."
        }
    }

    /// A fraction as a whole percentage.
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
