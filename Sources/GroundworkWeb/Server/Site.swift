public import Courseware
import Foundation
public import Gradebook
public import Grading
import HTTPTypes
import Mustache

/// Everything a request needs, loaded once when the server starts: the course, the practice
/// tests, the learner's gradebook and the page templates. It holds no per-learner state —
/// that lives in the gradebook — so every request can be served by any copy of it.
public struct Site: Sendable {
    public let course: Course
    /// The practice tests as last read: at start-up, and again at the first request after
    /// their files changed (``refreshCatalog()``).
    public var catalog: AssessmentCatalog { shelf.catalog }
    private let shelf: CatalogShelf
    public let gradebook: Gradebook
    /// The mentor's folder of cohorts (`serve --cohorts`: `ID/*.json` answers per test) that
    /// `/mentor/ID/stats` analyses; nil on a learner's server, where those pages do not exist.
    public var cohorts: String?
    /// Where fresh generated practice items are written (`serve` sets the data folder's
    /// `generated/`); nil: the "Practise with fresh items" buttons are not offered.
    public var generated: GeneratedPractice?
    let links: CourseLinks
    let templates: MustacheLibrary
    /// Who holds an attempt taken in a browser. Every tab and browser of a learner is the
    /// same taker; a terminal running `take` is another.
    static let holder = "web"

    /// The part of the gradebook of the learner a request acts for.
    func book(_ context: WebContext) -> LearnerBook { gradebook.learner(context.learner) }

    /// Loads the templates shipped in the module's resources.
    ///
    /// - Throws: when the templates cannot be read (a broken build, never the learner's input).
    public init(course: Course, catalog: AssessmentCatalog, gradebook: Gradebook) async throws {
        self.course = course
        shelf = CatalogShelf(catalog)
        self.gradebook = gradebook
        links = CourseLinks(course: course)
        templates = try await MustacheLibrary(directory: Self.resourceFolder("Templates"))
    }

    /// Reads the tests' folder again when its files changed since the last read — by this
    /// process, another `serve` process or anyone else — so that every server process
    /// serves the same gold. Cheap when nothing changed (see ``CatalogStamps``).
    func refreshCatalog() async throws {
        guard let stamps = shelf.changedStamps() else { return }
        try await blocking { shelf.reload(stamps) }
    }

    /// Where gradebook work runs: off Swift's cooperative threads (one per core), which a
    /// waiting SQLite call would otherwise hold, so that one slow disk sync does not stall
    /// every other request. A queue of its own gets new threads as its work blocks.
    private static let gradebookQueue = DispatchQueue(label: "groundwork.gradebook", attributes: .concurrent)

    /// Runs `work` (which reads or writes the gradebook, synchronously) on the gradebook queue.
    func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Self.gradebookQueue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// A folder shipped inside the module's resource bundle.
    static func resourceFolder(_ name: String) -> String {
        (Bundle.module.resourcePath ?? Bundle.module.bundlePath) + "/" + name
    }

    /// The lesson with this id, or a 404 that suggests the closest id.
    func lesson(_ id: String) throws -> Lesson {
        if let lesson = course.lesson(id: id) { return lesson }
        let hint = course.suggestion(forUnknownID: id).map { "; did you mean '\($0)'?" } ?? ""
        throw WebError(.notFound, "no lesson '\(id)'\(hint)")
    }

    /// The practice test with this id, or a 404 that suggests the closest id.
    func assessment(_ id: String) throws -> Assessment {
        do {
            return try catalog.assessment(id: id)
        } catch {
            switch error {
            case .unknown: throw WebError(.notFound, error.description)
            case .broken: throw WebError(.conflict, error.description + "; run 'groundwork check' on it")
            }
        }
    }
}
