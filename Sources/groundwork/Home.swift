import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading
import Readiness

/// The view shown when `groundwork` runs without a command.
struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "Show the course, its modules and what to read next (the default command).",
        discussion: """
            Examples:
              groundwork
              groundwork home --content ~/my-course
            """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var assessments: AssessmentOptions

    func run() throws {
        let course = try course.loadCourse()
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let lessons = course.lessons
        let book = data.learnerBookIfAvailable()
        // Each test's header only, and only if the practice section is shown: loading every
        // test's items was the largest part of this view's time.
        lazy var listing = assessments.folder().map { AssessmentListing(folder: $0) }
        let read = Set((try? book?.lessonProgress().map(\.lessonID)) ?? [])
        // Listed once for the three sections that look at them.
        let attempts = try? book?.attempts()
        let minutes = lessons.reduce(0) { $0 + $1.minutes }
        print(style.apply([.bold, .cyan], to: TerminalStyle.sanitize(course.title)))
        print("\(lessons.count) lessons in \(course.modules.count) modules, about \(CourseFormat.duration(minutes)) of reading.")
        let readCount = lessons.filter { read.contains($0.id) }.count
        print("Progress: \(readCount) of \(lessons.count) lessons read.\n")
        if let attempts, let open = inProgress(attempts, style: style) { print(open + "\n") }
        for (number, module) in course.modules.enumerated() {
            let moduleMinutes = module.lessons.reduce(0) { $0 + $1.lesson.minutes }
            let done = module.lessons.filter { read.contains($0.lesson.id) }.count
            let title = module.title.isEmpty ? "Lessons" : TerminalStyle.sanitize(module.title)
            let mark = done == module.lessons.count && done > 0 ? style.apply([.green], to: " ✓") : ""
            print(
                "  \(number + 1). \(title)\(mark)"
                    + style.apply([.dim], to: " — \(done)/\(module.lessons.count) lessons read, \(CourseFormat.duration(moduleMinutes))"))
        }
        if let next = lessons.first(where: { !read.contains($0.id) }) {
            print("\n" + style.apply([.bold], to: "Next: ") + "\(TerminalStyle.sanitize(next.title)) (\(next.minutes) min)")
            print("  groundwork read \(next.id)")
        } else if !lessons.isEmpty {
            print("\n" + style.apply([.bold], to: "You have read every lesson.") + " Re-read any with 'groundwork read ID'.")
        }
        if let book, let attempts, let listing,
            let practice = practice(book, attempts: attempts, listing: listing, course: course, read: read, style: style)
        {
            print("\n" + practice)
        }
        if let book {
            for notice in book.recentGoldNotices() { print("\n" + Terminal.renderer().wrap(TerminalStyle.sanitize(notice.sentence))) }
        }
        if let book, let attempts, let due = reviewDue(book, attempts: attempts) {
            print("\nReview: \(due): groundwork review")
        }
        print("\nWhat you can do:")
        print("  groundwork lessons        see every lesson and its id")
        print("  groundwork read ID        read a lesson and answer its quizzes")
        print("  groundwork assessments    the practice tests, their rules and your results")
        print("  groundwork practice ID    practise a test, feedback after each answer")
        print("  groundwork take ID        take a test as an exam under its platform's rules")
        print("  groundwork history        your attempts over time")
        print("  groundwork readiness      am I ready to apply? a verdict per platform")
        print("  groundwork review         missed items due again")
        print("  groundwork contest N ID   think a gold answer is wrong? say why")
        print("  groundwork check          check the course for mistakes (for authors)")
        print("  groundwork help COMMAND   more about any command")
    }
}

extension Home {
    /// Tests left in progress, first thing on the home view: an open attempt is what a
    /// returning learner most likely came back for.
    func inProgress(_ attempts: [AttemptSummary], style: TerminalStyle) -> String? {
        let open = attempts.filter { $0.status == .inProgress }
        guard !open.isEmpty else { return nil }
        let renderer = Terminal.renderer()
        var lines = [style.apply([.bold], to: "In progress:")]
        for attempt in open.reversed() {
            let title = assessments.title(of: attempt.assessmentID).map(TerminalStyle.sanitize) ?? attempt.assessmentID
            let started = TimeText.moment(attempt.startedAt)
            lines.append(
                renderer.wrap("\(title) (\(attempt.purpose == .practice ? "practice" : "exam"), started \(started))", indent: "  "))
            lines.append("    " + TerminalStyle.sanitize(Report.continuing(attempt.assessmentID, purpose: attempt.purpose)))
        }
        return lines.joined(separator: "\n")
    }

    /// Practice tests passed and the next one to take, in the order the course teaches
    /// their lessons, when there are practice tests.
    ///
    /// Tests are listed by their headers; a test whose items have errors is counted but never
    /// suggested, as the next test is read whole (eligibility needs its policy, the lesson
    /// line its items).
    func practice(
        _ book: LearnerBook, attempts: [AttemptSummary], listing: AssessmentListing, course: Course, read: Set<String>,
        style: TerminalStyle
    ) -> String? {
        let tests = listing.inCourseOrder(course)
        guard !tests.isEmpty else { return nil }
        let passed = Set(attempts.filter { $0.passed == true && $0.purpose == .exam }.map(\.assessmentID))
        let tried = Set(attempts.map(\.assessmentID))
        var lines = ["Practice tests: \(tests.filter { passed.contains($0.id) }.count) of \(tests.count) passed, \(tried.count) attempted."]
        let open = tests.lazy.filter { !passed.contains($0.id) }.compactMap(listing.load)
        if let next = open.first(where: { (try? book.eligibility(for: $0))?.allowsTaking ?? false }) {
            lines.append(style.apply([.bold], to: "Next test: ") + TerminalStyle.sanitize(next.title))
            let renderer = Terminal.renderer()
            if let lesson = AssessmentCatalog.firstLesson(of: next, in: course), !read.contains(lesson.id) {
                // The lesson it rehearses, unread: a command per line, never split by wrapping.
                lines.append(renderer.wrap("read first: groundwork read \(lesson.id)", indent: "  "))
            }
            lines.append(renderer.wrap("practise it: groundwork practice \(next.id)", indent: "  "))
            lines.append(renderer.wrap("take it as an exam: groundwork take \(next.id)", indent: "  "))
        }
        return lines.joined(separator: "\n")
    }
}

extension Home {
    /// "3 missed items are due for review", from the learner's finished attempts; only the
    /// tests they attempted are read (for their policies, which decide what counts).
    func reviewDue(_ book: LearnerBook, attempts: [AttemptSummary]) -> String? {
        guard let folder = assessments.folder(), !attempts.isEmpty else { return nil }
        let tests = Set(attempts.map { GeneratedPractice.sourceID(of: $0.assessmentID) ?? $0.assessmentID })
        return (try? ReviewSchedule.load(book: book, catalog: AssessmentCatalog(folder: folder, only: tests)))?.dueSentence
    }
}

/// Small formatting helpers shared by the course views.
enum CourseFormat {
    /// "45 min" or "2 h 5 min".
    static func duration(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
