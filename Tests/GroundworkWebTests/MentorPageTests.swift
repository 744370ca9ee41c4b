import Courseware
import Foundation
import Gradebook
import Grading
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import GroundworkWeb

/// `/mentor/ID/stats`, the item analysis of a mentor's server (`serve --cohorts`).
struct MentorPageTests {
    static let cohort = WebFixture.root + "/Tests/GradingTests/Fixtures/Cohort"

    /// A site over the generated mentor-trial test, with `cohorts` as given.
    private func site(cohorts: String?) async throws -> (Site, TemporaryFolder) {
        let folder = try TemporaryFolder()
        var site = try await Site(
            course: try CourseLoader.load(from: WebFixture.root + "/Content"), catalog: AssessmentCatalog(folder: Self.cohort),
            gradebook: try Gradebook.open(directory: folder.path + "/data"))
        site.cohorts = cohorts
        return (site, folder)
    }

    private func get(_ site: Site, _ uri: String) async throws -> TestResponse {
        let app = Application(router: WebServer.router(site: site, allowedHosts: [], simulatedLearners: false))
        return try await app.test(.router) { client in try await client.execute(uri: uri, method: .get) }
    }

    @Test func aMentorsServerShowsTheCohortsItemAnalysisWithThePlantedItemFlagged() async throws {
        let cohorts = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Self.cohort + "/answers", toPath: cohorts.path + "/mentor-trial")
        let (site, _) = try await site(cohorts: cohorts.path)
        let page = try await get(site, "/mentor/mentor-trial/stats")
        #expect(page.status == .ok)
        let html = String(buffer: page.body)
        #expect(html.contains("<h1>Item analysis: Mentor trial</h1>"))
        #expect(html.contains("<li>s5: weaker learners do better than stronger ones; check the gold;"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">s5</th><td>single-choice</td><td>0.07</td><td>0.00</td><td>-0.08</td><td>0.02</td><td>93%</td>"))
        #expect(html.contains("<caption>s5</caption>"))
        #expect(html.contains("<tr><th scope=\"row\">NEUTRAL</th><td>gold</td>"))
        #expect(!html.contains("unstable figures"))
        #expect(html.contains("<p>Missed by nearly everyone (at least 80% scored 0): s5 (93%)</p>"))

        // The JSON twin is `groundwork stats --format json`, byte for byte.
        let api = try await get(site, "/api/mentor/mentor-trial/stats")
        #expect(api.status == .ok)
        let test = try AssessmentLoader().loadChecked(folder: Self.cohort + "/mentor-trial")
        let sheets = try AnswerFolder.load(Self.cohort + "/answers", for: test).entries.map(\.sheet)
        #expect(String(buffer: api.body) == (try CohortStatistics.analyze(sheets, for: test)).jsonText())
    }

    @Test func aLearnersServerHasNoItemAnalysis() async throws {
        let (site, _) = try await site(cohorts: nil)
        let page = try await get(site, "/mentor/mentor-trial/stats")
        #expect(page.status == .notFound)
        #expect(!String(buffer: page.body).contains("NEUTRAL"))
    }
}
