import Foundation

/// One worker's loop step: claim the oldest due job, run it, record how it went.
public struct JobWorker: Sendable {
    public let runner: JobRunner

    public init(runner: JobRunner) { self.runner = runner }

    /// The worker name of this process: `worker:<pid>@<host>`.
    public static func name() -> String {
        "worker:\(ProcessInfo.processInfo.processIdentifier)@\(ProcessInfo.processInfo.hostName)"
    }

    /// What one step did.
    public enum Step: Sendable, Equatable {
        /// No job was due.
        case idle
        /// The job ran and was recorded as it now stands (done, failed, or queued for a retry).
        case ran(Job)
        /// Another worker took the job over while this one ran it; nothing of this run was kept.
        case lostLease(Int64)
    }

    /// Claims one due job and runs it to its end.
    ///
    /// - Throws: ``GradebookError`` when the gradebook cannot be reached (the job, if claimed,
    ///   is claimed again when its lease runs out).
    public func step() throws -> Step {
        let gradebook = runner.gradebook
        guard let job = try gradebook.claimJob(worker: runner.worker), let id = job.id else { return .idle }
        do {
            do {
                let result = try runner.run(job)
                try gradebook.finishJob(id, worker: runner.worker, resultJSON: result)
            } catch let failure as JobRunner.Failure {
                try gradebook.failJob(id, worker: runner.worker, error: failure.message, retry: failure.mayPass)
            }
        } catch JobError.leaseLost(let lost) {
            return .lostLease(lost)
        }
        guard let recorded = try gradebook.job(id: id) else { return .idle }
        return .ran(recorded)
    }
}
