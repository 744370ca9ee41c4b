internal import Foundation
public import Grading

/// Reads other annotation and quiz tools' files into Groundwork tests and answers files, and
/// writes tests and answers back out, saying in a ``ConversionNote`` everything that does not
/// survive the trip.
public enum Interop {
    /// Choices an import may take; each applies to the formats named.
    public struct ImportOptions: Sendable {
        /// COCO: the item kind for the objects (detected from the file when nil).
        public var shape: COCOShape?
        /// MTurk: the AnswerKey file that scores the QuestionForm being imported.
        public var answerKey: String?
        /// Label Studio: the project's labeling config (XML), for its options and labels.
        public var labelConfig: String?
        public init(shape: COCOShape? = nil, answerKey: String? = nil, labelConfig: String? = nil) {
            self.shape = shape
            self.answerKey = answerKey
            self.labelConfig = labelConfig
        }
    }

    /// Reads `file` as a new test to be written into `folder` (media are looked up there).
    ///
    /// - Throws: ``InteropError`` locating the first thing that makes the file unreadable.
    public static func importTest(
        _ format: InteropFormat, file: String, into folder: String, options: ImportOptions = .init()
    ) throws(InteropError) -> (DraftAssessment, [ConversionNote]) {
        // A QTI package is a folder of files, which its importer reads one by one.
        let bytes = format == .qti ? [] : try read(file)
        let (draft, notes): (DraftAssessment, [ConversionNote])
        switch format {
        case .qti: (draft, notes) = try QTIImporter.read(path: file, read: read)
        case .coco:
            (draft, notes) = try COCOImporter.read(try JSONCursor.root(bytes: bytes, file: file), shape: options.shape, folder: folder)
        case .labelstudio:
            let config = try options.labelConfig.map { (path: String) throws(InteropError) -> LabelStudioConfig in
                try LabelStudioConfig.read(try XMLTree.parse(try read(path), file: path))
            }
            (draft, notes) = try LabelStudioImporter.read(try JSONCursor.root(bytes: bytes, file: file), folder: folder, config: config)
        case .conll, .iob2:
            (draft, notes) = try CoNLLImporter.read(try text(bytes, file), file: file, scheme: format == .conll ? .iob1 : .iob2)
        case .gift: (draft, notes) = try GIFTImporter.read(try text(bytes, file), file: file)
        case .mturk:
            guard let answerKey = options.answerKey else {
                throw InteropError(
                    SourceLocation(file: file), "an MTurk QuestionForm is scored by its AnswerKey; give that file too (--answer-key)")
            }
            let title = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            (draft, notes) = try MTurkImporter.read(
                form: try XMLTree.parse(bytes, file: file), key: try XMLTree.parse(try read(answerKey), file: answerKey), title: title)
        }
        return (draft, distinct(notes))
    }

    /// Notes in order, each once (two items of one task may note the same missing image).
    private static func distinct(_ notes: [ConversionNote]) -> [ConversionNote] {
        var seen = Set<ConversionNote>()
        return notes.filter { seen.insert($0).inserted }
    }

    /// Reads `file` as one learner's answers to `assessment`, checked as `grade` checks them.
    ///
    /// - Throws: ``InteropError`` for an unreadable file, or a format without answers.
    public static func importAnswers(
        _ format: InteropFormat, file: String, for assessment: Assessment, learner: String?
    ) throws(InteropError) -> (AnswerSheet, [ConversionNote]) {
        let bytes = try read(file)
        switch format {
        case .coco: return try COCOAnswers.read(try JSONCursor.root(bytes: bytes, file: file), for: assessment, learner: learner)
        case .mturk: return try MTurkAnswers.read(try XMLTree.parse(bytes, file: file), for: assessment, learner: learner)
        case .labelstudio, .conll, .iob2, .gift, .qti:
            throw InteropError(
                SourceLocation(file: file), "reading \(format.rawValue) files as answers is not supported; coco and mturk are")
        }
    }

    /// Writes `assessment`'s items that `format` can hold, with a note for each thing left out
    /// (for `mturk`, the QuestionForm; ``exportMTurk(_:)`` gives its AnswerKey as well).
    public static func export(_ format: InteropFormat, _ assessment: Assessment) -> (String, [ConversionNote]) {
        switch format {
        case .coco: return COCOExporter.write(assessment)
        case .labelstudio: return LabelStudioExporter.write(assessment)
        case .conll, .iob2: return CoNLLExporter.write(assessment, scheme: format == .conll ? .iob1 : .iob2)
        case .gift: return GIFTExporter.write(assessment)
        case .mturk:
            let (form, _, notes) = MTurkExporter.write(assessment)
            return (form, notes)
        case .qti:
            // A package is several files; this is its manifest, which names them.
            let (files, notes) = QTIExporter.write(assessment)
            let note = ConversionNote(
                SourceLocation(file: assessment.assessmentPath), "a QTI package is one file per item; write it with exportQTI")
            return (files[0].text, notes + [note])
        }
    }

    /// A test as a QTI 3.0 content package: each file's path inside the package and its
    /// text (`imsmanifest.xml`, `assessment-test.xml`, `items/ID.xml`), and what none holds.
    public static func exportQTI(_ assessment: Assessment) -> (files: [(path: String, text: String)], notes: [ConversionNote]) {
        QTIExporter.write(assessment)
    }

    /// A test as an MTurk qualification test: the QuestionForm, the AnswerKey that scores it,
    /// and what neither holds.
    public static func exportMTurk(_ assessment: Assessment) -> (form: String, answerKey: String, notes: [ConversionNote]) {
        let (form, key, notes) = MTurkExporter.write(assessment)
        return (form, key, notes)
    }

    /// Writes a learner's answers in `format`, where the format has a place for answers.
    ///
    /// - Throws: ``InteropError`` for a format without answers.
    public static func exportAnswers(_ format: InteropFormat, _ sheet: AnswerSheet, for assessment: Assessment, file: String)
        throws(InteropError)
        -> (String, [ConversionNote])
    {
        switch format {
        case .coco: return COCOExporter.results(sheet, for: assessment)
        case .mturk: return MTurkAnswers.write(sheet, for: assessment)
        case .labelstudio, .conll, .iob2, .gift, .qti:
            throw InteropError(SourceLocation(file: file), "writing answers as \(format.rawValue) is not supported; coco and mturk are")
        }
    }

    static func read(_ file: String) throws(InteropError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InteropError(SourceLocation(file: file), "cannot be read; check the path")
        }
        return Array(data)
    }

    private static func text(_ bytes: [UInt8], _ file: String) throws(InteropError) -> String {
        guard bytes.count <= GradingLimits.maximumFileBytes * 16 else {
            throw InteropError(
                SourceLocation(file: file), "is \(bytes.count) bytes; at most \(GradingLimits.maximumFileBytes * 16) are read")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InteropError(SourceLocation(file: file), "is not UTF-8 text")
        }
        return text
    }
}
