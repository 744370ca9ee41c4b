public import Foundation

/// The job queue. Every step is one short transaction, so a worker holds no lock while it
/// works: it claims a job (taking a lease), runs it outside any transaction, and records the
/// outcome only if it still holds the lease. A worker killed mid-job leaves the job running
/// until its lease runs out; the next claim takes it again, up to ``JobQueue/maxTries``.
extension Gradebook {
    /// Adds a job for any worker to run: a re-score of `assessmentID` for everyone, or a
    /// cohort's statistics or export.
    ///
    /// - Throws: ``JobError/needsCohort(_:)`` for statistics or an export without a cohort.
    public func enqueue(_ kind: Job.Kind, assessmentID: String, cohortID: Int64? = nil, requestedBy: String) throws -> Job {
        if kind != .rescore && cohortID == nil { throw JobError.needsCohort(kind) }
        let now = now()
        return try write { db in
            var job = Job(
                id: nil, kind: kind, assessmentID: assessmentID, cohortID: kind == .rescore ? nil : cohortID, status: .queued,
                requestedBy: requestedBy, createdAt: now,
                runAfter: now, tries: 0, worker: nil, claimedAt: nil, leaseUntil: nil, finishedAt: nil, resultJSON: nil, error: nil)
            job.id = try db.insertNew(job)
            return job
        }
    }

    /// Takes the oldest job that is due (queued and past its back-off, or running on a lease
    /// that ran out) for `worker`, holding it for `lease`; nil when there is none.
    ///
    /// A job claimed more than ``JobQueue/maxTries`` times is marked failed instead (a job that
    /// kills every worker that runs it must not kill them all forever).
    public func claimJob(worker: String, lease: TimeInterval = JobQueue.lease) throws(GradebookError) -> Job? {
        let now = now()
        return try write { db -> Job? in
            // The subquery's row is the one updated. On PostgreSQL, `SKIP LOCKED` lets two
            // workers claiming at once each take a different job instead of waiting for (and
            // then both updating) the same one; SQLite has one writer at a time, which gives
            // the same guarantee without it.
            let skipLocked = db.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            while true {
                guard
                    let job = try db.fetchOne(
                        Job.self,
                        """
                        UPDATE job SET status = 'running', worker = ?, claimedAt = ?, leaseUntil = ?, tries = tries + 1
                        WHERE id = (SELECT id FROM job
                                    WHERE (status = 'queued' AND runAfter <= ?) OR (status = 'running' AND leaseUntil < ?)
                                    ORDER BY id LIMIT 1\(skipLocked))
                        RETURNING *
                        """,
                        worker, now, now.addingTimeInterval(lease), now, now)
                else { return nil }
                guard job.tries > JobQueue.maxTries else { return job }
                try db.execute(
                    "UPDATE job SET status = 'failed', finishedAt = ?, leaseUntil = NULL, error = ? WHERE id = ?",
                    now, JobQueue.abandonedMessage(job), job.id ?? 0)
            }
        }
    }

    /// Extends a running job's lease (a long job's heartbeat).
    ///
    /// - Throws: ``JobError/leaseLost(_:)`` when another worker has taken the job over.
    public func renewLease(jobID: Int64, worker: String, lease: TimeInterval = JobQueue.lease) throws {
        let now = now()
        try requireLease(jobID) { db in
            try db.rows(
                "UPDATE job SET leaseUntil = ? WHERE id = ? AND worker = ? AND status = 'running' RETURNING id",
                now.addingTimeInterval(lease), jobID, worker)
        }
    }

    /// Records a job's result, if `worker` still holds it.
    ///
    /// - Throws: ``JobError/leaseLost(_:)`` when another worker has taken the job over.
    public func finishJob(_ jobID: Int64, worker: String, resultJSON: String) throws {
        let now = now()
        try requireLease(jobID) { db in
            try db.rows(
                """
                UPDATE job SET status = 'done', finishedAt = ?, leaseUntil = NULL, resultJSON = ?, error = NULL
                WHERE id = ? AND worker = ? AND status = 'running' RETURNING id
                """,
                now, resultJSON, jobID, worker)
        }
    }

