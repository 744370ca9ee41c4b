import Courseware
import Foundation
import TestSupport
import Testing

@testable import Grading

/// The header-only listing the home view reads must describe and order the tests as the
/// full catalog does, and the partial catalog must hold exactly the tests asked for.
struct AssessmentListingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func listsTheShippedTestsInTheCatalogsCourseOrder() throws {
        let folder = Self.repository.appendingPathComponent("Assessments").path
        let course = try CourseLoader.load(from: Self.repository.appendingPathComponent("Content").path)
        let listed = AssessmentListing(folder: folder).inCourseOrder(course)
        let loaded = AssessmentCatalog(folder: folder).inCourseOrder(course)
        #expect(listed.count >= 10)
        #expect(listed.map(\.id) == loaded.map(\.id))
        #expect(listed.map(\.title) == loaded.map(\.title))
        #expect(listed.map(\.policy) == loaded.map(\.policy))
        #expect(listed.map(\.folder) == loaded.map(\.folder))
    }

    /// Three copies of one fixture test: intact, with broken items and with a broken header.
    static func folderOfThree() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let header = try Fixtures.text("Assessments/sentiment-single/assessment.md")
        let items = try Fixtures.text("Assessments/sentiment-single/items.yaml")
        try folder.write("a-intact/assessment.md", header)
        try folder.write("a-intact/items.yaml", items)
        try folder.write("b-broken-items/assessment.md", header)
        try folder.write("b-broken-items/items.yaml", "- id: [unclosed\n")
        try folder.write("c-broken-header/assessment.md", "---\ntitle: [unclosed\n---\n")
        try folder.write("c-broken-header/items.yaml", items)
        try folder.write("not-a-test/notes.md", "# Notes\n")
        return folder
    }

    @Test func listsATestWithBrokenItemsButLoadsItAsNothing() throws {
        let folder = try Self.folderOfThree()
        let listing = AssessmentListing(folder: folder.path)
        #expect(listing.tests.map(\.folder) == ["a-intact", "b-broken-items"].map { folder.path + "/" + $0 })
        #expect(listing.load(listing.tests[0])?.items.isEmpty == false)
        #expect(listing.load(listing.tests[1]) == nil)
        #expect(AssessmentCatalog(folder: folder.path).assessments.map(\.folder) == [folder.path + "/a-intact"])
    }

    @Test func aPartialCatalogHoldsOnlyTheTestsAskedFor() throws {
        let folder = try Self.folderOfThree()
        let catalog = AssessmentCatalog(folder: folder.path, only: ["b-broken-items", "c-broken-header", "missing", "..", "not-a-test"])
        #expect(catalog.entries.map(\.id) == ["b-broken-items", "c-broken-header"])
        #expect(catalog.entries.map { $0.assessment == nil } == [true, true])
        #expect(catalog.entries[0].loaded.assessment != nil, "a test with errors keeps what loaded, for the checker")
    }
}
