import Courseware
import Foundation
import Gradebook
import Grading
import Readiness

/// A lesson as a link in a list, with its read mark.
struct LessonLinkView {
    let id: String
    let title: String
    let minutes: Int
    let summary: String?
    let depth: Int
    let read: Bool
    let quizzes: String?

    init(_ lesson: Lesson, depth: Int = 0, progress: Progress? = nil) {
        id = lesson.id
        title = lesson.title
        minutes = lesson.minutes
        summary = lesson.summary
        self.depth = depth
        let record = progress?.lessons[lesson.id]
        read = record != nil
        quizzes = record.flatMap { $0.quizzesAnswered > 0 ? "quizzes \($0.quizzesCorrect)/\($0.quizzesAnswered) right" : nil }
    }
}

struct ModuleView {
    let number: Int
    let title: String
    let lessons: [LessonLinkView]
    let done: Int

    init(number: Int, title: String, lessons: [LessonLinkView]) {
        self.number = number
        self.title = title
        self.lessons = lessons
        done = lessons.filter(\.read).count
    }

    /// Every module of `course` with the learner's read marks.
    static func all(_ course: Course, progress: Progress) -> [ModuleView] {
        course.modules.enumerated().map { number, module in
            ModuleView(
                number: number + 1, title: module.title.isEmpty ? "Lessons" : module.title,
                lessons: module.lessons.map { LessonLinkView($0.lesson, depth: $0.depth, progress: progress) })
        }
    }
}

struct ContentsView {
    let title: String
    let modules: [ModuleView]
}

/// One heading of a lesson for its "In this lesson" list: every level items link to.
struct HeadingView {
    let anchor: String
    let text: String
    let level: Int
}

struct LessonView {
    let id: String
    let title: String
    let minutes: Int
    let summary: String?
    let objectives: [String]
    let headings: [HeadingView]
    let html: String
    let previous: LessonLinkView?
    let next: LessonLinkView?

    init(lesson: Lesson, html: String, previous: LessonLinkView?, next: LessonLinkView?) {
        id = lesson.id
        title = lesson.title
        minutes = lesson.minutes
        summary = lesson.summary
        objectives = lesson.objectives
        var headings: [HeadingView] = []
        var pending = lesson.document.root.children.reversed() as [MarkdownNode]
        while let node = pending.popLast() {
            if case .heading(let level, let anchor) = node.kind {
                if level >= 2 { headings.append(HeadingView(anchor: anchor, text: node.plainText, level: level)) }
            } else if case .callout = node.kind {
                pending.append(contentsOf: node.children.reversed())
            }
        }
        self.headings = headings
        self.html = html
        self.previous = previous
        self.next = next
    }
}

/// A quiz as a form: the question and choices, and after an answer every choice explained.
struct QuizView {
    let lessonID: String
    let number: Int
    let questionHTML: String
    let multiple: Bool
    let choices: [Choice]
    let feedback: QuizFeedbackView?
    let csrf: String

    struct Choice {
        let index: Int
        let letter: String
        let html: String
        let checked: Bool
    }

    init(lessonID: String, markup: QuizMarkup, chosen: Set<Int>, feedback: QuizFeedbackView?, csrf: String) {
        self.lessonID = lessonID
        number = markup.number
        questionHTML = markup.questionHTML
        multiple = markup.allowsMultipleAnswers
        choices = markup.choicesHTML.enumerated().map {
            Choice(
                index: $0.offset, letter: String(UnicodeScalar(UInt8(65 + $0.offset % 26))), html: $0.element,
                checked: chosen.contains($0.offset))
        }
        self.feedback = feedback
        self.csrf = csrf
    }
}

/// The verdict on a quiz answer and why each choice is right or wrong — made only after the
/// learner answered.
struct QuizFeedbackView {
    let correct: Bool
    let choices: [Choice]

    struct Choice {
        let letter: String
        let isCorrect: Bool
        let chosen: Bool
        let explanationHTML: String
    }

    init(quiz: Quiz, chosen: Set<Int>, renderer: HTMLRenderer) {
        correct = quiz.isAnswered(correctlyBy: chosen)
        choices = quiz.choices.enumerated().map { index, choice in
            Choice(
                letter: String(UnicodeScalar(UInt8(65 + index % 26))), isCorrect: choice.isCorrect, chosen: chosen.contains(index),
                explanationHTML: renderer.render(choice.explanation))
        }
    }
}

/// The home page: progress, tests in progress first, what to read and take next.
struct HomeView {
    let title: String
    let lessonCount: Int
    let readCount: Int
    let percentRead: Int
    let modules: [ModuleView]
    let nextLesson: LessonLinkView?
    let inProgress: [TestLinkView]
    let nextTest: TestLinkView?
    let nextTestLesson: LessonLinkView?
    let testsPassed: Int
    let testCount: Int
    /// Contests decided lately that changed this learner's gold or scores, one sentence each.
    let goldNotices: [String]
    /// "3 missed items are due for review", or nil.
    let reviewDue: String?

    init(site: Site, progress: Progress) {
        goldNotices = progress.book.recentGoldNotices().map(\.sentence)
        let lessons = site.course.lessons
        reviewDue = (try? ReviewSchedule.load(book: progress.book, catalog: site.catalog))?.dueSentence
        title = site.course.title
        lessonCount = lessons.count
        readCount = lessons.filter { progress.lessons[$0.id] != nil }.count
        percentRead = lessons.isEmpty ? 0 : readCount * 100 / lessons.count
        modules = ModuleView.all(site.course, progress: progress)
        nextLesson = lessons.first { progress.lessons[$0.id] == nil }.map { LessonLinkView($0) }
        let tests = site.catalog.inCourseOrder(site.course)
        let byID = Dictionary(tests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Practice at fresh generated items is listed under its test's name.
        inProgress = progress.inProgress.compactMap { attempt in
            let source = GeneratedPractice.sourceID(of: attempt.assessmentID)
            return byID[source ?? attempt.assessmentID].map { TestLinkView($0, attempt: attempt, fresh: source != nil) }
        }
        let passed = progress.passedTests
        let next = tests.first { test in
            !passed.contains(test.id) && ((try? progress.book.eligibility(for: test))?.allowsTaking ?? false)
        }
        nextTest = next.map { TestLinkView($0, attempt: nil) }
        nextTestLesson = next.flatMap { site.catalog.firstLesson(of: $0, in: site.course) }.flatMap {
            progress.lessons[$0.id] == nil ? LessonLinkView($0) : nil
        }
        testsPassed = tests.filter { passed.contains($0.id) }.count
        testCount = tests.count
    }
}

/// A practice test as a link, with the attempt in progress when there is one.
struct TestLinkView {
    let id: String
    let title: String
    let attemptID: Int64?

    init(_ test: Assessment, attempt: AttemptSummary?, fresh: Bool = false) {
        id = test.id
        title = fresh ? GeneratedPractice.title(of: test) : test.title
        attemptID = attempt?.id
    }
}
