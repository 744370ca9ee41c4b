import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork jobs`: queue batch work for workers and read what it made (for mentors).
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Queue batch work for 'groundwork worker' and read its results (for mentors).",
        subcommands: [List.self, Add.self, Show.self],
        defaultSubcommand: List.self
    )

    /// `groundwork jobs list`: the newest jobs.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The newest jobs, newest first.")
        @Option(help: ArgumentHelp("How many.", valueName: "n")) var limit = 20
        @OptionGroup var data: DataOptions

        func run() throws {
            let jobs = try data.gradebook().jobs(limit: max(1, limit))
            guard !jobs.isEmpty else {
                print("No jobs yet. 'groundwork jobs add rescore TEST' queues one; 'groundwork worker' runs them.")
                return
            }
            for job in jobs { print(JobText.line(job)) }
        }
    }

    /// `groundwork jobs add KIND TEST`: queues a job.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Queue a job: rescore TEST, cohort-statistics TEST --cohort C, export TEST --cohort C.",
            discussion: """
                rescore replays every finished attempt at TEST that was scored against other
                files (after you fixed a gold answer by hand) and keeps each old result.
                cohort-statistics is the item analysis of a cohort's latest exams at TEST;
                export writes the cohort's finished exams at TEST as answers files
                ('groundwork jobs show N --out FOLDER'). A worker must be running to do them.

                Examples:
                  groundwork jobs add rescore sentiment-quiz
                  groundwork jobs add cohort-statistics sentiment-quiz --cohort spring
                """
        )
        @Argument(help: ArgumentHelp("rescore, cohort-statistics or export.", valueName: "kind")) var kindName: String
        var kind: Job.Kind { Job.Kind(rawValue: kindName) ?? .rescore }
        @Argument(help: "The test's id.") var test: String
        @Option(help: ArgumentHelp("The cohort, by name or number (statistics, export).", valueName: "cohort")) var cohort: String?
        @OptionGroup var assessments: AssessmentOptions
        @OptionGroup var data: DataOptions

        func validate() throws {
            guard Job.Kind(rawValue: kindName) != nil else {
                throw ValidationError("the kind is rescore, cohort-statistics or export, not '\(kindName)'")
            }
            if kind != .rescore && cohort == nil { throw ValidationError("\(kind.rawValue) needs --cohort") }
            if kind == .rescore && cohort != nil { throw ValidationError("rescore covers every learner; leave out --cohort") }
        }

        func run() throws {
            _ = try assessments.resolve(test)
            guard !test.contains("/") else { throw CommandError("give the test's id, not a path: workers find it in their course") }
            let gradebook = try data.gradebook()
            var cohortID: Int64?
            if let cohort {
                let cohorts = try gradebook.cohorts()
                guard let found = cohorts.first(where: { $0.name == cohort || "\($0.id ?? 0)" == cohort }) else {
                    let names = cohorts.map(\.name)
                    throw CommandError("no cohort '\(cohort)'\(names.isEmpty ? "" : "; there are: \(names.joined(separator: ", "))")")
                }
                cohortID = found.id
            }
            let job = try gradebook.enqueue(
                kind, assessmentID: test, cohortID: cohortID, requestedBy: ContestsCommand.actor)
            print(
                "Queued job #\(job.id ?? 0) (\(kind.rawValue) \(test)); 'groundwork worker' runs it, 'groundwork jobs show \(job.id ?? 0)' reads it."
            )
        }
    }

    /// `groundwork jobs show N`: a job's status and result.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "A job's status and result; --out writes an export's files.")
        @Argument(help: "The job's number.") var id: Int64
        @Option(help: ArgumentHelp("For an export: the folder to write its answers files into.", valueName: "folder")) var out: String?
        @OptionGroup var data: DataOptions

        func run() throws {
            let gradebook = try data.gradebook()
            guard let job = try gradebook.job(id: id) else { throw CommandError("no job #\(id); 'groundwork jobs' lists them") }
            print(JobText.line(job))
            if let error = job.error { print("  last error: \(TerminalStyle.sanitize(error))") }
            guard let result = job.resultJSON else { return }
            if let out {
                guard job.kind == .export else { throw CommandError("--out is for export jobs; job #\(id) is \(job.kind.rawValue)") }
                let files = try JobText.exportedFiles(result)
                try write(files, to: out)
                print("Wrote \(files.count) answers file\(files.count == 1 ? "" : "s") to \(TerminalStyle.sanitize(out)).")
            } else {
                print(TerminalStyle.sanitize(result), terminator: "")
            }
        }

        private func write(_ files: [(name: String, json: String)], to folder: String) throws {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for file in files {
                    try Data(file.json.utf8).write(to: URL(fileURLWithPath: WorkspaceFolder.join(folder, file.name)), options: .atomic)
                }
            } catch {
                throw CommandError("cannot write into '\(folder)': \(error.localizedDescription)")
            }
        }
    }
}

/// How a job reads on one line of a terminal.
enum JobText {
    static func line(_ job: Job) -> String {
        var line = "#\(job.id ?? 0) \(job.kind.rawValue) \(TerminalStyle.sanitize(job.assessmentID))"
        if let cohort = job.cohortID { line += " (cohort #\(cohort))" }
        line += ": \(job.status.rawValue)"
        if job.tries > 1 { line += " (try \(job.tries))" }
        if let worker = job.worker, job.status == .running { line += " on \(worker)" }
        return line
    }

    /// The answers files of an export job's result.
    static func exportedFiles(_ result: String) throws -> [(name: String, json: String)] {
        guard case .object(let object) = try? JSONValue.parse(Array(result.utf8), path: "result"),
            case .array(let entries) = object["files"]
        else { throw CommandError("the job's result is not an export") }
        return entries.compactMap { entry in
            guard case .object(let file) = entry, case .string(let name) = file["name"], case .string(let json) = file["json"],
                !name.contains("/"), !name.hasPrefix(".")
            else { return nil }
            return (name, json)
        }
    }
}
