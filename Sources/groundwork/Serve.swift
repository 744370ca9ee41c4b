import ArgumentParser
import Foundation
import Gradebook
import Grading
import GroundworkWeb

/// `groundwork serve`: the web app over the same course, tests and gradebook.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web app: read the course and take the practice tests in a browser.",
        discussion: """
            Prints 'Listening on http://HOST:PORT' once it accepts connections; open that
            address in a browser. It uses the same gradebook as the terminal, so an attempt
            started with 'take' continues in the browser and the other way round. Ctrl-C
            stops it. It listens on 127.0.0.1 (this computer only) unless --host says
            otherwise; there are no accounts yet, so a wider address lets anyone who can
            reach it act as you.

            Examples:
              groundwork serve
              groundwork serve --port 0          pick a free port
              groundwork serve --data-dir /tmp/trial
              groundwork serve --cohorts cohorts/   a mentor's server: /mentor/ID/stats
            """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0 picks a free one).") var port = 8080
    @Option(
        help: ArgumentHelp(
            "A mentor's folder of cohorts (ID/*.json answers files per test): serves their item analysis at /mentor/ID/stats, gold included.",
            valueName: "folder"))
    var cohorts: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    }

    func run() async throws {
        let course = try course.loadCourse()
        let catalog = AssessmentCatalog(folder: assessments.folder() ?? "Assessments")
        let gradebook = try data.learnerBook().gradebook
        var site = try await Site(course: course, catalog: catalog, gradebook: gradebook)
        site.generated = data.generatedPractice()
        if let cohorts {
            guard WorkspaceFolder.isDirectory(cohorts) else { throw CommandError("--cohorts '\(cohorts)' is not a folder") }
            site.cohorts = cohorts
        }
        let address = WebServer.Address(host: host, port: port)
        if !address.isLoopback {
            Terminal.printError("groundwork: warning: listening on \(host) without accounts: anyone who can reach it acts as you")
        }
        // A load benchmark's aid, like GROUNDWORK_NOW for tests: simulated learners by header.
        let simulated = ProcessInfo.processInfo.environment["GROUNDWORK_BENCH_LEARNERS"] == "1"
        try await WebServer.run(site: site, address: address, simulatedLearners: simulated) { url in
            // Written straight to the descriptor: a script waiting for this line must see it at once.
            let line = Array("Listening on \(url)\n".utf8)
            _ = line.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        }
    }
}
