import Foundation
import Testing

/// The home view lists practice tests from their headers alone; what it suggests must still
/// be a test that can be taken.
extension CommandLineTests {
    /// The fixture tests in course order are quiz (its items link the first lesson), then the
    /// others by id, boxes first.
    @Test func homeNeverSuggestsATestWhoseItemsHaveErrors() throws {
        let intact = try run(["--content", Self.course, "--assessments", Self.assessments])
        #expect(intact.stdout.contains("Practice tests: 0 of 7 passed, 0 attempted.\nNext test: Colour quiz\n"))
        #expect(intact.stdout.contains("  read first: groundwork read labels\n"))

        let folder = dataDirectory + "/tests"
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.assessments, toPath: folder)
        try "- id: [unclosed\n".write(toFile: folder + "/quiz/items.yaml", atomically: true, encoding: .utf8)
        let broken = try run(["--content", Self.course, "--assessments", folder])
        #expect(broken.status == 0, "\(broken.stderr)")
        // Still listed (only its header is read), never suggested; its lesson link is gone too.
        #expect(broken.stdout.contains("Practice tests: 0 of 7 passed, 0 attempted.\nNext test: Boxes only\n"))
        #expect(!broken.stdout.contains("groundwork practice quiz"))
    }
}
