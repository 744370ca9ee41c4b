import Courseware
import Foundation
import Grading
import Interop
import TestSupport

/// An import written into a fresh folder and loaded back, as `groundwork import` does it,
/// with what `groundwork check --strict` says about it.
struct Imported {
    let folder: TemporaryFolder
    let assessment: Assessment
    let notes: [ConversionNote]
    /// Every diagnostic of `check`, warnings included (`--strict` fails on any).
    let diagnostics: [Diagnostic]

    init(_ format: InteropFormat, _ file: String, options: Interop.ImportOptions = .init(), media: [String] = []) throws {
        folder = try TemporaryFolder()
        for name in media { try folder.write(name, "") }
        let (draft, notes) = try Interop.importTest(format, file: file, into: folder.path, options: options)
        try AssessmentWriter.write(draft, into: folder.path, source: file)
        self.notes = notes
        diagnostics = AssessmentChecker().check(folder: folder.path)
        assessment = try AssessmentLoader().loadChecked(folder: folder.path)
    }

    /// A shipped test (`Assessments/ID`) exported in `format`, what the export said it left
    /// out, and the export imported as a new test.
    static func shipped(_ id: String, through format: InteropFormat) throws -> (
        shipped: Assessment, notes: [ConversionNote], imported: Imported
    ) {
        let shipped = try AssessmentLoader().loadChecked(folder: FixturePath.repository + "/Assessments/" + id)
        let (text, notes) = Interop.export(format, shipped)
        let folder = try TemporaryFolder()
        try folder.write("exported", text)
        return (shipped, notes, try Imported(format, folder.path + "/exported"))
    }

    /// Exports the test and imports the result again, as a second test.
    func roundTrip(_ format: InteropFormat) throws -> (exported: String, again: Imported) {
        let (text, _) = Interop.export(format, assessment)
        let file = folder.path + "/exported." + (format == .coco || format == .labelstudio ? "json" : "txt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return (text, try Imported(format, file))
    }

    /// Item id and content, what a round trip must keep.
    var items: [String: ItemContent] { Dictionary(uniqueKeysWithValues: assessment.items.map { ($0.id, $0.content) }) }

    /// Each item's kind, task and gold as JSON with numbers to 9 significant digits, for
    /// formats that store geometry as percentages.
    var rounded: [String: JSONValue] {
        func round(_ value: JSONValue) -> JSONValue {
            switch value {
            case .number(let number): return .number(Double(String(format: "%.9g", number)) ?? number)
            case .array(let values): return .array(values.map(round))
            case .object(let fields): return .object(fields.mapValues(round))
            case .null, .bool, .string: return value
            }
        }
        var result: [String: JSONValue] = [:]
        for item in assessment.items {
            let task = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(item.content.task))) ?? .null
            result[item.id] = round(.array([.string(item.kind.rawValue), task, .array(item.content.goldResponses.map(\.json))]))
        }
        return result
    }

    func notes(containing text: String) -> [ConversionNote] { notes.filter { $0.description.contains(text) } }
}
