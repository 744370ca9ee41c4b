import Courseware
import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

@Suite struct APITests {
    /// Strings that would give an item away if a learner saw them before the policy allows:
    /// its reason and every gold answer that is not already part of what the learner is shown
    /// (a choice's id is on screen as an option; a transcript is not).
    static func secrets(of test: Assessment) -> [String] {
        test.items.flatMap { item -> [String] in
            let visible = JSONText.compact(LearnerItem(item)) + item.prompt
            let golds =
                item.content.goldResponses.map { ItemResponse.recordedJSON($0) }
                + item.content.goldResponses.compactMap {
                    if case .transcription(let text) = $0 { return text }
                    return nil
                }
            let reason = String(item.reason.trimmingCharacters(in: .whitespacesAndNewlines).prefix(60))
            return (golds + [reason]).filter { $0.count >= 8 && !visible.contains($0) }
        }
    }

    /// The same on a class server, signed in as a learner of the mentor's cohort: the
    /// mentor's view of the attempt in progress holds no gold either.
    @Test(arguments: [false, true]) func anAttemptTakenThroughTheAPIRevealsNoGoldBeforeItIsSubmitted(classServer: Bool) async throws {
        let fixture = try await WebFixture()
        let test = try fixture.site.assessment("dictation")
        let secrets = Self.secrets(of: test)
        #expect(secrets.count >= test.items.count)
        let gradebook = fixture.site.gradebook
        var mentorPath: String?
        if classServer {
            let password = AccountAccessTests.password
            let ana = try gradebook.createAccount(username: "ana", password: password, role: .learner, actor: "cli", cost: 4)
            let mia = try gradebook.createAccount(username: "mia", password: password, role: .mentor, actor: "cli", cost: 4)
            let cohort = try gradebook.createCohort(name: "Autumn", actor: "cli")
            try gradebook.addMember(ana.id!, toCohort: cohort.id!, as: .learner, actor: "cli")
            try gradebook.addMember(mia.id!, toCohort: cohort.id!, as: .mentor, actor: "cli")
            mentorPath = "/mentor/cohorts/\(cohort.id!)/learners/\(ana.id!)/attempts/"
        }
        let mentorView = mentorPath
        try await fixture.test(accounts: classServer ? ClassServer() : nil) { client in
            if classServer { try await AccountAccessTests.signIn(client, "ana") }
            _ = try await client.get("/tests/dictation")
            let started = try await client.postJSON("/api/assessments/dictation/attempts", "{}")
            #expect(started.status == .created)
            var state = started.json
            let id = try #require(state["attempt"] as? Int)
            while let item = state["item"] as? [String: Any], let itemID = item["id"] as? String {
                _ = try await client.get("/attempts/\(id)")
                let response = item["kind"] as? String == "transcription" ? #""I heard something else entirely""# : "null"
                let answer = try await client.postJSON(
                    "/api/attempts/\(id)/answers", #"{"itemID": "\#(itemID)", "response": \#(response)}"#)
                #expect(answer.status == .ok, "\(answer.text)")
                state = answer.json
            }
            #expect(state["readyToSubmit"] as? Bool == true)
            _ = try await client.get("/api/attempts/\(id)/report")
            if let mentorView {
                try await AccountAccessTests.signIn(client, "mia")
                #expect(try await client.get(mentorView + "\(id)").status == .ok)
                try await AccountAccessTests.signIn(client, "ana")
            }
            for body in client.bodies {
                for secret in secrets { #expect(!body.contains(secret), "a response before submission holds '\(secret)'") }
            }
            let submitted = try await client.postJSON("/api/attempts/\(id)/submit", "{}")
            #expect(submitted.json["finished"] as? Bool == true)
            let report = try await client.get("/api/attempts/\(id)/report")
            #expect(report.status == .ok)
            #expect(secrets.contains { report.text.contains($0) }, "the report after submission explains the items")
        }
    }

    @Test func badAnswersGetAClearStatusAndRecordNothing() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let state = try await client.postJSON("/api/assessments/sentiment-quiz/attempts", "{}").json
            let id = try #require(state["attempt"] as? Int)
            let itemID = try #require((state["item"] as? [String: Any])?["id"] as? String)
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("{not json", .badRequest, "not valid JSON"),
                ("[1, 2]", .badRequest, "must be a JSON object"),
                (#"{"response": "MIXED"}"#, .unprocessableContent, "'itemID' must be a string"),
                (#"{"itemID": "nope", "response": "MIXED"}"#, .unprocessableContent, "no item 'nope'"),
                (#"{"itemID": "\#(itemID)", "response": ["MIXED"]}"#, .unprocessableContent, "got a list"),
                (#"{"itemID": "\#(itemID)", "response": "SARCASTIC"}"#, .unprocessableContent, "SARCASTIC"),
            ]
            for (body, status, message) in cases {
                let response = try await client.postJSON("/api/attempts/\(id)/answers", body)
                #expect(response.status == status, "\(body) → \(response.text)")
                let error = response.json["error"] as? [String: Any]
                #expect((error?["message"] as? String)?.contains(message) == true, "\(body) → \(response.text)")
            }
            let noToken = try await client.postJSON(
                "/api/attempts/\(id)/answers", #"{"itemID": "\#(itemID)", "response": "MIXED"}"#, withToken: false)
            #expect(noToken.status == .forbidden)
            let wrongType = try await client.send(
                "/api/attempts/\(id)/answers", method: .post,
                headers: [.contentType: "text/plain", HTTPField.Name("X-CSRF-Token")!: client.token ?? ""],
                body: .init(string: "MIXED"))
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(try await client.postJSON("/api/attempts/4242/answers", "{}").status == .notFound)
        }
        let attempt = try #require(try fixture.book.attempts().first)
        #expect(try fixture.book.answers(attemptID: attempt.id).isEmpty)
    }

    @Test func aReloadMidAttemptLosesNothingAndAFinishedOneShowsItsReport() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let start = try await client.post("/tests/sentiment-quiz/start", form: [])
            #expect(start.status == .seeOther)
            let location = try #require(start.headers[.location])
            let page = try await client.get(location)
            #expect(page.text.contains("Item 1 of 16"))
            let itemID = try #require(Self.value(named: "item", in: page.text))
            let saved = try await client.post(location + "/answer", form: [("item", itemID), ("choice", "NEGATIVE")])
            #expect(saved.status == .seeOther)
            let again = try await client.get(location)
            #expect(again.text.contains("Item 2 of 16"))
            #expect(again.text.contains("Your last answer"), "quiz mode explains the answer just given, also after a reload")
            let stale = try await client.post(location + "/answer", form: [("item", itemID), ("choice", "NEGATIVE")])
            #expect(stale.status == .conflict, "an answer from a stale page must not land on the next item")
            _ = try await client.post(location + "/submit", form: [])
            let finished = try await client.get(location)
            #expect(finished.status == .seeOther)
            #expect(finished.headers[.location] == location + "/report")
            let report = try await client.get(location + "/report")
            #expect(report.text.contains("Item 1 "))
            #expect(report.text.contains("Your answer:"))
        }
        let attempt = try #require(try fixture.book.attempts().first)
        #expect(try fixture.book.answers(attemptID: attempt.id).count == 1)
    }

    /// The document and the router agree: every `/api` route the server answers is described
    /// with its method, and the document describes no route the server lacks.
    @Test func theOpenAPIDocumentListsExactlyTheRoutesTheRouterServes() async throws {
        let fixture = try await WebFixture()
        let served = Set(
            WebServer.router(site: fixture.site).routes.map { route -> String in
                let path = route.path.description.split(separator: "/").map { part in
                    part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                }.joined(separator: "/")
                return "\(route.method.rawValue.lowercased()) /\(path)"
            }.filter { $0.contains(" /api/") })
        let data = try #require(FileManager.default.contents(atPath: WebFixture.root + "/Sources/GroundworkWeb/Public/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(
            served == described,
            "served only: \(served.subtracting(described).sorted()); described only: \(described.subtracting(served).sorted())")
    }

    @Test func theOpenAPIDocumentDescribesEveryRouteOfTheAPI() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let document = try await client.get("/api/openapi.json")
            #expect(document.status == .ok)
            let paths = try #require(document.json["paths"] as? [String: Any])
            #expect(document.json["openapi"] as? String == "3.1.0")
            let expected = [
                "/api/session", "/api/progress", "/api/assessments", "/api/assessments/{id}", "/api/assessments/{id}/attempts",
                "/api/attempts/{attempt}", "/api/attempts/{attempt}/answers", "/api/attempts/{attempt}/submit",
                "/api/attempts/{attempt}/flags",
                "/api/attempts/{attempt}/report", "/api/attempts/{attempt}/heartbeat", "/api/lessons/{id}/quizzes/{number}",
                "/api/openapi.json", "/api/readiness", "/api/readiness/checklist/{entry}", "/api/pay", "/api/review",
                "/api/attempts/{attempt}/contests", "/api/mentor/{id}/stats",
            ]
            #expect(Set(paths.keys) == Set(expected))
            // Every GET operation answers; every POST refuses a request without its token.
            for (path, operations) in paths {
                let methods = (operations as? [String: Any])?.keys.sorted() ?? []
                let uri = path.replacingOccurrences(of: "{id}", with: path.contains("lessons") ? "bounding-boxes" : "sentiment-quiz")
                    .replacingOccurrences(of: "{attempt}", with: "1").replacingOccurrences(of: "{number}", with: "0")
                for method in methods {
                    if method == "get" {
                        let response = try await client.get(uri)
                        #expect([.ok, .notFound, .conflict].contains(response.status), "GET \(uri) → \(response.status)")
                    } else {
                        let response = try await client.postJSON(uri, "{}", withToken: false)
                        #expect(response.status == .forbidden, "POST \(uri) without a token → \(response.status)")
                    }
                }
            }
        }
    }

    @Test func practiceExplainsEachAnswerAndNeverUsesAnExamAttempt() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            // dictation explains only at the end as an exam; practice explains each answer at once.
            let started = try await client.postJSON("/api/assessments/dictation/attempts?purpose=practice", "{}")
            #expect(started.status == .created)
            #expect(started.json["secondsLeft"] is NSNull || started.json["secondsLeft"] == nil, "practice has no clock")
            let id = try #require(started.json["attempt"] as? Int)
            let item = try #require(started.json["item"] as? [String: Any])
            let answer = try await client.postJSON(
                "/api/attempts/\(id)/answers",
                #"{"itemID": "\#(item["id"] as? String ?? "")", "clientSequence": 1, "response": "nothing like it"}"#)
            #expect((answer.json["feedback"] as? [String: Any])?["type"] as? String == "result")
            let page = try await client.get("/tests/dictation")
            #expect(page.text.contains("Continue your practice"))
            #expect(page.text.contains("Start the exam"), "practice leaves the exam open")
        }
        let attempts = try fixture.book.attempts(assessmentID: "dictation")
        #expect(attempts.map(\.purpose) == [.practice])
    }

    @Test func simulatedLearnersAreSeparateAndOnlyWhenTheServerAllowsThem() async throws {
        let fixture = try await WebFixture()
        let learner = HTTPField.Name("X-Groundwork-Learner")!
        try await fixture.test(simulatedLearners: true) { client in
            _ = try await client.get("/api/session")
            for name in ["ana", "ben"] {
                let started = try await client.send(
                    "/api/assessments/sentiment-quiz/attempts", method: .post,
                    headers: [.contentType: "application/json", learner: name, HTTPField.Name("X-CSRF-Token")!: client.token ?? ""],
                    body: .init(string: "{}"))
                #expect(started.status == .created)
            }
            let bad = try await client.send("/api/progress", method: .get, headers: [learner: "not a name!"], body: nil)
            #expect(bad.status == .badRequest)
        }
        #expect(try fixture.site.gradebook.learner("bench-ana").attempts().count == 1)
        #expect(try fixture.site.gradebook.learner("bench-ben").attempts().count == 1)
        #expect(try fixture.book.attempts().isEmpty, "the real learner's record is never touched")
        try await fixture.test { client in
            let ignored = try await client.send("/api/progress", method: .get, headers: [learner: "ana"], body: nil)
            #expect(ignored.status == .ok, "without the benchmark switch the header is ignored")
        }
    }

    static func value(named name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
