import Foundation
import Testing

/// Going back in the terminal (`navigation: nonlinear`): `:flag`, `:back`, `:go N`, the
/// review list and `:submit`; and what the commands say on a forward-only test.
extension CommandLineTests {
    @Test func goingBackChangesAnAnswerAndTheReviewListShowsFlags() throws {
        let result = try take("review", ["2", ":flag", "2", ":back", ":go 1", "1", "3", ":submit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Item 2 is flagged; :review lists it before you submit."))
        #expect(result.stdout.contains("Item 2 of 3 · ⚑ flagged"))
        #expect(result.stdout.contains("Your answer now: green — type a new one to change it."))
        #expect(result.stdout.contains("Review before you submit"))
        #expect(result.stdout.contains("  2 ⚑ answered      What colour is fresh grass?"))
        // The changed answer to item 1 counts, not the first.
        #expect(result.stdout.contains("Score: 100% — PASSED"))
        let json = try run(["report", "--assessments", Self.assessments, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"score\":1") || json.stdout.contains("\"score\" : 1"))
    }

    @Test func leavingAtTheReviewListKeepsTheAttemptAndItsFlags() throws {
        let first = try take("review", ["1", ":flag", "1", "1", ":q"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Review before you submit"))
        let second = try take("review", [":submit"])
        #expect(second.stdout.contains("Resuming attempt 1 (#1)"))
        #expect(second.stdout.contains("  2 ⚑ answered"))
        #expect(second.stdout.contains("Score: 33.3% — NOT PASSED"))
    }

    @Test func aForwardOnlyTestSaysThereIsNoGoingBack() throws {
        let result = try take("quiz", [":flag", ":back", "1", "2", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("This test goes forward only"))
        #expect(!result.stdout.contains("Review before you submit"))
    }
}
