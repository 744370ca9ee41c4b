import Courseware
import Foundation
import Gradebook
import Grading
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import GroundworkWeb

/// The practice tests are read again at the first request after their files change, however
/// they were changed: a new test's folder, or an editor saving in place (same inode).
struct CatalogRefreshTests {
    @Test func aTestEditedInPlaceOrAddedIsServedFromTheNextRequest() async throws {
        let folder = try TemporaryFolder()
        let tests = folder.path + "/Assessments"
        try FileManager.default.createDirectory(atPath: tests, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WebFixture.root + "/Assessments/sentiment-quiz", toPath: tests + "/sentiment-quiz")
        let site = try await Site(
            course: try CourseLoader.load(from: WebFixture.root + "/Content"), catalog: AssessmentCatalog(folder: tests),
            gradebook: try Gradebook.open(directory: folder.path + "/data"))
        let app = Application(router: WebServer.router(site: site))
        try await app.test(.router) { client in
            let before = try await client.execute(uri: "/api/assessments", method: .get)
            #expect(String(buffer: before.body).contains("\"title\":\"Sentiment quiz\""))
            #expect(try await client.execute(uri: "/api/assessments/dictation", method: .get).status == .notFound)

            let path = tests + "/sentiment-quiz/assessment.md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.replacingOccurrences(of: "title: Sentiment quiz", with: "title: Feelings quiz").utf8))
            try handle.close()
            try FileManager.default.copyItem(atPath: WebFixture.root + "/Assessments/dictation", toPath: tests + "/dictation")

            let after = try await client.execute(uri: "/api/assessments", method: .get)
            #expect(String(buffer: after.body).contains("\"title\":\"Feelings quiz\""))
            #expect(try await client.execute(uri: "/api/assessments/dictation", method: .get).status == .ok)
        }
    }
}
