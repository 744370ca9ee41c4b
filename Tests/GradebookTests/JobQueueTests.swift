import Foundation
import Grading
import Synchronization
import Testing

@testable import Gradebook

/// The job queue: claims are exclusive, leases expire, failures retry with back-off, and the
/// three kinds of batch work do what a mentor asked.
struct JobQueueTests {
    @Test(arguments: TestStore.all) func eachDueJobGoesToOneWorkerOldestFirst(store: TestStore) throws {
        let database = TestDatabase(store)
        let gradebook = try database.open(clock: TestClock().now)
        let first = try gradebook.enqueue(.rescore, assessmentID: "yes-no", requestedBy: "cli")
        let second = try gradebook.enqueue(.rescore, assessmentID: "yes-no", requestedBy: "cli")
        #expect(try gradebook.claimJob(worker: "w1")?.id == first.id)
        #expect(try gradebook.claimJob(worker: "w2")?.id == second.id)
        #expect(try gradebook.claimJob(worker: "w3") == nil)
        #expect(try gradebook.job(id: first.id!)?.worker == "w1")
        #expect(try gradebook.job(id: second.id!)?.status == .running)
    }

    @Test(arguments: TestStore.all) func workersClaimingAtOnceNeverShareAJob(store: TestStore) throws {
        let database = TestDatabase(store)
        let gradebook = try database.open(clock: TestClock().now)
        for _ in 0..<40 { _ = try gradebook.enqueue(.rescore, assessmentID: "yes-no", requestedBy: "cli") }
        let claimed = Mutex<[Int64]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            while let job = try? gradebook.claimJob(worker: "w\(worker)"), let id = job.id {
                claimed.withLock { $0.append(id) }
            }
        }
        let ids = claimed.withLock { $0 }
        #expect(ids.count == 40)
        #expect(Set(ids).count == 40)
    }

    @Test(arguments: TestStore.all) func aJobWhoseWorkerVanishedIsClaimedAgainAndTheOldWorkerCannotFinishIt(store: TestStore) throws {
        let database = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try database.open(clock: clock.now)
        let job = try gradebook.enqueue(.rescore, assessmentID: "yes-no", requestedBy: "cli")
        _ = try gradebook.claimJob(worker: "gone")
        clock.advance(JobQueue.lease - 1)
        #expect(try gradebook.claimJob(worker: "w2") == nil)
        clock.advance(2)
        let again = try #require(try gradebook.claimJob(worker: "w2"))
        #expect(again.id == job.id && again.tries == 2)
        #expect(throws: JobError.leaseLost(job.id!)) { try gradebook.finishJob(job.id!, worker: "gone", resultJSON: "{}") }
        try gradebook.finishJob(job.id!, worker: "w2", resultJSON: "{\"ok\": true}")
        let done = try #require(try gradebook.job(id: job.id!))
        #expect(done.status == .done && done.resultJSON == "{\"ok\": true}" && done.finishedAt == clock.now())
    }

    @Test(arguments: TestStore.all) func aJobThatKeepsLosingItsWorkerIsGivenUp(store: TestStore) throws {
        let database = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try database.open(clock: clock.now)
        let job = try gradebook.enqueue(.rescore, assessmentID: "yes-no", requestedBy: "cli")
        for try_ in 1...JobQueue.maxTries {
            #expect(try gradebook.claimJob(worker: "crashing-\(try_)")?.tries == try_)
            clock.advance(JobQueue.lease + 1)
        }
        #expect(try gradebook.claimJob(worker: "next") == nil)
        let failed = try #require(try gradebook.job(id: job.id!))
        #expect(failed.status == .failed)
        #expect(failed.error?.contains("gave up after \(JobQueue.maxTries) tries") == true)
    }

    @Test(arguments: TestStore.all) func aFailureThatMayPassIsRetriedAfterABackOffAndOneThatStandsIsNot(store: TestStore) throws {
        let database = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try database.open(clock: clock.now)
        let retried = try gradebook.enqueue(.rescore, assessmentID: "yes-no", requestedBy: "cli")
        _ = try gradebook.claimJob(worker: "w")
        try gradebook.failJob(retried.id!, worker: "w", error: "database restarting", retry: true)
        #expect(try gradebook.job(id: retried.id!)?.status == .queued)
        #expect(try gradebook.claimJob(worker: "w") == nil)
        clock.advance(JobQueue.backOff(afterTry: 1))
        #expect(try gradebook.claimJob(worker: "w")?.id == retried.id)
        try gradebook.failJob(retried.id!, worker: "w", error: "no such test", retry: false)
        let failed = try #require(try gradebook.job(id: retried.id!))
        #expect(failed.status == .failed && failed.error == "no such test")
    }

    // MARK: The kinds

    /// A test folder whose q2 gold is wrong, and two learners' finished attempts at it.
    private final class Course {
        let database: TestDatabase
        let folder: String
        let gradebook: Gradebook
        let cohortID: Int64
        let clock = TestClock()

        init(_ store: TestStore) throws {
            database = TestDatabase(store)
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)/yes-no").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "---\ntitle: Yes or no\npass-mark: 75%\npolicy:\n  attempts: unlimited\n---\nGo.\n".write(
                toFile: folder + "/assessment.md", atomically: true, encoding: .utf8)
            try Self.items(q2: "no").write(toFile: folder + "/items.yaml", atomically: true, encoding: .utf8)
            gradebook = try database.open(clock: clock.now)
            let cohort = try gradebook.createCohort(name: "spring", actor: "cli")
            cohortID = cohort.id!
            let test = try AssessmentLoader().loadChecked(folder: folder)
            for (name, answers) in [("ana", [yes, yes, yes]), ("ben", [yes, no, yes])] {
                let account = try gradebook.createAccount(
                    username: name, password: "correct horse battery", role: .learner, actor: "cli", cost: 4)
                try gradebook.addMember(account.id!, toCohort: cohortID, as: .learner, actor: "cli")
                var attempt = try gradebook.learner(account.learnerID).start(test)
                for answer in answers { _ = try attempt.answer(answer) }
                _ = try attempt.finish()
            }
        }

        static func items(q2: String) -> String {
            ["q1": "yes", "q2": q2, "q3": "yes"].sorted { $0.key < $1.key }.map { id, gold in
                "- id: \(id)\n  kind: single-choice\n  prompt: Is it?\n  options: [yes, no]\n  answer: \(gold)\n  reason: Because.\n"
            }.joined(separator: "\n")
        }

        func worker() -> JobWorker {
            let folder = folder
            return JobWorker(runner: JobRunner(gradebook: gradebook, worker: "w") { $0 == "yes-no" ? folder : nil })
        }

        func run(_ kind: Job.Kind, cohort: Bool = false) throws -> Job {
            let job = try gradebook.enqueue(kind, assessmentID: "yes-no", cohortID: cohort ? cohortID : nil, requestedBy: "cli")
            guard case .ran(let ran) = try worker().step(), ran.id == job.id else {
                throw TestFailure("the worker did not run job #\(job.id ?? 0)")
            }
            return ran
        }

        func scores() throws -> [String: Double] {
            var scores: [String: Double] = [:]
            for attempt in try gradebook.finishedAttempts(assessmentID: "yes-no") { scores[attempt.learnerID] = attempt.score }
            return scores
        }

        deinit { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path) }
    }

    @Test(arguments: TestStore.all) func aRescoreJobReplaysAttemptsScoredAgainstOldFilesAndKeepsTheirOldResults(store: TestStore) throws {
        let course = try Course(store)
        let before = try course.scores()
        let ana = try #require(try course.gradebook.accounts().first { $0.username == "ana" })
        let ben = try #require(try course.gradebook.accounts().first { $0.username == "ben" })
        #expect(before[ana.learnerID].map { abs($0 - 2.0 / 3) < 1e-9 } == true)
        #expect(before[ben.learnerID] == 1)

        try Course.items(q2: "yes").write(toFile: course.folder + "/items.yaml", atomically: true, encoding: .utf8)
        let job = try course.run(.rescore)
        #expect(job.status == .done)
        let after = try course.scores()
        #expect(after[ana.learnerID] == 1)
        #expect(after[ben.learnerID].map { abs($0 - 2.0 / 3) < 1e-9 } == true)
        let rescores = try course.gradebook.rescores(jobID: job.id!)
        #expect(rescores.count == 2)
        #expect(rescores.first { $0.learnerID == ben.learnerID }?.oldScore == 1)
        #expect(job.resultJSON?.contains("\"changed\" : 2") == true)

        // Every attempt now carries the files' version: a second job has nothing to replay.
        let again = try course.run(.rescore)
        #expect(again.resultJSON?.contains("\"examined\" : 0") == true)
        #expect(try course.gradebook.rescores(jobID: again.id!).isEmpty)
    }

    @Test(arguments: TestStore.all) func statisticsAndExportJobsReadTheCohortsLatestExams(store: TestStore) throws {
        let course = try Course(store)
        let statistics = try course.run(.cohortStatistics, cohort: true)
        #expect(statistics.status == .done)
        let result = try #require(statistics.resultJSON)
        #expect(result.contains("\"learners\" : 2"))
        #expect(result.contains("\"cohort\" : \"spring\""))

        let export = try course.run(.export, cohort: true)
        #expect(export.status == .done)
        #expect(export.resultJSON?.contains("yes-no-ana-attempt-") == true)
        #expect(export.resultJSON?.contains("yes-no-ben-attempt-") == true)
    }

    @Test(arguments: TestStore.all) func aJobForATestTheWorkerDoesNotServeFailsAtOnceSayingWhy(store: TestStore) throws {
        let course = try Course(store)
        let job = try course.gradebook.enqueue(.rescore, assessmentID: "gone", requestedBy: "cli")
        guard case .ran(let ran) = try course.worker().step() else { throw TestFailure("no job ran") }
        #expect(ran.id == job.id && ran.status == .failed && ran.tries == 1)
        #expect(ran.error == "no test 'gone' in the course this worker serves")
        #expect(throws: JobError.needsCohort(.export)) {
            try course.gradebook.enqueue(.export, assessmentID: "yes-no", requestedBy: "cli")
        }
    }
}
