import ArgumentParser
import Courseware
import Foundation
import Grading
import Interop

/// `groundwork export FORMAT ID`: a test (or, for COCO, a learner's answers) in another
/// tool's format. Each format is a subcommand, so other kinds of export (a learner's
/// attempts) join the group as subcommands of their own.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a practice test in another tool's format, or your attempts as answers files.",
        discussion: """
            Everything the format cannot hold is listed on standard error with its place
            in items.yaml.

            Examples:
              groundwork export coco street-boxes --out street.json
              groundwork export labelstudio named-entities > tasks.json
              groundwork export conll named-entities
              groundwork export gift sentiment-quiz --out quiz.gift
              groundwork export mturk mturk-categorisation --out form.xml --answer-key key.xml
              groundwork export qti sentiment-quiz --out sentiment-qti/
              groundwork export coco street-boxes --answers Assessments/street-boxes/answers/ana.json
              groundwork export attempts --out my-attempts
            """,
        subcommands: [
            ExportTo<COCOName>.self, ExportTo<LabelStudioName>.self, ExportTo<CoNLLName>.self, ExportTo<IOB2Name>.self,
            ExportTo<GIFTName>.self, ExportTo<MTurkName>.self, ExportTo<QTIName>.self, ExportAttempts.self,
        ]
    )
}

/// A format as a type, so one generic command serves every `export FORMAT` subcommand.
protocol ExportFormatName {
    static var format: InteropFormat { get }
    static var title: String { get }
}

enum COCOName: ExportFormatName {
    static var format: InteropFormat { .coco }
    static var title: String { "a COCO annotations file (boxes, polygons, keypoints); with --answers, COCO results" }
}

enum LabelStudioName: ExportFormatName {
    static var format: InteropFormat { .labelstudio }
    static var title: String { "Label Studio tasks with the gold as ground-truth annotations" }
}

enum CoNLLName: ExportFormatName {
    static var format: InteropFormat { .conll }
    static var title: String { "CoNLL-2003 columns (spans items, IOB1 tags)" }
}

enum IOB2Name: ExportFormatName {
    static var format: InteropFormat { .iob2 }
    static var title: String { "one token and its IOB2 tag per line (spans items)" }
}

enum GIFTName: ExportFormatName {
    static var format: InteropFormat { .gift }
    static var title: String { "Moodle GIFT questions (choice, short-text and numeric items)" }
}

enum MTurkName: ExportFormatName {
    static var format: InteropFormat { .mturk }
    static var title: String {
        "a Mechanical Turk QuestionForm and, with --answer-key, the AnswerKey that scores it; with --answers, a worker's QuestionFormAnswers"
    }
}

enum QTIName: ExportFormatName {
    static var format: InteropFormat { .qti }
    static var title: String { "a QTI 3.0 package (a folder, given with --out): manifest, assessment test and one file per item" }
}

struct ExportTo<Name: ExportFormatName>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Name.format.rawValue, abstract: "Write a test as \(Name.title).")
    }

    @Argument(help: ArgumentHelp("The test's id or folder.", valueName: "id")) var id: String
    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var out: String?
    @Option(
        help: ArgumentHelp("Export this answers file instead of the test (coco results, mturk QuestionFormAnswers).", valueName: "file"))
    var answers: String?
    @Option(help: ArgumentHelp("mturk: write the AnswerKey here (required for mturk).", valueName: "file")) var answerKey: String?
    @OptionGroup var assessments: AssessmentOptions

    func run() throws {
        if answerKey != nil, Name.format != .mturk { throw CommandError("--answer-key is for 'export mturk' only") }
        let assessment = try assessments.load(id)
        let (text, notes): (String, [ConversionNote])
        if let answers {
            let sheet: AnswerSheet
            do {
                sheet = try AnswerSheet.load(path: answers, for: assessment)
            } catch {
                throw CommandError(error.description)
            }
            do {
                (text, notes) = try Interop.exportAnswers(Name.format, sheet, for: assessment, file: answers)
            } catch {
                throw CommandError(error.description)
            }
        } else if Name.format == .qti {
            guard let out else {
                throw CommandError("a QTI package is a folder of files (manifest, test, one file per item); say where with --out FOLDER")
            }
            let (files, packageNotes) = Interop.exportQTI(assessment)
            try Self.writePackage(files, into: out)
            InteropChoice.print(packageNotes)
            Swift.print(
                "Wrote \(files.count) files to \(TerminalStyle.sanitize(out)); import them with 'groundwork import qti \(TerminalStyle.sanitize(out)) --into FOLDER'."
            )
            return
        } else if Name.format == .mturk {
            guard let answerKey else {
                throw CommandError("an MTurk test is a QuestionForm and an AnswerKey; say where the key goes with --answer-key FILE")
            }
            let exported = Interop.exportMTurk(assessment)
            (text, notes) = (exported.form, exported.notes)
            try Self.write(exported.answerKey, to: answerKey)
        } else {
            (text, notes) = Interop.export(Name.format, assessment)
        }
        InteropChoice.print(notes)
        guard let out else {
            Swift.print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        try Self.write(text, to: out)
    }

    /// Writes a package's files under `folder`, refusing to replace a package already there.
    private static func writePackage(_ files: [(path: String, text: String)], into folder: String) throws {
        let manifest = WorkspaceFolder.join(folder, "imsmanifest.xml")
        if FileManager.default.fileExists(atPath: manifest) {
            throw CommandError("'\(manifest)' already exists; export into a new folder")
        }
        for file in files {
            let path = WorkspaceFolder.join(folder, file.path)
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw CommandError("cannot create the folder for '\(path)' (\(error.localizedDescription))")
            }
            try write(file.text, to: path)
        }
    }

    private static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandError("cannot write '\(path)' (\(error.localizedDescription))")
        }
    }
}
