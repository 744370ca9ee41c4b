import ArgumentParser
import Courseware
import Gradebook

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

    func run() throws {
        let course = try course.loadCourse()
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let lessons = course.lessons
        let read = Set((try? data.gradebookIfAvailable()?.lessonProgress().map(\.lessonID)) ?? [])
        let minutes = lessons.reduce(0) { $0 + $1.minutes }
        print(style.apply([.bold, .cyan], to: course.title))
        print("\(lessons.count) lessons in \(course.modules.count) modules, about \(CourseFormat.duration(minutes)) of reading.")
        let readCount = lessons.filter { read.contains($0.id) }.count
        print("Progress: \(readCount) of \(lessons.count) lessons read.\n")
        for (number, module) in course.modules.enumerated() {
            let moduleMinutes = module.lessons.reduce(0) { $0 + $1.lesson.minutes }
            let done = module.lessons.filter { read.contains($0.lesson.id) }.count
            let title = module.title.isEmpty ? "Lessons" : module.title
            let mark = done == module.lessons.count && done > 0 ? style.apply([.green], to: " ✓") : ""
            print(
                "  \(number + 1). \(title)\(mark)"
                    + style.apply([.dim], to: " — \(done)/\(module.lessons.count) lessons read, \(CourseFormat.duration(moduleMinutes))"))
        }
        if let next = lessons.first(where: { !read.contains($0.id) }) {
            print("\n" + style.apply([.bold], to: "Next: ") + "\(next.title) (\(next.minutes) min)")
            print("  groundwork read \(next.id)")
        } else if !lessons.isEmpty {
            print("\n" + style.apply([.bold], to: "You have read every lesson.") + " Re-read any with 'groundwork read ID'.")
        }
        print("\nWhat you can do:")
        print("  groundwork lessons        see every lesson and its id")
        print("  groundwork read ID        read a lesson and answer its quizzes")
        print("  groundwork check          check the course for mistakes (for authors)")
        print("  groundwork help COMMAND   more about any command")
    }
}

/// Small formatting helpers shared by the course views.
enum CourseFormat {
    /// "45 min" or "2 h 5 min".
    static func duration(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
