public import Courseware
import Foundation
public import Gradebook
public import Grading

/// Why there is no readiness report for a course.
public enum ReadinessLoadError: Error, Sendable, CustomStringConvertible {
    /// The course has no `readiness.yaml`.
    case noMap(courseFolder: String)
    /// The file has errors (each located); `groundwork check` lists them.
    case brokenMap(path: String, errors: [Diagnostic])

    public var description: String {
        switch self {
        case .noMap(let folder):
            return "the course in \(Quote.text(folder)) has no \(ReadinessMap.fileName), which says what each platform's tests ask"
        case .brokenMap(let path, let errors):
            let folder = (path as NSString).deletingLastPathComponent
            return "\(Quote.text(path)) has \(errors.count) error(s); 'groundwork check \(folder)' lists them"
        }
    }
}

extension ReadinessReport {
    /// The report for one learner: the course's readiness file, their finished attempts and
    /// their checklist marks. Both front ends call this.
    ///
    /// - Throws: ``ReadinessLoadError`` for a missing or broken readiness file,
    ///   ``Gradebook/GradebookError`` when the records cannot be read.
    public static func load(
        course: Course, catalog: AssessmentCatalog, book: LearnerBook, rules: ReadinessRules = ReadinessRules()
    ) throws -> ReadinessReport {
        let map = try loadMap(course: course, catalog: catalog)
        let evidence = ItemEvidence.collect(from: try book.finishedAttempts(), catalog: catalog)
        return ReadinessReport(
            map: map, course: course, catalog: catalog, evidence: evidence, marks: try book.checklistMarks(), rules: rules)
    }

    /// The course's readiness file, refusing one with errors, whether in the file itself or
    /// in what it names (a test, skill, concept, lesson or heading that does not exist), so a
    /// typo never shows as a silent "no items yet".
    public static func loadMap(course: Course, catalog: AssessmentCatalog) throws(ReadinessLoadError) -> ReadinessMap {
        let (map, diagnostics) = ReadinessMapLoader.load(courseFolder: course.folder)
        let errors = diagnostics.filter { $0.severity == .error }
        guard let map else {
            if errors.isEmpty { throw .noMap(courseFolder: course.folder) }
            throw .brokenMap(path: errors[0].path, errors: errors)
        }
        let all = errors + ReadinessMapChecker.check(map, course: course, catalog: catalog).filter { $0.severity == .error }
        guard all.isEmpty else { throw .brokenMap(path: map.path, errors: all) }
        return map
    }
}
