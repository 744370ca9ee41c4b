import Courseware
import Foundation
import Gradebook
import Grading
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import GroundworkWeb

/// Background jobs from the mentor's cohort page: a mentor queues their own cohort's jobs
/// only, a re-score needs an admin, and a result is downloaded once a worker made it.
struct MentorJobsTests {
    @Test func aMentorQueuesTheirCohortsExportAndDownloadsWhatTheWorkerMade() async throws {
        let folder = try TemporaryFolder()
        let gradebook = try Gradebook.open(directory: folder.path + "/data")
        let site = try await Site(
            course: try CourseLoader.load(from: WebFixture.root + "/Content"),
            catalog: AssessmentCatalog(folder: WebFixture.root + "/Assessments"), gradebook: gradebook)
        var people: [String: Account] = [:]
        for (name, role) in [("mia", Role.mentor), ("max", .mentor), ("ana", .learner)] {
            people[name] = try gradebook.createAccount(
                username: name, password: AccountAccessTests.password, role: role, actor: "cli", cost: 4)
        }
        let (autumn, spring) = (
            try gradebook.createCohort(name: "Autumn", actor: "cli"), try gradebook.createCohort(name: "Spring", actor: "cli")
        )
        try gradebook.addMember(people["mia"]!.id!, toCohort: autumn.id!, as: .mentor, actor: "cli")
        try gradebook.addMember(people["max"]!.id!, toCohort: spring.id!, as: .mentor, actor: "cli")
        try gradebook.addMember(people["ana"]!.id!, toCohort: autumn.id!, as: .learner, actor: "cli")
        let test = try site.assessment("sentiment-quiz")
        let book = gradebook.learner(people["ana"]!.learnerID)
        guard case .started(let record) = try book.begin(test, seed: 1, holder: Site.holder) else { throw WebTestFailure("no start") }
        var attempt = try RecordedAttempt.load(record, of: test, in: book, holder: Site.holder)
        while attempt.session.current != nil { _ = try attempt.answer(.singleChoice("POSITIVE")) }
        _ = try attempt.finish()
        let attemptID = attempt.id

        let app = Application(router: WebServer.router(site: site, accounts: ClassServer()))
        try await app.test(.router) { client in
            let (mia, max, ana) = (WebClient(client: client), WebClient(client: client), WebClient(client: client))
            try await AccountAccessTests.signIn(mia, "mia")
            try await AccountAccessTests.signIn(max, "max")
            try await AccountAccessTests.signIn(ana, "ana")
            let export = [("kind", "export"), ("test", "sentiment-quiz")]
            #expect(try await ana.post("/mentor/cohorts/\(autumn.id!)/jobs", form: export).status == .forbidden)
            #expect(try await max.post("/mentor/cohorts/\(autumn.id!)/jobs", form: export).status == .notFound)
            #expect(
                try await mia.post("/mentor/cohorts/\(autumn.id!)/jobs", form: [("kind", "rescore"), ("test", "sentiment-quiz")]).status
                    == .forbidden)
            #expect(
                try await mia.post("/mentor/cohorts/\(autumn.id!)/jobs", form: [("kind", "nap"), ("test", "x")]).status
                    == .unprocessableContent)
            #expect(try await mia.post("/mentor/cohorts/\(autumn.id!)/jobs", form: export).status == .seeOther)
            let job = try #require(try gradebook.jobs(cohortID: autumn.id!).first)
            #expect(job.kind == .export && job.requestedBy == "mia")
            #expect(try await mia.get("/mentor/cohorts/\(autumn.id!)").text.contains("waiting for a worker"))
            #expect(try await mia.get("/mentor/cohorts/\(autumn.id!)/jobs/\(job.id!)/result").status == .conflict)

            let worker = JobWorker(runner: JobRunner(gradebook: gradebook, worker: "w") { _ in nil })
            guard case .ran(let ran) = try worker.step() else { throw WebTestFailure("the worker ran nothing") }
            #expect(ran.status == .done)
            #expect(try await max.get("/mentor/cohorts/\(autumn.id!)/jobs/\(job.id!)/result").status == .notFound)
            let download = try await mia.get("/mentor/cohorts/\(autumn.id!)/jobs/\(job.id!)/result")
            #expect(download.status == .ok)
            #expect(download.text.contains("sentiment-quiz-ana-attempt-\(attemptID).json"))
        }
    }
}
