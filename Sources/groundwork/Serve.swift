import ArgumentParser
import Foundation
import Gradebook
import Grading
import GroundworkWeb

/// `groundwork serve`: the web app over the same course, tests and gradebook.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web app: read the course and take the practice tests in a browser.",
        discussion: """
            Prints 'Listening on http://HOST:PORT' once it accepts connections; open that
            address in a browser. It uses the same gradebook as the terminal, so an attempt
            started with 'take' continues in the browser and the other way round. Ctrl-C
            stops it. It listens on 127.0.0.1 (this computer only) unless --host says
            otherwise. Without --accounts there is one user and no login, so a wider
            address is refused unless --no-accounts-anywhere says you mean it.

            With --accounts it is a class server: learners, mentors and admins sign in,
            mentors have a dashboard at /mentor, admins /admin ('groundwork admin create'
            makes the first admin). Behind a TLS reverse proxy, name it with
            --trusted-proxy so that its X-Forwarded-Proto and X-Forwarded-For are believed
            (cookies are then Secure), or pass --secure-cookies.

            Examples:
              groundwork serve
              groundwork serve --port 0          pick a free port
              groundwork serve --data-dir /tmp/trial
              groundwork serve --cohorts cohorts/   a mentor's server: /mentor/ID/stats
              groundwork serve --accounts --host 0.0.0.0 --trusted-proxy 127.0.0.1
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
    @Flag(help: "Serve a class: accounts, roles, cohorts and sign-in (see 'groundwork admin').") var accounts = false
    @Option(
        help: ArgumentHelp(
            "With --accounts: the address of a reverse proxy whose X-Forwarded-Proto/-For are believed (repeatable).",
            valueName: "address"))
    var trustedProxy: [String] = []
    @Flag(help: "With --accounts: always mark cookies Secure (the server is reached over TLS only).") var secureCookies = false
    @Flag(help: "Listen beyond this computer without accounts: anyone who reaches it acts as you.") var noAccountsAnywhere = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        if !accounts && (!trustedProxy.isEmpty || secureCookies) {
            throw ValidationError("--trusted-proxy and --secure-cookies go with --accounts")
        }
        if !accounts && !noAccountsAnywhere && !WebServer.Address(host: host, port: port).isLoopback {
            throw ValidationError(
                "--host \(host) without --accounts would let anyone who reaches it act as you: add --accounts (a class server), or --no-accounts-anywhere if that is what you want"
            )
        }
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
        if !address.isLoopback && !accounts {
            Terminal.printError("groundwork: warning: listening on \(host) without accounts: anyone who can reach it acts as you")
        }
        if accounts, try gradebook.accounts().allSatisfy({ $0.role != .admin }) {
            Terminal.printError("groundwork: no admin yet: make one with 'groundwork admin create NAME' to sign in")
        }
        let classServer = accounts ? ClassServer(trustedProxies: Set(trustedProxy), alwaysSecure: secureCookies) : nil
        // A load benchmark's aid, like GROUNDWORK_NOW for tests: simulated learners by header.
        let simulated = ProcessInfo.processInfo.environment["GROUNDWORK_BENCH_LEARNERS"] == "1"
        try await WebServer.run(site: site, address: address, simulatedLearners: simulated, accounts: classServer) { url in
            // Written straight to the descriptor: a script waiting for this line must see it at once.
            let line = Array("Listening on \(url)\n".utf8)
            _ = line.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        }
    }
}
