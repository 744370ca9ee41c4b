import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import TestSupport
import Testing

/// Two `groundwork serve` processes on one data directory, as behind a load balancer without
/// sticky sessions: a learner's requests may reach either, so nothing a request needs may
/// live in one process's memory.
struct TwoServerTests {
    @Test func aLearnerAlternatesBetweenTwoServersAndAGoldFixOnOneReachesTheOther() async throws {
        let folder = try TemporaryFolder()
        // A copy of the test's folder: accepting the contest edits its items.yaml.
        try FileManager.default.createDirectory(atPath: folder.path + "/Assessments", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: WebFixture.root + "/Assessments/sentiment-quiz", toPath: folder.path + "/Assessments/sentiment-quiz")
        let gradebook = try Gradebook.open(directory: folder.path + "/data")
        let mia = try gradebook.createAccount(username: "mia", password: AccountAccessTests.password, role: .mentor, actor: "cli", cost: 4)
        let ana = try gradebook.createAccount(username: "ana", password: AccountAccessTests.password, role: .learner, actor: "cli", cost: 4)
        let cohort = try gradebook.createCohort(name: "Autumn", actor: "cli")
        try gradebook.addMember(mia.id!, toCohort: cohort.id!, as: .mentor, actor: "cli")
        try gradebook.addMember(ana.id!, toCohort: cohort.id!, as: .learner, actor: "cli")

        let arguments = [
            "--accounts", "--content", WebFixture.root + "/Content", "--assessments", folder.path + "/Assessments",
            "--data-dir", folder.path + "/data",
        ]
        let a = try await ServeProcess.start(arguments, log: folder.path + "/a")
        defer { a.stop() }
        let b = try await ServeProcess.start(arguments, log: folder.path + "/b")
        defer { b.stop() }
        let servers = Balancer(ports: [a.port, b.port])
        try await servers.test { client in try await Self.takeTheQuizOnBoth(servers, client, gradebook, ana: ana) }
        await servers.shutdown()
    }

