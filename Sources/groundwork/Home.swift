import ArgumentParser
import Courseware

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

    func run() throws {
        let course = try course.loadCourse()
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let lessons = course.lessons
        let minutes = lessons.reduce(0) { $0 + $1.minutes }
        print(style.apply([.bold, .cyan], to: course.title))
        print("\(lessons.count) lessons in \(course.modules.count) modules, about \(CourseFormat.duration(minutes)) of reading.\n")
        for (number, module) in course.modules.enumerated() {
            let moduleMinutes = module.lessons.reduce(0) { $0 + $1.lesson.minutes }
            let title = module.title.isEmpty ? "Lessons" : module.title
            print(
                "  \(number + 1). \(title)"
                    + style.apply([.dim], to: " — \(module.lessons.count) lessons, \(CourseFormat.duration(moduleMinutes))"))
        }
        if let first = lessons.first {
            print("\n" + style.apply([.bold], to: "Next: ") + "\(first.title) (\(first.minutes) min)")
            print("  groundwork read \(first.id)")
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
