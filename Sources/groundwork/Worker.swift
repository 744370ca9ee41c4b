import ArgumentParser
import Foundation
import Gradebook
import Synchronization

/// `groundwork worker`: runs the batch jobs that mentors and servers queue (re-scoring after
/// a gold fix, cohort statistics, exports), on any machine that reaches the gradebook.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run queued batch jobs (re-scores, cohort statistics, exports) until stopped.",
        discussion: """
            Claims the oldest due job, runs it and records its result, one job at a time;
            start as many workers as you like, on as many machines as reach the gradebook:
            no two run the same job. A worker killed mid-job leaves the job to the next
            claim once its lease (\(Int(JobQueue.lease)) s) runs out; a job whose worker
            stopped \(JobQueue.maxTries) times is marked failed. Ctrl-C or SIGTERM lets the
            job at hand finish, then stops.

            Exit status: 0 when stopped (or, with --once, when no job was due), 2 when the
            gradebook cannot be opened.

            Examples:
              groundwork worker
              groundwork worker --once            # run what is due, then stop (cron)
            """
    )

    @Flag(help: "Run the jobs that are due, then stop.") var once = false
    @Option(help: ArgumentHelp("Seconds between looks at an empty queue.", valueName: "seconds")) var poll: Double = 2
    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard poll >= 0.1 && poll <= 3600 else { throw ValidationError("--poll is 0.1 to 3600 seconds") }
    }

    func run() throws {
        let gradebook = try data.gradebook()
        let options = assessments
        let worker = JobWorker(
            runner: JobRunner(gradebook: gradebook, worker: JobWorker.name()) { id in
                id.contains("/") ? nil : try? options.resolve(id)
            })
        Self.stopOnSignals()
        Terminal.printError("groundwork: \(worker.runner.worker) is waiting for jobs\(once ? "" : " (Ctrl-C stops it)")")
        while !Self.stopping.load(ordering: .relaxed) {
            let step: JobWorker.Step
            do {
                step = try worker.step()
            } catch {
                // The database may be restarting: say so, wait, and try again.
                if once { throw error }
                Terminal.printError("groundwork: \(Groundwork.inputOutputMessage(for: error) ?? "\(error)"); trying again in \(poll) s")
                Thread.sleep(forTimeInterval: poll)
                continue
            }
            switch step {
            case .idle:
                if once { return }
                Thread.sleep(forTimeInterval: poll)
            case .ran(let job):
                print(JobText.line(job))
            case .lostLease(let id):
                Terminal.printError("groundwork: job #\(id) was taken over by another worker; this run's result was dropped")
            }
        }
    }

    /// Set by SIGINT or SIGTERM; the loop ends after the job at hand.
    static let stopping = Atomic<Bool>(false)

    private static func stopOnSignals() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { _ in Worker.stopping.store(true, ordering: .relaxed) }
        }
    }
}
