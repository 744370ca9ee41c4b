import ArgumentParser
import Courseware
import Foundation

/// `groundwork render`: any Markdown file or lesson to HTML or terminal text.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a Markdown file or a lesson to standard output.",
        discussion: """
            HTML is what libcmark itself produces for plain CommonMark, with 'id's on
            headings and semantic HTML for tips, notes, warnings, examples and quizzes.
            Raw HTML and 'javascript:' links are removed unless the course opts in
            ('raw-html: true' in the front matter of its SUMMARY.md).

            Examples:
              groundwork render bounding-boxes --format html > boxes.html
              groundwork render README.md --format text
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, text, tree }

    @OptionGroup var course: CourseOptions
    @Argument(help: "A Markdown file, or a lesson id.") var target: String
    @Option(help: "Output format: html, text, or tree (the parsed document, for debugging).") var format: Format = .text
    @Flag(name: .customLong("heading-ids"), inversion: .prefixedNo, help: "Give HTML headings 'id' attributes for links to sections.")
    var headingIDs = true

    func run() throws {
        let (document, allowsRawHTML) = try load()
        switch format {
        case .html:
            print(HTMLRenderer(allowsRawHTML: allowsRawHTML, headingIDs: headingIDs).render(document), terminator: "")
        case .text:
            print(Terminal.renderer().render(document), terminator: "")
        case .tree:
            print(document.root.dump(), terminator: "")
        }
    }

    /// A file path wins over a lesson id; a lesson's course decides whether raw HTML is kept.
    private func load() throws -> (MarkdownDocument, Bool) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw CommandError("'\(target)' is a folder; give a Markdown file or a lesson id") }
            switch CourseLoader.readSource(displayPath: target, at: target) {
            case .success(let source):
                let lesson = Lesson(source: source, defaultID: target)
                return (lesson.document, false)
            case .failure(let problem):
                throw CommandError(problem.description)
            }
        }
        if target.contains("/") || target.hasSuffix(".md") {
            throw CommandError("no file at '\(target)'")
        }
        let course = try course.loadCourse()
        return (try course.requireLesson(target).document, course.allowsRawHTML)
    }
}
