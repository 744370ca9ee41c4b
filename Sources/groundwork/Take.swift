import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork take ID`: a simulated exam in the terminal under its platform's rules, with
/// every answer saved the moment it is given.
struct Take: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Take a practice test as a simulated exam, under the rules of the platform it imitates.",
        discussion: """
            Items are asked one at a time ("item 3 of 12") with the time left. Type the
            number of a choice, a rating, a number, a transcript, spans as token ranges
            ("1-2 ORG; 5 LOC"), time segments ("dog bark 1.2-2.5"), or an order ("2 1
            3"). A written answer takes several lines, ended by a line holding only '.';
            you then grade it against its rubric with the model answer beside it, once
            the test shows answers ('groundwork report N --grade' grades it later). At
            any prompt, :help lists the commands, :guide shows the test's
            guideline, :skip leaves the item unanswered and :q (or Ctrl-C, or Ctrl-D)
            saves and leaves: 'take' again resumes where you stopped. Time spent away
            does not count against the time limit; the report says how long the attempt
            was interrupted.

            Before the clock starts, 'take' says what is at stake (which attempt this is,
            when the next is allowed) and, on a terminal, asks you to confirm. To try a
            test with nothing at stake, use 'groundwork practice ID'.

            Boxes, polygons and keypoints are drawn, which a terminal cannot do: a test
            with such items is taken in the web app ('groundwork serve'), or with their
            answers in a file (docs/grading.md) passed as --answers FILE; items it
            answers are not asked. On a resumed attempt the file answers the items still
            to come.

            The rules (attempts, retake delay, feedback after each item or at the end,
            training retries, work-mode removal) come from the assessment; 'groundwork
            assessments' lists them.

            An attempt is taken in one place at a time. While it is open in another
            terminal (or a web browser), 'take' says where and stops; --take-over moves
            it here, and the other place can then save no more answers. An attempt left
            by a terminal that was closed or killed is simply resumed.

            Examples:
              groundwork take sentiment-quiz
              groundwork take street-boxes --answers my-boxes.json
              groundwork take content-moderation --abandon
              groundwork take sentiment-quiz --take-over
            """
    )

    @OptionGroup var options: SittingOptions

    func run() throws { try options.sitting(.exam).run() }
}

/// An item's result right after it is answered, as quiz mode shows it.
enum ItemFeedback {
    static func text(_ result: ItemResult, renderer: TerminalRenderer) -> String {
        let style = renderer.style
        let verdict: String
        switch result.verdict {
        case .correct: verdict = style.apply([.green], to: "✓ Correct.")
        case .partial: verdict = style.apply([.yellow], to: "◐ Partly right (\(SummaryTable.percent(result.score))).")
        case .incorrect: verdict = style.apply([.red], to: "✗ Not right.")
        case .unanswered: verdict = style.apply([.red], to: "✗ Unanswered.")
        }
        let explanation = ReportRenderer(width: renderer.width, lessonText: LessonLink.command).explanation(result, indent: "  ")
            .map(TerminalStyle.sanitize)
        return ([verdict] + explanation).joined(separator: "\n")
    }
}

/// A lesson link from an item (`../../Content/annotation-types/intent.md#slot-filling`) as a
/// learner can use it at the terminal: `groundwork read intent  (section: slot-filling)`.
/// Lesson ids default to file names, so the file name is the id to read.
enum LessonLink {
    static func command(_ link: String) -> String {
        let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
        guard let file = parts.first, file.hasSuffix(".md") || CourseLinks.isLessonID(link), !file.contains("://") else { return link }
        let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return "groundwork read \(id)" + (parts.count > 1 ? " § \(parts[1])" : "")
    }
}

/// Ctrl-C during a test: every answer is already saved, so say how to resume and leave.
enum SaveOnInterrupt {
    nonisolated(unsafe) private static var message: [UInt8] = []

    static func install(command: String) {
        message = Array("\nSaved. Run '\(command)' to continue where you stopped.\n".utf8)
        signal(SIGINT) { _ in
            SaveOnInterrupt.message.withUnsafeBufferPointer { buffer in _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count) }
            _exit(130)
        }
        // A parent may have started us with SIGINT blocked (the mask is inherited); Ctrl-C must work.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}

/// Durations and moments in words a learner reads at a glance.
enum TimeText {
    /// "14:05" (minutes:seconds), or "1:02:03" past an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// "3 min", "2 h 5 min", "4 days 3 h".
    static func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 1 { return "\(Int(seconds.rounded())) s" }
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 1440 { return "\(minutes / 60) h \(minutes % 60) min" }
        return "\(minutes / 1440) day\(minutes / 1440 == 1 ? "" : "s") \(minutes % 1440 / 60) h"
    }

    /// A moment in local time, "2026-11-30 14:05".
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
