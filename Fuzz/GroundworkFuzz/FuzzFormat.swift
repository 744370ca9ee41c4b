/// The kinds of file Groundwork reads from people, each fuzzed from the shipped examples.
public enum FuzzFormat: String, CaseIterable, Sendable {
    case lesson, summary, assessment, items, answers

    /// The file name an input of this format is saved under, as a fixture or a course file.
    public var fileName: String {
        switch self {
        case .lesson: return "lesson.md"
        case .summary: return "SUMMARY.md"
        case .assessment: return "assessment.md"
        case .items: return "items.yaml"
        case .answers: return "answers.json"
        }
    }

    /// The shipped files inputs of this format are mutated from, relative to the package:
    /// `Content/` for lessons and the table of contents, `Assessments/` for the rest.
    func isSeed(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        switch self {
        case .lesson: return relative.hasPrefix("Content/") && name.hasSuffix(".md") && name != "SUMMARY.md"
        case .summary: return relative.hasPrefix("Content/") && name == "SUMMARY.md"
        case .assessment: return relative.hasPrefix("Assessments/") && name == "assessment.md"
        case .items: return relative.hasPrefix("Assessments/") && name == "items.yaml"
        case .answers: return relative.hasPrefix("Assessments/") && relative.contains("/answers/") && name.hasSuffix(".json")
        }
    }
}
