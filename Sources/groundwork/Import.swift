import ArgumentParser
import Courseware
import Foundation
import Grading
import Interop

/// `groundwork import FORMAT FILE --into FOLDER`: another tool's file as a new test, or
/// (`--as-answers`) as a learner's answers to an existing one.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn another tool's file into a practice test, or into an answers file for one.",
        discussion: """
            Formats: coco (COCO object-detection JSON), labelstudio (Label Studio's JSON
            export), conll (CoNLL-2003 columns), iob2 (token and IOB2 tag per line),
            gift (Moodle quiz questions), mturk (a QuestionForm with --answer-key),
            qti (a QTI 3.0 item, assessment test, or package folder or imsmanifest.xml).

            The test is written into the --into folder (created when missing; an existing
            items.yaml is never overwritten) and then checked. Everything the file holds
            that the test cannot is listed as a warning with its place in the file.
            Images are referenced, never fetched: copy them into the folder first.

            With --as-answers the file is read as one learner's answers to the test at
            --into (COCO results, numbered as 'groundwork export coco' numbers the test;
            or a Mechanical Turk worker's QuestionFormAnswers XML, as an assignment's
            Answer holds it) and written as an answers file that 'groundwork grade' and
            'groundwork stats' read.

            Examples:
              groundwork import coco instances.json --into Assessments/street-coco
              groundwork import labelstudio export.json --config label_config.xml --into Assessments/ls-project
              groundwork import conll eng.testa --into Assessments/ner-sample
              groundwork import gift questions.txt --into Assessments/moodle-quiz
              groundwork import mturk form.xml --answer-key key.xml --into Assessments/qual
              groundwork import qti package/ --into Assessments/qti-quiz
              groundwork import coco results.json --into Assessments/street-coco --as-answers --learner model
              groundwork import mturk answer.xml --into Assessments/qual --as-answers --learner A2TM28MRAA0LLD
            """
    )

    @Argument(help: ArgumentHelp("coco, labelstudio, conll, iob2, gift, mturk or qti.", valueName: "format")) var format: String
    @Argument(help: ArgumentHelp("The file to import.", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("The test's folder (Assessments/ID).", valueName: "folder")) var into: String
    @Option(help: ArgumentHelp("COCO: boxes, polygons or keypoints (default: what the file holds).", valueName: "shape"))
    var shape: String?
    @Option(help: ArgumentHelp("mturk: the AnswerKey that scores the QuestionForm FILE.", valueName: "file")) var answerKey: String?
    @Option(
        help: ArgumentHelp(
            "labelstudio: the project's labeling config (XML, from the project's settings), for every option and label.", valueName: "file")
    )
    var config: String?
    @Flag(help: "Read the file as a learner's answers to the test at --into.") var asAnswers = false
    @Option(help: ArgumentHelp("With --as-answers: the learner's name.", valueName: "name")) var learner: String?
    @Option(help: ArgumentHelp("With --as-answers: where to write (default: FOLDER/answers/NAME.json).", valueName: "file"))
    var out: String?

    func run() throws {
        let format = try InteropChoice.format(format)
        if config != nil, format != .labelstudio { throw CommandError("--config is for 'import labelstudio' only") }
        if answerKey != nil, format != .mturk { throw CommandError("--answer-key is for 'import mturk' only") }
        do {
            if asAnswers { try importAnswers(format) } else { try importTest(format) }
        } catch let error as InteropError {
            throw CommandError(error.description)
        }
    }

    private func importTest(_ format: InteropFormat) throws {
        let shape = try self.shape.map { name in
            guard let shape = COCOShape(rawValue: name) else {
                throw CommandError("'\(name)' is not a shape; use boxes, polygons or keypoints")
            }
            return shape
        }
        let (draft, notes) = try Interop.importTest(
            format, file: file, into: into, options: .init(shape: shape, answerKey: answerKey, labelConfig: config))
        try AssessmentWriter.write(draft, into: into, source: file)
        InteropChoice.print(notes)
        print(
            "Imported \(draft.items.count) item\(draft.items.count == 1 ? "" : "s") into \(TerminalStyle.sanitize(into)); review the title, pass mark and reasons."
        )
        let diagnostics = AssessmentChecker().check(folder: into)
        for diagnostic in diagnostics { print(diagnostic.description) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    private func importAnswers(_ format: InteropFormat) throws {
        let loaded = AssessmentLoader().load(folder: into)
        guard let assessment = loaded.assessment, loaded.errors.isEmpty else {
            throw CommandError("the test at '\(into)' cannot be loaded; run 'groundwork check \(into)'")
        }
        let (sheet, notes) = try Interop.importAnswers(format, file: file, for: assessment, learner: learner)
        InteropChoice.print(notes)
        let name = learner ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let path = out ?? WorkspaceFolder.join(WorkspaceFolder.join(into, "answers"), name + ".json")
        if FileManager.default.fileExists(atPath: path) { throw CommandError("'\(path)' already exists; pass --out to write elsewhere") }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(sheet.jsonText().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandError("cannot write '\(path)' (\(error.localizedDescription))")
        }
        print(
            "Wrote answers to \(sheet.responses.count) item\(sheet.responses.count == 1 ? "" : "s") to \(TerminalStyle.sanitize(path)); grade them with 'groundwork grade \(assessment.id) --answers \(path)'."
        )
    }
}

/// What `import` and `export` share: reading a format's name and printing notes.
enum InteropChoice {
    static func format(_ name: String) throws -> InteropFormat {
        if let format = InteropFormat(rawValue: name.lowercased()) { return format }
        let names = InteropFormat.allCases.map(\.rawValue)
        throw CommandError("'\(name)' is not a format; use \(names.joined(separator: ", "))\(Suggestion.hint(for: name, in: names))")
    }

    /// Notes go to standard error, so an export written to standard output stays clean.
    static func print(_ notes: [ConversionNote]) {
        for note in notes { Terminal.printError(note.description) }
        if !notes.isEmpty { Terminal.printError("\(notes.count) thing\(notes.count == 1 ? "" : "s") did not carry over (listed above).") }
    }
}
