import Foundation
import Grading

/// Runs one claimed job of each kind, outside any transaction, and says what it made. It
/// writes to the gradebook only through lease-checked steps, so a worker that lost its job
/// to another changes nothing.
public struct JobRunner: Sendable {
    public let gradebook: Gradebook
    /// Who runs the jobs (`worker:<pid>@<host>`), as written in the job table.
    public let worker: String
    /// The folder of a served test, by id; nil when the course has no such test.
    public let folder: @Sendable (String) -> String?

    public init(gradebook: Gradebook, worker: String, folder: @escaping @Sendable (String) -> String?) {
        self.gradebook = gradebook
        self.worker = worker
        self.folder = folder
    }

    /// Why a job failed, and whether trying again later may help (a busy or unreachable
    /// database may; a test that does not load will not until someone fixes it).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var mayPass: Bool
        public var description: String { message }
    }

    /// The job's result as JSON text.
    ///
    /// - Throws: ``Failure``.
    public func run(_ job: Job) throws(Failure) -> String {
        do {
            switch job.kind {
            case .rescore: return try rescore(job)
            case .cohortStatistics: return try statistics(job)
            case .export: return try export(job)
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as GradebookError {
            throw Failure(message: error.description, mayPass: error.mayPass)
        } catch {
            throw Failure(message: "\(error)", mayPass: false)
        }
    }

    /// The test as its files are now.
    private func assessment(_ id: String) throws(Failure) -> Assessment {
        guard let folder = folder(id) else {
            throw Failure(message: "no test '\(id)' in the course this worker serves", mayPass: false)
        }
        let loaded = AssessmentLoader().load(folder: folder)
        guard let assessment = loaded.assessment, loaded.errors.isEmpty else {
            throw Failure(
                message: "the test at '\(folder)' has errors; fix them ('groundwork check \(folder)') and queue the job again",
                mayPass: false)
        }
        return assessment
    }

    /// Replays every finished attempt scored against another version of the test's files,
    /// and records the new results with the old ones kept, in one transaction.
    private func rescore(_ job: Job) throws -> String {
        let test = try assessment(job.assessmentID)
        var replayed: [(attempt: Attempt, result: AttemptResult)] = []
        var skipped: [String] = []
        let stale = try gradebook.finishedAttempts(assessmentID: test.id).filter { $0.assessmentVersion != test.version }
        for (index, attempt) in stale.enumerated() {
            if index > 0 && index % 500 == 0 { try gradebook.renewLease(jobID: job.id ?? 0, worker: worker) }
            do {
                replayed.append((attempt, try gradebook.rescored(attempt, with: test)))
            } catch {
                skipped.append("attempt #\(attempt.id ?? 0) (\(attempt.learnerID)): \(error)")
            }
        }
        let recorded = try gradebook.recordJobRescores(jobID: job.id ?? 0, worker: worker, version: test.version, replayed)
        skipped += recorded.changedMeanwhile.map { "attempt #\($0): re-scored by someone else meanwhile" }
        return JSONText.encode(
            JSONValue.object([
                "assessmentID": .string(test.id), "version": .string(test.version), "examined": .number(Double(stale.count)),
                "changed": .number(Double(recorded.rescores.count)), "skipped": .array(skipped.map(JSONValue.string)),
            ]))
    }

    private func statistics(_ job: Job) throws -> String {
        let test = try assessment(job.assessmentID)
        let cohortID = job.cohortID ?? 0
        guard let cohort = try gradebook.cohort(id: cohortID) else { throw Failure(message: "no cohort #\(cohortID)", mayPass: false) }
        let read = try gradebook.latestExamSheets(cohortID: cohortID, for: test)
        let report: CohortReport
        do {
            report = try CohortStatistics.analyze(read.sheets, for: test)
        } catch {
            throw Failure(message: "\(cohort.name): \(error.message)", mayPass: false)
        }
        let analysis = try JSONValue.parse(Array(report.jsonText().utf8), path: "report")
        return JSONText.encode(
            JSONValue.object([
                "assessmentID": .string(test.id), "cohort": .string(cohort.name), "learners": .number(Double(read.sheets.count)),
                "problems": .array(read.problems.map(JSONValue.string)), "report": analysis, "csv": .string(report.csv()),
            ]))
    }

    /// Every finished exam of the cohort's learners at the test, as answers files named as
    /// `groundwork export attempts` names them.
    private func export(_ job: Job) throws -> String {
        let cohortID = job.cohortID ?? 0
        guard try gradebook.cohort(id: cohortID) != nil else { throw Failure(message: "no cohort #\(cohortID)", mayPass: false) }
        var files: [JSONValue] = []
        for member in try gradebook.members(ofCohort: cohortID) where member.place == .learner {
            let name = member.account.username
            for attempt in try gradebook.learner(member.account.learnerID).exportAttempts(learnerName: name, assessmentID: job.assessmentID)
            {
                files.append(.object(["name": .string(attempt.fileName(learnerName: name)), "json": .string(attempt.json)]))
            }
        }
        return JSONText.encode(JSONValue.object(["assessmentID": .string(job.assessmentID), "files": .array(files)]))
    }
}
