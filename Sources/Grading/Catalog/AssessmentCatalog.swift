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
        /// What loading produced, errors and all: `check` checks it without reading the
        /// files a second time.
        public let loaded: AssessmentLoader.Loaded
        /// The test when it loaded without errors.
        public var assessment: Assessment? { loaded.diagnostics.contains { $0.severity == .error } ? nil : loaded.assessment }
        /// What loading reported (errors make ``assessment`` nil).
        public var diagnostics: [Diagnostic] { loaded.diagnostics }
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
        self.init(folder: folder) { _ in true }
    }

    /// Loads only the tests with these ids (folder names); the others are left out as if
    /// absent. A view that looks up the tests a learner attempted, and no other, reads only
    /// their files.
    public init(folder: String, only ids: Set<String>) {
        self.init(folder: folder, including: ids.contains)
    }

    private init(folder: String, including: (String) -> Bool) {
        self.folder = folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(including).sorted()
        entries = names.compactMap { name -> Entry? in
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(CourseLinks.practiceTestMarker))
            else { return nil }
            return Entry(id: name, folder: path, loaded: AssessmentLoader().load(folder: path))
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
        TestOrder(course: course).sorted(assessments, id: \.id, folder: \.folder) { $0.items.compactMap(\.lesson) }
    }

    /// The lesson that teaches what `test` rehearses first, if its items link to one.
    public func firstLesson(of test: Assessment, in course: Course) -> Lesson? {
        Self.firstLesson(of: test, in: course)
    }

    /// The lesson that teaches what `test` rehearses first, if its items link to one (no
    /// catalog needed: a view holding only one loaded test asks this).
    public static func firstLesson(of test: Assessment, in course: Course) -> Lesson? {
        let links = CourseLinks(course: course)
        let ids = Set(
            test.items.compactMap { item -> String? in
                guard let lesson = item.lesson, case .lesson(let id, _) = links.resolve(lesson, from: test.folder) else { return nil }
                return id
            })
        return course.lessons.first { ids.contains($0.id) }
    }
}
