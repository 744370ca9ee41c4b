import ArgumentParser
import Courseware
import Foundation

/// `--content`, shared by every command that reads a course.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The course folder (holding SUMMARY.md).", valueName: "path"))
    var content: String?

    /// The folder to use: `--content`, then `GROUNDWORK_CONTENT`, then the nearest `Content/`
    /// with a table of contents above the working directory or the program itself.
    func folder() throws -> String {
        if let content { return content }
        if let found = WorkspaceFolder.find("Content", marker: TableOfContents.fileName, environment: "GROUNDWORK_CONTENT") {
            return found
        }
        throw CommandError("no course found; run inside a Groundwork checkout or pass --content PATH")
    }

    /// Loads the course, turning a missing folder into a usage error.
    func loadCourse() throws -> Course {
        let folder = try folder()
        do {
            return try CourseLoader.load(from: folder)
        } catch let error as CourseLoader.LoadError {
            throw CommandError(error.description)
        }
    }
}

extension Course {
    /// The lesson with this id, or an error that suggests the closest id.
    func requireLesson(_ id: String) throws -> Lesson {
        if let lesson = lesson(id: id) { return lesson }
        let hint = suggestion(forUnknownID: id).map { "; did you mean '\($0)'?" } ?? "; 'groundwork lessons' lists them"
        throw CommandError("no lesson with id '\(id)'\(hint)")
    }
}
