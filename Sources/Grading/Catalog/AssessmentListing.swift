public import Courseware
internal import Foundation

/// The practice tests of one folder, read from the front matter of their `assessment.md`
/// alone: what a view that lists tests needs (id, title, policy, course order), without
/// their `items.yaml`. The home view lists every test; reading every test's items was most
/// of its time.
///
/// A test whose header has errors is left out, as ``AssessmentCatalog`` leaves it out; one
/// whose items have errors is listed, and ``load(_:)`` returns nil for it.
public struct AssessmentListing: Sendable {
    /// One test, as its header describes it.
    public struct Test: Sendable {
        /// The front matter's `id`, else the folder's name (as ``Assessment/id``).
        public let id: String
        public let title: String
        public let policy: AssessmentPolicy
        /// The test's folder, inside the listing's.
        public let folder: String
    }

    public let folder: String
    /// Every test whose header reads without errors, sorted by folder name.
    public let tests: [Test]

    /// Reads the header of every test in `folder` (an unreadable or missing folder lists none).
    public init(folder: String) {
        self.folder = folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        tests = names.compactMap { name -> Test? in
            let path = (folder as NSString).appendingPathComponent(name)
            let marker = (path as NSString).appendingPathComponent(CourseLinks.practiceTestMarker)
            guard FileManager.default.fileExists(atPath: marker) else { return nil }
            var diagnostics: [Diagnostic] = []
            guard let source = AssessmentLoader.read(marker, into: &diagnostics) else { return nil }
            var sink = DiagnosticSink(path: marker)
            guard let header = AssessmentHeader.parse(source, folder: path, sink: &sink),
                !(diagnostics + sink.diagnostics).contains(where: { $0.severity == .error })
            else { return nil }
            return Test(id: header.id, title: header.title, policy: header.policy, folder: path)
        }
    }

    /// The tests in the order ``AssessmentCatalog/inCourseOrder(_:)`` gives; only a test no
    /// lesson links to has its items read, for the lessons they link to.
    public func inCourseOrder(_ course: Course) -> [Test] {
        TestOrder(course: course).sorted(tests, id: \.id, folder: \.folder) { load($0)?.items.compactMap(\.lesson) ?? [] }
    }

    /// The whole test, items included, or nil when its files have errors.
    public func load(_ test: Test) -> Assessment? {
        let loaded = AssessmentLoader().load(folder: test.folder)
        return loaded.errors.isEmpty ? loaded.assessment : nil
    }
}
