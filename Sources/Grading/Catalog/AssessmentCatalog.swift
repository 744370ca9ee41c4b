public import Courseware
internal import Foundation

/// The practice tests in one folder, found by id: what every front end needs before it can
/// list, start or grade a test. Each subfolder holding `assessment.md` is a test whose id is
/// the folder's name.
public struct AssessmentCatalog: Sendable {
    /// One test of the catalog, loaded or not.
    public struct Entry: Sendable {
        public let id: String
        public let folder: String
        /// The test when it loaded without errors.
        public let assessment: Assessment?
        /// What loading reported (errors make ``assessment`` nil).
        public let diagnostics: [Diagnostic]
    }

    /// Why a test cannot be had.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// No test has this id; `suggestion` is the closest id, if any is close.
        case unknown(id: String, suggestion: String?)
        /// The test's files have errors, so its grades could not be trusted.
        case broken(id: String, errors: Int)

        public var description: String {
            switch self {
            case .unknown(let id, let suggestion):
                return "no practice test \(Quote.text(id))" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
            case .broken(let id, let errors):
                return "the practice test \(Quote.text(id)) has \(errors) error(s) in its files"
            }
        }
    }

    public let folder: String
    /// Every test, sorted by id.
    public let entries: [Entry]

    /// Loads every test in `folder` (an unreadable or missing folder gives an empty catalog).
    public init(folder: String) {
        self.folder = folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        entries = names.compactMap { name -> Entry? in
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(CourseLinks.practiceTestMarker))
            else { return nil }
            let loaded = AssessmentLoader().load(folder: path)
            return Entry(
                id: name, folder: path, assessment: loaded.errors.isEmpty ? loaded.assessment : nil, diagnostics: loaded.diagnostics)
        }
    }

    /// The tests that loaded without errors, sorted by id.
    public var assessments: [Assessment] { entries.compactMap(\.assessment) }

    /// The test with this id.
    ///
    /// - Throws: ``Problem`` when there is none, or when its files have errors.
    public func assessment(id: String) throws(Problem) -> Assessment {
        guard let entry = entries.first(where: { $0.id == id }) else {
            throw .unknown(id: id, suggestion: Suggestion.closest(to: id, in: entries.map(\.id)))
        }
        guard let assessment = entry.assessment else {
            throw .broken(id: id, errors: entry.diagnostics.filter { $0.severity == .error }.count)
        }
        return assessment
    }

    /// The tests in the order the course sends a reader to them: by the first lesson that
    /// links to the test, else by the earliest lesson any of its items links to (tests
    /// linking no lesson come last, by id).
    public func inCourseOrder(_ course: Course) -> [Assessment] {
        let links = CourseLinks(course: course)
        let linked = links.firstLessonLinkingEachTest(in: course)
        let rank = Dictionary(course.lessons.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: min)
        func firstLesson(_ test: Assessment) -> Int {
            if let position = linked[test.id] { return position }
            return test.items.compactMap { item -> Int? in
                guard let lesson = item.lesson, case .lesson(let id, _) = links.resolve(lesson, from: test.folder) else { return nil }
                return rank[id]
            }.min() ?? Int.max
        }
        return assessments.map { (test: $0, rank: firstLesson($0)) }.sorted { ($0.rank, $0.test.id) < ($1.rank, $1.test.id) }.map(\.test)
    }

    /// The lesson that teaches what `test` rehearses first, if its items link to one.
    public func firstLesson(of test: Assessment, in course: Course) -> Lesson? {
        let links = CourseLinks(course: course)
        let ids = Set(
            test.items.compactMap { item -> String? in
                guard let lesson = item.lesson, case .lesson(let id, _) = links.resolve(lesson, from: test.folder) else { return nil }
                return id
            })
        return course.lessons.first { ids.contains($0.id) }
    }
}