    /// The learner's and the mentor's requests, sent to A and B in turn.
    private static func takeTheQuizOnBoth(_ servers: Balancer, _ client: any TestClientProtocol, _ gradebook: Gradebook, ana: Account)
        async throws
    {
        // Ana signs in on A, starts the quiz on B, and answers on A and B in turn.
        let browser = WebClient(client: client)
        servers.use(0)
        try await AccountAccessTests.signIn(browser, "ana")
        servers.use(1)
        let started = try await browser.postJSON("/api/assessments/sentiment-quiz/attempts", "{}")
        #expect(started.status == .created, "\(started.text)")
        let attempt = try #require(started.json["attempt"] as? Int)
        var state = started.json
        var sequence = 0
        while let item = state["item"] as? [String: Any], let itemID = item["id"] as? String {
            sequence += 1
            let save = #"{"itemID": "\#(itemID)", "clientSequence": \#(sequence), "response": "POSITIVE"}"#
            let uri = "/api/attempts/\(attempt)/answers"
            servers.use(sequence % 2)
            let saved: TestResponse
            if sequence == 2 {
                // The same save reaches both servers at once (a proxy retrying a request
                // whose first copy was in fact received): recorded once, both acknowledged.
                async let first = servers.post(to: 0, uri, json: save, cookies: browser.cookies)
                async let second = servers.post(to: 1, uri, json: save, cookies: browser.cookies)
                let (one, other) = try await (first, second)
                #expect(one.status == .ok && other.status == .ok)
                #expect(one.json["saves"] as? Int == 2 && other.json["saves"] as? Int == 2)
                saved = try await browser.get("/api/attempts/\(attempt)")
            } else {
                saved = try await browser.postJSON(uri, save)
                #expect(saved.status == .ok, "\(saved.text)")
            }
            if sequence == 1 {
                // Retried on the other server after the first acknowledged it: the first outcome again.
                servers.use(1 - sequence % 2)
                let retried = try await browser.postJSON(uri, save)
                #expect(retried.status == .ok && retried.json["saves"] as? Int == 1, "\(retried.text)")
                let feedback = retried.json["feedback"] as? [String: Any]
                #expect(feedback?["score"] as? Double == (saved.json["feedback"] as? [String: Any])?["score"] as? Double)
            }
            if itemID == "q3" { #expect((saved.json["feedback"] as? [String: Any])?["score"] as? Double == 0, "POSITIVE is wrong for q3") }
            state = saved.json
        }
        #expect(state["readyToSubmit"] as? Bool == true)
        let book = gradebook.learner(ana.learnerID)
        let recorded = try book.answers(attemptID: Int64(attempt)).compactMap(\.clientSequence)
        #expect(recorded.sorted() == Array(1...16).map(Int64.init), "every save once, none twice")

        // Submitted on A, the report read on B; ana contests q3 there.
        servers.use(0)
        #expect(try await browser.postJSON("/api/attempts/\(attempt)/submit", "{}").status == .ok)
        servers.use(1)
        let report = try await browser.get("/api/attempts/\(attempt)/report")
        #expect(report.status == .ok && report.text.contains("\"q3\""), "\(report.text.prefix(300))")
        let contest = try await browser.postJSON("/api/attempts/\(attempt)/contests", #"{"item": "q3", "reason": "It is upbeat."}"#)
        #expect(contest.status == .created, "\(contest.text)")
        let contestID = try #require(contest.json["id"] as? Int)

        // Mia accepts it on A, which rewrites the gold; B, which already served the old gold,
        // scores ana's next practice with the new one.
        let mentor = WebClient(client: client)
        servers.use(0)
        try await AccountAccessTests.signIn(mentor, "mia")
        #expect(try await mentor.post("/mentor/contests/\(contestID)/accept", form: [("reply", "Right.")]).status == .seeOther)
        servers.use(1)
        var practice = try await browser.postJSON("/api/assessments/sentiment-quiz/attempts?purpose=practice", "{}").json
        var q3Score: Double?
        sequence = 0
        while let item = practice["item"] as? [String: Any], let itemID = item["id"] as? String, q3Score == nil {
            sequence += 1
            let save = #"{"itemID": "\#(itemID)", "clientSequence": \#(sequence), "response": "POSITIVE"}"#
            practice = try await browser.postJSON("/api/attempts/\(practice["attempt"] as? Int ?? 0)/answers", save).json
            if itemID == "q3" { q3Score = (practice["feedback"] as? [String: Any])?["score"] as? Double }
        }
        #expect(q3Score == 1, "B serves the gold A's mentor accepted")
    }
}

/// A `groundwork serve` process of the test's own, on a free port of 127.0.0.1.
struct ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int

    /// Starts `groundwork serve --port 0 ARGUMENTS` and waits (up to a minute: a debug build
    /// reads the course slowly) for its `Listening on` line; `log` names its output files.
    static func start(_ arguments: [String], log: String) async throws -> ServeProcess {
        let process = Process()
        process.executableURL = try BuiltProgram.url("groundwork")
        process.arguments = ["serve", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "GROUNDWORK_BENCH_LEARNERS")
        process.environment = environment
        for (name, suffix) in [("out", ".out"), ("err", ".err")] {
            guard FileManager.default.createFile(atPath: log + suffix, contents: nil) else {
                throw WebTestFailure("cannot write \(log + suffix)")
            }
            let handle = FileHandle(forWritingAtPath: log + suffix)
            if name == "out" { process.standardOutput = handle } else { process.standardError = handle }
        }
        try process.run()
        for _ in 0..<600 {
            let output = (try? String(contentsOfFile: log + ".out", encoding: .utf8)) ?? ""
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Listening on http://127.0.0.1:") }),
                let port = Int(line.split(separator: ":").last ?? "")
            {
                return ServeProcess(process: process, port: port)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { process.terminate() }
        let error = (try? String(contentsOfFile: log + ".err", encoding: .utf8)) ?? ""
        throw WebTestFailure("groundwork serve did not start: \(error)")
    }

    /// Stops the server as Ctrl-C would, and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// A load balancer without sticky sessions, in the test: every request goes to the server
/// last chosen with ``use(_:)``, so one browser's requests can reach either process.
final class Balancer: Sendable {
    private let clients: [TestClient]
    private let chosen = Mutex(0)

    init(ports: [Int]) {
        clients = ports.map { TestClient(host: "127.0.0.1", port: $0, configuration: .init(timeout: .seconds(30))) }
        for client in clients { client.connect() }
    }

    /// Sends the next requests to server `index`.
    func use(_ index: Int) { chosen.withLock { $0 = index } }

    /// Runs `body` with a client whose requests the balancer forwards.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = Router()
        router.add(middleware: Forward(balancer: self))
        try await Application(router: router).test(.router, body)
    }

    /// A JSON post to server `index` with a browser's cookies and form token, outside any
    /// ``WebClient`` (which sends one request at a time).
    func post(to index: Int, _ uri: String, json: String, cookies: [String: String]) async throws -> TestClient.Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        headers[HTTPField.Name("X-CSRF-Token")!] = cookies["gw_session"]
        return try await send(
            to: index, TestClient.Request(uri, method: .post, authority: "localhost", headers: headers, body: ByteBuffer(string: json)))
    }

    private func send(to index: Int, _ request: TestClient.Request) async throws -> TestClient.Response {
        var request = request
        request.head.headerFields[.connection] = "keep-alive"
        return try await clients[index].execute(request)
    }

    /// Closes the connections.
    func shutdown() async {
        for client in clients { try? await client.shutdown() }
    }

    /// Answers every request with the chosen server's response.
    private struct Forward: RouterMiddleware {
        typealias Context = BasicRequestContext
        let balancer: Balancer

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let index = balancer.chosen.withLock { $0 }
            let forwarded = TestClient.Request(
                request.uri.description, method: request.method, authority: "localhost", headers: request.headers,
                body: body.readableBytes > 0 ? body : nil)
            let response = try await balancer.send(to: index, forwarded)
            var headers = response.headers
            for name in [HTTPField.Name.contentLength, .transferEncoding, .connection] { headers[name] = nil }
            return Response(status: response.status, headers: headers, body: .init(byteBuffer: response.body ?? ByteBuffer()))
        }
    }
}

extension TestClient.Response {
    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: body ?? ByteBuffer()).utf8))) as? [String: Any] ?? [:]
    }
}
