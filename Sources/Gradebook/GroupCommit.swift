import Foundation
import GRDB

/// Commits writes that arrive together in one transaction, so they share one sync to disk.
///
/// Every commit in WAL mode with `synchronous=FULL` waits for the disk (about 4 ms here), so
/// one-by-one commits cap a gradebook at a few hundred answers a second however many
/// requests wait. Here the first writer to arrive leads: it takes every write queued so far,
/// runs each in a savepoint of one transaction (a write that throws undoes only itself and
/// gets its own error), commits once, and hands every writer its result; writers that came
/// meanwhile form the next batch. Nothing is acknowledged before its commit, so durability
/// is that of a single write; a lone writer pays nothing extra.
final class GroupCommit: @unchecked Sendable {
    /// One queued write. Its closure is dropped as soon as it has run, since the caller's
    /// closure must not outlive the caller's call.
    private final class Job {
        var body: ((Database) throws -> Any)?
        var outcome: Result<Any, any Error>?
        var result: Result<Any, any Error>?

        init(_ body: @escaping (Database) throws -> Any) { self.body = body }
    }

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var leading = false

    /// Runs `body` in a write transaction, possibly shared with concurrent writes, and
    /// returns once that transaction has committed (or failed).
    func write<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        let value = try withoutActuallyEscaping(body) { body in
            let job = Job { try body($0) }
            condition.lock()
            queue.append(job)
            while job.result == nil {
                if leading {
                    condition.wait()
                    continue
                }
                leading = true
                let batch = queue
                queue.removeAll()
                condition.unlock()
                let committed = Result { try writer.write { db in Self.run(batch, in: db) } }
                condition.lock()
                for member in batch {
                    member.body = nil
                    switch committed {
                    case .success: member.result = member.outcome
                    case .failure(let error): member.result = .failure(error)
                    }
                }
                leading = false
                condition.broadcast()
            }
            condition.unlock()
            return try job.result?.get()
        }
        guard let typed = value as? T else { preconditionFailure("a grouped write returned another type") }
        return typed
    }

    /// Each job in its own savepoint, so one that throws leaves the others' writes in place.
    private static func run(_ batch: [Job], in db: Database) {
        for job in batch {
            guard let body = job.body else { continue }
            job.body = nil
            do {
                var value: Any?
                try db.inSavepoint {
                    value = try body(db)
                    return .commit
                }
                job.outcome = .success(value as Any)
            } catch {
                job.outcome = .failure(error)
            }
        }
    }
}
