public import Courseware
import Foundation
import Grading

/// Reads a course's `readiness.yaml` into a ``ReadinessMap``, reporting every problem at its
/// position and reading on, so one run shows every mistake.
public enum ReadinessMapLoader {
    /// Files larger than this are refused, like lessons.
    public static let maximumFileSize = 1024 * 1024

    /// The map of the course in `courseFolder`: nil map and no diagnostics when the course has
    /// no readiness file; nil map with errors when it cannot be read at all.
    public static func load(courseFolder: String) -> (map: ReadinessMap?, diagnostics: [Diagnostic]) {
        let path = (courseFolder as NSString).appendingPathComponent(ReadinessMap.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return (nil, []) }
        var sink = DiagnosticSink(path: path)
        let start = SourcePosition(line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.report(.unreadableFile, at: start, "the readiness file cannot be read; check its permissions")
            return (nil, sink.diagnostics)
        }
        guard data.count <= maximumFileSize else {
            sink.report(.fileTooLarge, at: start, "the readiness file is \(data.count) bytes; keep it under \(maximumFileSize) bytes")
            return (nil, sink.diagnostics)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.report(.invalidUTF8, at: start, "the readiness file is not UTF-8 text; save it as UTF-8")
            return (nil, sink.diagnostics)
        }
        let map = parse(text, path: path, sink: &sink)
        return (map, sink.diagnostics)
    }

    /// Parses the text of a readiness file at `path`.
    static func parse(_ text: String, path: String, sink: inout DiagnosticSink) -> ReadinessMap? {
        guard let root = YAMLParser.parse(text, firstLine: 1, sink: &sink),
            var fields = YAMLFields(root, context: "the readiness file", sink: &sink)
        else { return nil }
        let skills = entries(fields.node("skills"), sink: &sink, skill)
        let platforms = entries(fields.node("platforms"), sink: &sink, platform)
        let checklist = entries(fields.node("checklist"), sink: &sink, checklistEntry)
        let pay = entries(fields.node("pay"), sink: &sink, payThreshold)
        fields.finish(allowed: ["skills", "platforms", "checklist", "pay"], sink: &sink)
        return ReadinessMap(path: path, skills: skills, platforms: platforms, checklist: checklist, pay: pay)
    }

    private static func entries<T>(
        _ node: YAMLNode?, sink: inout DiagnosticSink, _ read: (YAMLNode, inout DiagnosticSink) -> T?
    ) -> [T] {
        guard let node else { return [] }
        guard case .sequence(let items) = node.value else {
            sink.report(.invalidValue, at: node.position, "expected a list of '- id: …' entries, got \(node.typeDescription)")
            return []
        }
        return items.compactMap { read($0, &sink) }
    }

    private static func skill(_ node: YAMLNode, _ sink: inout DiagnosticSink) -> ReadinessMap.Skill? {
        guard var fields = YAMLFields(node, context: "a skill", sink: &sink) else { return nil }
        let id = fields.requiredString("id", hint: "give it an id such as 'sentiment'", sink: &sink)
        let context = "skill \(Quote.text(id?.value ?? "?"))"
        let title = fields.requiredString("title", hint: "give \(context) a title", sink: &sink)
        let tests = fields.strings("tests", sink: &sink) ?? []
        if tests.isEmpty, fields.has("id") {
            sink.report(.missingKey, at: node.position, "\(context) names no practice test in 'tests'; list the tests that measure it")
        }
        let concepts = fields.strings("concepts", sink: &sink) ?? []
        let target = fields.fraction("target", sink: &sink)
        let lesson = lessonSection(&fields, sink: &sink)
        fields.finish(allowed: ["id", "title", "tests", "concepts", "target", "lesson"], sink: &sink)
        guard let id, let title, !tests.isEmpty else { return nil }
        return ReadinessMap.Skill(
            id: id.value, title: title.value, tests: tests.map { .init($0.value, at: $0.position) },
            concepts: concepts.map { .init($0.value, at: $0.position) }, target: target?.value, lesson: lesson, position: node.position)
    }

