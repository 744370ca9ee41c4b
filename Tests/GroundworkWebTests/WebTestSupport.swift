import Courseware
import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import GroundworkWeb

/// The shipped course and tests, with a gradebook of the test's own, behind the real router.
/// Unchecked: the temporary folder is only read (its path) and removed when the fixture goes.
struct WebFixture: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    let folder: TemporaryFolder
    private(set) var site: Site

    /// The local learner's record, which every request of these tests acts for.
    var book: LearnerBook { site.gradebook.learner(Gradebook.localLearner) }

    init(clock: @escaping @Sendable () -> Date = { Date() }) async throws {
        folder = try TemporaryFolder()
        let course = try CourseLoader.load(from: Self.root + "/Content")
        let catalog = AssessmentCatalog(folder: Self.root + "/Assessments")
        let gradebook = try Gradebook.open(directory: folder.path + "/data", clock: clock)
        site = try await Site(course: course, catalog: catalog, gradebook: gradebook)
        site.generated = GeneratedPractice(folder: folder.path + "/generated")
    }

    /// Runs `body` with a client of the in-process app.
    func test<Value: Sendable>(
        allowedHosts: Set<String> = [], simulatedLearners: Bool = false, accounts: ClassServer? = nil,
        _ body: @Sendable (WebClient) async throws -> Value
    ) async throws -> Value {
        let app = Application(
            router: WebServer.router(site: site, allowedHosts: allowedHosts, simulatedLearners: simulatedLearners, accounts: accounts))
        return try await app.test(.router) { client in try await body(WebClient(client: client)) }
    }
}

/// A browser-like client: keeps the cookies it is given, sends the form token, records every
/// body.
final class WebClient: @unchecked Sendable {
    let client: any TestClientProtocol
    /// Cookie name → value, as a browser keeps them (a `Max-Age=0` cookie is forgotten).
    private(set) var cookies: [String: String] = [:]
    /// The session cookie (`gw_session`), which is also the form token.
    var cookie: String? { cookies["gw_session"] }
    var token: String? { cookies["gw_session"] }
    /// Every response body seen, for the gold-leak searches.
    private(set) var bodies: [String] = []

    init(client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// A form post with the session's token (unless `token` says otherwise).
    @discardableResult
    func post(_ uri: String, form: [(String, String)], token: String?? = .none) async throws -> TestResponse {
        if self.token == nil { try await get("/api/session") }
        let chosenToken: String? = token ?? self.token
        var fields = form
        if let chosenToken { fields.append(("_csrf", chosenToken)) }
        let text = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: text))
    }

    /// A JSON post with the token in the header.
    @discardableResult
    func postJSON(_ uri: String, _ json: String, withToken: Bool = true) async throws -> TestResponse {
        if token == nil { try await get("/api/session") }
        var headers: HTTPFields = [.contentType: "application/json"]
        if withToken, let token { headers[HTTPField.Name("X-CSRF-Token")!] = token }
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if headers[.cookie] == nil, !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for set in response.headers[values: .setCookie] {
            guard let pair = set.split(separator: ";").first?.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false),
                pair.count == 2
            else { continue }
            if set.contains("Max-Age=0") { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        bodies.append(String(buffer: response.body))
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
}
