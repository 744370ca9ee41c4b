import Courseware
import Foundation
import Gradebook
import Grading
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import GroundworkWeb

/// The mentor's dashboard on a class server: deciding a contest edits the gold through
/// ContestDesk, is audited, and new attempts on this server use the new gold at once.
struct MentorDashboardTests {
    @Test func aMentorAcceptsTheirLearnersContestAndTheServerServesTheNewGold() async throws {
        // A copy of the test's folder: accepting edits its items.yaml.
        let folder = try TemporaryFolder()
        let copy = folder.path + "/Assessments/sentiment-quiz"
        try FileManager.default.createDirectory(atPath: folder.path + "/Assessments", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WebFixture.root + "/Assessments/sentiment-quiz", toPath: copy)
        let gradebook = try Gradebook.open(directory: folder.path + "/data")
        let site = try await Site(
            course: try CourseLoader.load(from: WebFixture.root + "/Content"),
            catalog: AssessmentCatalog(folder: folder.path + "/Assessments"), gradebook: gradebook)
        let password = AccountAccessTests.password
        var people: [String: Account] = [:]
        for (name, role) in [("mia", Role.mentor), ("max", .mentor), ("ana", .learner)] {
            people[name] = try gradebook.createAccount(username: name, password: password, role: role, actor: "cli", cost: 4)
        }
        let (autumn, spring) = (
            try gradebook.createCohort(name: "Autumn", actor: "cli"), try gradebook.createCohort(name: "Spring", actor: "cli")
        )
        try gradebook.addMember(people["mia"]!.id!, toCohort: autumn.id!, as: .mentor, actor: "cli")
        try gradebook.addMember(people["max"]!.id!, toCohort: spring.id!, as: .mentor, actor: "cli")
        try gradebook.addMember(people["ana"]!.id!, toCohort: autumn.id!, as: .learner, actor: "cli")

        // Ana answers POSITIVE throughout and contests q3, whose gold is not POSITIVE.
        let test = try site.assessment("sentiment-quiz")
        let book = gradebook.learner(people["ana"]!.learnerID)
        guard case .started(let record) = try book.begin(test, seed: 1, holder: Site.holder) else { throw WebTestFailure("no start") }
        var attempt = try RecordedAttempt.load(record, of: test, in: book, holder: Site.holder)
        while attempt.session.current != nil { _ = try attempt.answer(.singleChoice("POSITIVE")) }
        _ = try attempt.finish()
        let before = try #require(try book.attempt(id: attempt.id)?.score)
        let contest = try book.contestFromReport(attemptID: attempt.id, itemID: "q3", reason: "It is upbeat.", assessment: test)
        #expect(test.item("q3")?.score(.singleChoice("POSITIVE")).score == 0)

        let (anaID, attemptID) = (people["ana"]!.id!, attempt.id)
        let app = Application(router: WebServer.router(site: site, accounts: ClassServer()))
        try await app.test(.router) { client in
            let (mia, max) = (WebClient(client: client), WebClient(client: client))
            try await AccountAccessTests.signIn(mia, "mia")
            try await AccountAccessTests.signIn(max, "max")
            #expect(try await max.get("/mentor/contests").text.contains("It is upbeat.") == false)
            #expect(try await max.post("/mentor/contests/\(contest.id!)/accept", form: []).status == .notFound)
            let listed = try await mia.get("/mentor/contests")
            #expect(listed.text.contains("It is upbeat.") && listed.text.contains("ana"))
            let accepted = try await mia.post("/mentor/contests/\(contest.id!)/accept", form: [("reply", "Right, it is upbeat.")])
            #expect(accepted.status == .seeOther)
            #expect(try await mia.post("/mentor/contests/\(contest.id!)/reject", form: [("reply", "no")]).status == .unprocessableContent)
            let analysis = try await mia.get("/mentor/cohorts/\(autumn.id!)/tests/sentiment-quiz/stats")
            // One learner's exam is read from the gradebook; the analysis says it needs two.
            #expect(analysis.status == .unprocessableContent && analysis.text.contains("at least 2 learners, got 1"))
            let report = try await mia.get("/mentor/cohorts/\(autumn.id!)/learners/\(anaID)/attempts/\(attemptID)")
            #expect(report.status == .ok && report.text.contains("ana: Sentiment quiz"))
            #expect(
                try await max.get("/mentor/cohorts/\(spring.id!)/tests/sentiment-quiz/stats").status == .notFound,
                "nobody in Spring took it")
        }
        #expect(try gradebook.contest(id: contest.id!)?.status == .accepted)
        #expect(try #require(try book.attempt(id: attempt.id)?.score) > before, "the past attempt was re-scored")
        #expect(try site.assessment("sentiment-quiz").item("q3")?.score(.singleChoice("POSITIVE")).score == 1, "served at once")
        let entry = try #require(try gradebook.auditLog().first)
        #expect(entry.action == "gold.change" && entry.actor == "mia" && entry.subject == "contest:\(contest.id!)")
        #expect(entry.detail.contains("sentiment-quiz/q3") && entry.detail.contains("\"POSITIVE\""))
    }
}
