public import Courseware
internal import Foundation

/// Reads an assessment folder — `assessment.md` (front matter + instructions) and
/// `items.yaml` — reporting every problem as a located ``Diagnostic``.
///
/// Loading never stops at the first mistake: each item is read on its own, so one broken
/// item does not hide the problems of the next. ``load(folder:)`` returns what could be read
/// together with the diagnostics; ``loadChecked(folder:)`` refuses an assessment with errors.
public struct AssessmentLoader: Sendable {
    public init() {}

    /// What loading produced: the assessment (possibly missing broken items) and every
    /// problem found. Only grade with an assessment whose diagnostics hold no error.
    public struct Loaded: Sendable {
        public var assessment: Assessment?
        public var diagnostics: [Diagnostic]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Reads `folder/assessment.md` and `folder/items.yaml` (media files are looked up beside
    /// them).
    public func load(folder: String) -> Loaded {
        let assessmentPath = (folder as NSString).appendingPathComponent("assessment.md")
        let itemsPath = (folder as NSString).appendingPathComponent("items.yaml")
        var diagnostics: [Diagnostic] = []
        let assessmentSource = Self.read(assessmentPath, into: &diagnostics)
        let itemsSource = Self.read(itemsPath, into: &diagnostics)
        guard let assessmentSource, let itemsSource else { return Loaded(assessment: nil, diagnostics: diagnostics) }
        var loaded = load(assessment: assessmentSource, items: itemsSource, folder: folder)
        loaded.diagnostics = diagnostics + loaded.diagnostics
        return loaded
    }

    /// Like ``load(folder:)`` but throws when any error was found.
    ///
    /// - Throws: ``AssessmentLoadError`` listing every error (warnings are not errors).
    public func loadChecked(folder: String) throws(AssessmentLoadError) -> Assessment {
        let loaded = load(folder: folder)
        guard let assessment = loaded.assessment, loaded.errors.isEmpty else { throw AssessmentLoadError(diagnostics: loaded.errors) }
        return assessment
    }

    /// Reads an assessment from already-loaded files; `folder` (for media checks and the
    /// default id) may be nil for text given inline.
    public func load(assessment assessmentSource: SourceFile, items itemsSource: SourceFile, folder: String?) -> Loaded {
        var frontSink = DiagnosticSink(path: assessmentSource.path)
        let header = AssessmentHeader.parse(assessmentSource, folder: folder, sink: &frontSink)
        var itemsSink = DiagnosticSink(path: itemsSource.path)
        let sectionIDs = header?.sections.map(\.id)
        let items = ItemsFile.parse(itemsSource, folder: folder, sections: sectionIDs, sink: &itemsSink)
        if let header {
            for critical in header.criticalItems where !items.contains(where: { $0.id == critical.value }) {
                frontSink.report(
                    .invalidValue, at: critical.position,
                    "critical item \(Quote.text(critical.value)) is not in items.yaml\(Suggestion.hint(for: critical.value, in: items.map(\.id)))"
                )
            }
        }
        let diagnostics = frontSink.diagnostics + itemsSink.diagnostics
        guard let header else { return Loaded(assessment: nil, diagnostics: diagnostics) }
        let assessment = Assessment(
            id: header.id, title: header.title, platform: header.platform, passMark: header.passMark,
            timeLimitMinutes: header.timeLimitMinutes, sections: header.sections, policy: header.policy,
            instructions: header.instructions, items: items, folder: folder ?? "",
            assessmentPath: assessmentSource.path, itemsPath: itemsSource.path,
            version: Self.digest(assessmentSource.text + "\u{0}" + itemsSource.text), passMarkPosition: header.passMarkPosition,
            policyPosition: header.policyPosition, requirements: header.requirements)
        return Loaded(assessment: assessment, diagnostics: diagnostics)
    }

    /// A 64-bit hash of the text in hex: enough to notice that files changed under an attempt.
    static func digest(_ text: String) -> String {
        let hex = String(StableHash.fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The file's text, or nil after reporting why it cannot be used.
    static func read(_ path: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        var sink = DiagnosticSink(path: path)
        defer { diagnostics += sink.diagnostics }
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.report(.unreadableFile, at: nil, "cannot read '\(path)'; an assessment folder needs assessment.md and items.yaml")
            return nil
        }
        guard data.count <= GradingLimits.maximumFileBytes else {
            sink.report(
                .fileTooLarge, at: nil,
                "'\(path)' is \(data.count) bytes; at most \(GradingLimits.maximumFileBytes) are read — split the assessment")
            return nil
        }
        let source = SourceFile(path: path, bytes: data)
        if let bad = source.invalidUTF8 {
            sink.report(.invalidValue, at: bad, "the file is not valid UTF-8 here; save it as UTF-8")
        }
        return source
    }
}

/// Why ``AssessmentLoader/loadChecked(folder:)`` refused an assessment.
public struct AssessmentLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