    /// Records why a job failed: it is queued again after a back-off when `retry` and it has
    /// tries left, else it fails for good.
    ///
    /// - Throws: ``JobError/leaseLost(_:)`` when another worker has taken the job over.
    public func failJob(_ jobID: Int64, worker: String, error message: String, retry: Bool) throws {
        let now = now()
        try requireLease(jobID) { db in
            let tries = try db.value(Int.self, "SELECT tries FROM job WHERE id = ?", jobID) ?? JobQueue.maxTries
            if retry && tries < JobQueue.maxTries {
                return try db.rows(
                    """
                    UPDATE job SET status = 'queued', runAfter = ?, leaseUntil = NULL, error = ?
                    WHERE id = ? AND worker = ? AND status = 'running' RETURNING id
                    """,
                    now.addingTimeInterval(JobQueue.backOff(afterTry: tries)), message, jobID, worker)
            }
            return try db.rows(
                """
                UPDATE job SET status = 'failed', finishedAt = ?, leaseUntil = NULL, error = ?
                WHERE id = ? AND worker = ? AND status = 'running' RETURNING id
                """,
                now, message, jobID, worker)
        }
    }

    public func job(id: Int64) throws(GradebookError) -> Job? {
        try read { db in try db.fetchOne(Job.self, "SELECT * FROM job WHERE id = ?", id) }
    }

    /// The newest `limit` jobs, newest first; only those about cohort `cohortID` when given.
    public func jobs(cohortID: Int64? = nil, limit: Int = 100) throws(GradebookError) -> [Job] {
        try read { db in
            if let cohortID {
                return try db.fetchAll(Job.self, "SELECT * FROM job WHERE cohortID = ? ORDER BY id DESC LIMIT ?", cohortID, limit)
            }
            return try db.fetchAll(Job.self, "SELECT * FROM job ORDER BY id DESC LIMIT ?", limit)
        }
    }

    /// The re-scores job `jobID` made, by attempt.
    public func rescores(jobID: Int64) throws(GradebookError) -> [Rescore] {
        try read { db in try db.fetchAll(Rescore.self, "SELECT * FROM rescore WHERE jobID = ? ORDER BY attemptID", jobID) }
    }

    /// Runs an update of the job's row that returns the rows it changed; none means the
    /// lease was lost (another worker took the job, or it was finished meanwhile).
    private func requireLease(_ jobID: Int64, _ update: @escaping (any SQLConnection) throws -> [SQLRow]) throws {
        let changed = try write { db in try update(db) }
        if changed.isEmpty { throw JobError.leaseLost(jobID) }
    }
}

/// The queue's rules, in one place.
public enum JobQueue {
    /// How long a claim holds a job before another worker may take it (a worker renews it
    /// while it works).
    public static let lease: TimeInterval = 120
    /// Claims before a job is given up as one that keeps failing or killing its worker.
    public static let maxTries = 3

    /// Seconds before a failed job's next try: 5 s, then 25 s, then 125 s.
    static func backOff(afterTry tries: Int) -> TimeInterval { pow(5, Double(max(tries, 1))) }

    static func abandonedMessage(_ job: Job) -> String {
        "gave up after \(maxTries) tries: the worker running it stopped each time (last: \(job.worker ?? "unknown"))"
    }
}

/// What went wrong with a job, said so that a mentor knows what to do.
public enum JobError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another worker took the job over (this one was too slow to renew its lease).
    case leaseLost(Int64)
    /// Statistics and exports are about one cohort.
    case needsCohort(Job.Kind)

    public var description: String {
        switch self {
        case .leaseLost(let id): return "job #\(id) was taken over by another worker; its result here is dropped"
        case .needsCohort(let kind): return "a \(kind.rawValue) job needs a cohort"
        }
    }
}
