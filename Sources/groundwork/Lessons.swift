import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork lessons`: the course tree.
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the course's modules and lessons with their ids, reading times and your marks.",
        discussion: """
            A lesson you have read is marked ✓, with how many of its quizzes you got right
            over every reading.

            Examples:
              groundwork lessons
              groundwork lessons --format json | jq '.[].lessons[].id'
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var course: CourseOptions
    @OptionGroup var data: DataOptions
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let course = try course.loadCourse()
        let progress = Dictionary(
            ((try? data.learnerBookIfAvailable()?.lessonProgress()) ?? []).map { ($0.lessonID, $0) }, uniquingKeysWith: { $1 })
        switch format {
        case .text: printTree(course, progress: progress)
        case .json: try printJSON(course, progress: progress)
        }
    }

    private func printTree(_ course: Course, progress: [String: LessonProgress]) {
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let idWidth = course.lessons.map(\.id.count).max() ?? 0
        print(style.apply([.bold, .cyan], to: TerminalStyle.sanitize(course.title)))
        for module in course.modules {
            print("\n" + style.apply([.bold], to: module.title.isEmpty ? "Lessons" : TerminalStyle.sanitize(module.title)))
            for (lesson, depth) in module.lessons {
                let indent = String(repeating: "  ", count: depth)
                let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let mark = progress[lesson.id] == nil ? "  " : style.apply([.green], to: "✓ ")
                let facts = "  \(lesson.minutes) min" + Self.quizMarks(progress[lesson.id])
                // One line per lesson: a title that would wrap is shortened, never the id.
                let room = Terminal.width - indent.count - 2 - idWidth - 2 - facts.count
                let title = Self.shortened(TerminalStyle.sanitize(lesson.title), to: room)
                print("\(indent)\(mark)\(style.apply([.yellow], to: id))  \(title)" + style.apply([.dim], to: facts))
            }
        }
    }

    /// `text` cut to `width` characters with an ellipsis (at least a few are always kept).
    static func shortened(_ text: String, to width: Int) -> String {
        let width = max(8, width)
        return text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// ", quizzes 3/4" for a lesson whose quizzes were answered; "" otherwise.
    static func quizMarks(_ progress: LessonProgress?) -> String {
        guard let progress, progress.quizzesAnswered > 0 else { return "" }
        return ", quizzes \(progress.quizzesCorrect)/\(progress.quizzesAnswered)"
    }

    private struct ModuleJSON: Encodable {
        var title: String
        var lessons: [LessonJSON]
    }

    private struct LessonJSON: Encodable {
        var id, title, path: String
        var summary: String?
        var minutes, depth: Int
        var objectives, prerequisites, tags: [String]
        /// The learner's record: read or not, and quizzes answered and right over every reading.
        var read: Bool
        var quizzesAnswered, quizzesCorrect: Int
    }

    private func printJSON(_ course: Course, progress: [String: LessonProgress]) throws {
        let modules = course.modules.map { module in
            ModuleJSON(
                title: module.title,
                lessons: module.lessons.map { lesson, depth in
                    LessonJSON(
                        id: lesson.id, title: lesson.title, path: lesson.path, summary: lesson.summary, minutes: lesson.minutes,
                        depth: depth, objectives: lesson.objectives, prerequisites: lesson.prerequisites.map(\.value), tags: lesson.tags,
                        read: progress[lesson.id] != nil, quizzesAnswered: progress[lesson.id]?.quizzesAnswered ?? 0,
                        quizzesCorrect: progress[lesson.id]?.quizzesCorrect ?? 0)
                })
        }
        print(JSONText.encode(modules), terminator: "")
    }
}
