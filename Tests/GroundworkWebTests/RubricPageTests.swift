import Foundation
import Gradebook
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// The report's self-grade form for written answers, in process: every refusal is a 4xx that
/// writes nothing, and a saved grade scores the stored attempt again.
@Suite struct RubricPageTests {
    @Test func aSelfGradeIsRefusedUntilSubmittedAndWithoutReasonsThenScoresTheAttempt() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let start = try await client.post("/tests/dataannotation-starter/start", form: [])
            let attempt = try #require(start.headers[.location])
            let item = try await client.get(attempt)
            #expect(item.text.contains("<textarea name=\"text\""))
            #expect(!item.text.contains("Six times $0.10 is $0.60 an hour"), "the model answer stays hidden while answering")
            let grade = [("item", "helpful-answer"), ("points-correct", "2"), ("points-complete", "2"), ("points-clear", "1")]
            let reasons = [("reason-correct", "Right figure."), ("reason-complete", "Both parts."), ("reason-clear", "Plain.")]
            #expect(try await client.post(attempt + "/grade", form: grade + reasons).status == .conflict)
            let text = "Six tasks of ten minutes fit in an hour, so six times $0.10 is $0.60 per hour; too low to be worth it."
            _ = try await client.post(attempt + "/answer", form: [("item", "helpful-answer"), ("seq", "1"), ("text", text)])
            _ = try await client.post(attempt + "/submit", form: [])
            let id = try #require(Int64(attempt.split(separator: "/").last ?? ""))
            let before = try #require(try fixture.book.attempt(id: id)?.score)
            #expect(try await client.post(attempt + "/grade", form: [("item", "no-such-item")] + reasons).status == .notFound)
            let missing = try await client.post(attempt + "/grade", form: grade + reasons.dropLast())
            #expect(missing.status == .unprocessableContent)
            #expect(
                missing.text.contains("Say why &#39;A beginner can follow it&#39; earns 1.")
                    || missing.text.contains("Say why 'A beginner can follow it' earns 1."))
            #expect(try fixture.book.attempt(id: id)?.score == before, "a refused grade writes nothing")
            let saved = try await client.post(attempt + "/grade", form: grade + reasons)
            #expect(saved.status == .seeOther || saved.status == .found)
            let after = try #require(try fixture.book.attempt(id: id)?.score)
            #expect(after > before)
            let report = try await client.get(attempt + "/report")
            #expect(report.text.contains("graded by you: Right figure."))
        }
    }
}
