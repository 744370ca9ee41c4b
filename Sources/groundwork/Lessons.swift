import ArgumentParser
import Courseware
import Foundation
import Grading

/// `groundwork lessons`: the course tree.
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the course's modules and lessons with their ids and reading times.",
        discussion: """
            Examples:
              groundwork lessons
              groundwork lessons --format json | jq '.[].lessons[].id'
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var course: CourseOptions
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let course = try course.loadCourse()
        switch format {
        case .text: printTree(course)
        case .json: try printJSON(course)
        }
    }

    private func printTree(_ course: Course) {
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let idWidth = course.lessons.map(\.id.count).max() ?? 0
        print(style.apply([.bold, .cyan], to: TerminalStyle.sanitize(course.title)))
        for module in course.modules {
            print("\n" + style.apply([.bold], to: module.title.isEmpty ? "Lessons" : TerminalStyle.sanitize(module.title)))
            for (lesson, depth) in module.lessons {
                let indent = String(repeating: "  ", count: depth + 1)
                let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                print(
                    "\(indent)\(style.apply([.yellow], to: id))  \(TerminalStyle.sanitize(lesson.title))"
                        + style.apply([.dim], to: "  \(lesson.minutes) min"))
            }
        }
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
    }

    private func printJSON(_ course: Course) throws {
        let modules = course.modules.map { module in
            ModuleJSON(
                title: module.title,
                lessons: module.lessons.map { lesson, depth in
                    LessonJSON(
                        id: lesson.id, title: lesson.title, path: lesson.path, summary: lesson.summary, minutes: lesson.minutes,
                        depth: depth, objectives: lesson.objectives, prerequisites: lesson.prerequisites.map(\.value), tags: lesson.tags)
                })
        }
        print(JSONText.encode(modules), terminator: "")
    }
}