    private static func platform(_ node: YAMLNode, _ sink: inout DiagnosticSink) -> ReadinessMap.Platform? {
        guard var fields = YAMLFields(node, context: "a platform", sink: &sink) else { return nil }
        let id = fields.requiredString("id", hint: "give it an id such as 'appen'", sink: &sink)
        let context = "platform \(Quote.text(id?.value ?? "?"))"
        let name = fields.requiredString("name", hint: "give \(context) its name", sink: &sink)
        let asOf = fields.requiredString("as-of", hint: "date what the course says about \(context), e.g. \"2025\"", sink: &sink)
        let about = fields.requiredString("about", hint: "say in a sentence what \(context)'s tests are known to ask", sink: &sink)
        var known: ReadinessMap.Knowledge?
        if let written = fields.requiredString("known", hint: "say how much is known about its tests: well, partly or little", sink: &sink)
        {
            known = ReadinessMap.Knowledge(rawValue: written.value)
            if known == nil {
                sink.report(
                    .invalidValue, at: written.position,
                    "'known' of \(context) must be well, partly or little, got \(Quote.text(written.value))")
            }
        }
        let skills = fields.strings("skills", sink: &sink) ?? []
        let lesson = lessonSection(&fields, sink: &sink)
        fields.finish(allowed: ["id", "name", "as-of", "known", "about", "skills", "lesson"], sink: &sink)
        guard let id, let name, let asOf, let about, let known else { return nil }
        return ReadinessMap.Platform(
            id: id.value, name: name.value, asOf: asOf.value, known: known, about: about.value,
            skills: skills.map { .init($0.value, at: $0.position) }, lesson: lesson, position: node.position)
    }

    private static func checklistEntry(_ node: YAMLNode, _ sink: inout DiagnosticSink) -> ReadinessMap.ChecklistEntry? {
        guard var fields = YAMLFields(node, context: "a checklist entry", sink: &sink) else { return nil }
        let id = fields.requiredString("id", hint: "give it an id such as 'profile'", sink: &sink)
        let text = fields.requiredString("text", hint: "say what to do, in one sentence", sink: &sink)
        let lesson = lessonSection(&fields, sink: &sink)
        fields.finish(allowed: ["id", "text", "lesson"], sink: &sink)
        guard let id, let text else { return nil }
        return ReadinessMap.ChecklistEntry(id: id.value, text: text.value, lesson: lesson, position: node.position)
    }

    private static func payThreshold(_ node: YAMLNode, _ sink: inout DiagnosticSink) -> ReadinessMap.PayThreshold? {
        guard var fields = YAMLFields(node, context: "a pay figure", sink: &sink) else { return nil }
        let id = fields.requiredString("id", hint: "give it an id such as 'example-minimum'", sink: &sink)
        let label = fields.requiredString("label", hint: "say what the figure is, as a phrase", sink: &sink)
        let hourly: Double?
        if fields.has("hourly") {
            hourly = fields.number("hourly", in: 0...10_000, sink: &sink)?.value
        } else {
            fields.reportMissing("hourly", "give the figure in dollars an hour", sink: &sink)
            hourly = nil
        }
        let asOf = fields.string("as-of", sink: &sink)
        let minimum = fields.bool("minimum", sink: &sink) ?? false
        let lesson = lessonSection(&fields, sink: &sink)
        fields.finish(allowed: ["id", "label", "hourly", "as-of", "minimum", "lesson"], sink: &sink)
        guard let id, let label, let hourly else { return nil }
        return ReadinessMap.PayThreshold(
            id: id.value, label: label.value, hourly: hourly, asOf: asOf?.value, minimum: minimum, lesson: lesson)
    }

    private static func lessonSection(_ fields: inout YAMLFields, sink: inout DiagnosticSink) -> ReadinessMap.LessonSection? {
        guard let written = fields.string("lesson", sink: &sink) else { return nil }
        guard let section = ReadinessMap.LessonSection(written.value, at: written.position) else {
            sink.report(
                .invalidValue, at: written.position,
                "'lesson' must be a lesson id and a heading, such as 'bounding-boxes#tight-boxes', got \(Quote.text(written.value))")
            return nil
        }
        return section
    }
}
