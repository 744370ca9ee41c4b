import Courseware

/// Where the course sends a reader to each practice test: shared by ``AssessmentCatalog``
/// and ``AssessmentListing`` so that a full catalog and a header-only listing order the
/// same tests alike.
struct TestOrder {
    private let links: CourseLinks
    private let linked: [String: Int]
    private let rank: [String: Int]

    init(course: Course) {
        links = CourseLinks(course: course)
        linked = links.firstLessonLinkingEachTest(in: course)
        rank = Dictionary(course.lessons.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: min)
    }

    /// The position of the first lesson linking test `id`, else of the earliest lesson its
    /// items link to (`itemLessons`, the items' `lesson:` links, is only asked for then),
    /// else `Int.max`.
    func position(of id: String, folder: String, itemLessons: () -> [String]) -> Int {
        if let position = linked[id] { return position }
        return itemLessons().compactMap { lesson -> Int? in
            guard case .lesson(let id, _) = links.resolve(lesson, from: folder) else { return nil }
            return rank[id]
        }.min() ?? Int.max
    }

    /// `tests` sorted by ``position(of:folder:itemLessons:)``, then by id.
    func sorted<Test>(_ tests: [Test], id: (Test) -> String, folder: (Test) -> String, itemLessons: (Test) -> [String]) -> [Test] {
        tests.map { test in (test: test, rank: position(of: id(test), folder: folder(test), itemLessons: { itemLessons(test) })) }
            .sorted { ($0.rank, id($0.test)) < ($1.rank, id($1.test)) }.map(\.test)
    }
}
