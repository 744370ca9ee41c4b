import Courseware
import Foundation
import Gradebook
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

@Suite struct PageTests {
    @Test func homeShowsProgressAndSetsAStrictSessionCookie() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("0 of 40 lessons read"))
            #expect(home.text.contains("/lessons/what-is-data-annotation"))
            let cookie = try #require(home.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(home.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    @Test func aLessonAsksItsQuizzesWithoutCarryingTheirAnswers() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let page = try await client.get("/lessons/bounding-boxes")
            #expect(page.status == .ok)
            #expect(page.text.contains("action=\"/lessons/bounding-boxes/quizzes/0#quiz-0\""))
            // The built-in markup would put the answer in a <details>; the page must not.
            #expect(!page.text.contains("quiz-answer"))
            #expect(!page.text.contains("Not this one"))
            #expect(!page.text.contains("class=\"correct\""))
            // Lesson links are routes, not file paths.
            #expect(!page.text.contains(".md\""))
            #expect(page.text.contains("href=\"/tests/street-boxes\""))
            let progress = try fixture.book.lessonProgress()
            #expect(progress.map(\.lessonID) == ["bounding-boxes"])
        }
    }

    @Test func aQuizAnswerIsCheckedRecordedAndExplained() async throws {
        let fixture = try await WebFixture()
        let quiz = try #require(try fixture.site.lesson("bounding-boxes").document.quizzes.first)
        let right = quiz.choices.indices.filter { quiz.choices[$0].isCorrect }
        try await fixture.test { client in
            let answer = try await client.post("/lessons/bounding-boxes/quizzes/0", form: right.map { ("choice", String($0)) })
            #expect(answer.status == .seeOther)
            let location = try #require(answer.headers[.location])
            #expect(location.hasPrefix("/lessons/bounding-boxes?quiz=0&chosen="))
            let page = try await client.get(location)
            #expect(page.text.contains("✓ Right."))
            #expect(page.text.contains("(your choice)"))
        }
        let progress = try #require(try fixture.book.lessonProgress().first)
        #expect(progress.quizzesAnswered == 1 && progress.quizzesCorrect == 1)
    }

    @Test func unknownIdsGetA404PageThatSuggestsTheClosest() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let lesson = try await client.get("/lessons/bounding-boxs")
            #expect(lesson.status == .notFound)
            #expect(lesson.text.contains("did you mean &#39;bounding-boxes&#39;?"))
            #expect(lesson.headers[.contentType]?.hasPrefix("text/html") == true)
            let test = try await client.get("/tests/sentimant-quiz")
            #expect(test.status == .notFound)
            #expect(test.text.contains("sentiment-quiz"))
            #expect(try await client.get("/attempts/99").status == .notFound)
            #expect(try await client.get("/attempts/abc").status == .notFound)
        }
    }

    @Test func aPostWithoutTheFormTokenIsRefusedAndRecordsNothing() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let missing = try await client.post("/lessons/bounding-boxes/quizzes/0", form: [("choice", "0")], token: .some(nil))
            #expect(missing.status == .forbidden)
            let wrong = try await client.post("/tests/sentiment-quiz/start", form: [], token: .some(String(repeating: "0", count: 64)))
            #expect(wrong.status == .forbidden)
        }
        #expect(try fixture.book.lessonProgress().isEmpty)
        #expect(try fixture.book.attempts().isEmpty)
    }

    @Test func mediaComesOnlyFromWhatItemsNameInsideTheirFolder() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let image = try await client.get("/tests/street-boxes/files/media/street-1.svg")
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/svg+xml")
            #expect(image.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
            // The answer key beside the image is never served, nor anything outside.
            #expect(try await client.get("/tests/street-boxes/files/media/street-1.truth.json").status == .notFound)
            #expect(try await client.get("/tests/street-boxes/files/media/..%2Fitems.yaml").status == .notFound)
            #expect(try await client.get("/tests/street-boxes/files/items.yaml").status == .notFound)
            #expect(
                try await client.get("/tests/street-boxes/files/answers/gold.json").status == .notFound, "answer sheets are never served")
            #expect(try await client.get("/tests/shapes-and-poses/files/answers/gold.json").status == .notFound)
            #expect(try await client.get("/files/../Assessments/street-boxes/items.yaml").status == .notFound)
            let audio = try await client.get("/tests/dictation/files/media/clip-1.wav", headers: [.range: "bytes=0-99"])
            #expect(audio.status == .partialContent)
            #expect(audio.body.readableBytes == 100)
        }
    }

    @Test func onlyThisMachinesNamesReachALoopbackServer() {
        let allowed = WebServer.allowedHosts(for: .init(host: "127.0.0.1", port: 8080))
        #expect(SecurityHeaders.accepts(authority: "localhost:8080", allowed: allowed))
        #expect(SecurityHeaders.accepts(authority: "127.0.0.1:8080", allowed: allowed))
        #expect(SecurityHeaders.accepts(authority: "[::1]:8080", allowed: allowed))
        #expect(!SecurityHeaders.accepts(authority: "evil.example:8080", allowed: allowed), "a DNS-rebinding page is refused")
        #expect(!SecurityHeaders.accepts(authority: nil, allowed: allowed))
        #expect(WebServer.allowedHosts(for: .init(host: "0.0.0.0", port: 8080)).isEmpty, "a wide bind accepts any name")
    }

    @Test func anOversizedBodyIsRefusedWith413() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let huge = String(repeating: "x", count: 300 * 1024)
            let response = try await client.post("/lessons/bounding-boxes/quizzes/0", form: [("choice", huge)])
            #expect(response.status == .contentTooLarge)
        }
        #expect(try fixture.book.lessonProgress().isEmpty)
    }
}
