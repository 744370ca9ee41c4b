import Courseware
import Foundation
import Testing

@testable import Grading

/// Every number read from a file is range-checked where it is read: a huge one is reported at
/// its position, quoted as written, and never reaches the arithmetic that trapped on it.
struct HugeNumberTests {
    static let choice = """
        - id: q1
          kind: single-choice
          prompt: Pick one.
          options: [yes, no]
          answer: yes
          reason: Because.
        """

    @Test(arguments: [
        (
            "time-limit: 1e19",
            "assessment.md:4:13: error: [invalid-value] 'time-limit' must be from 0 to 7 days, got '1e19'"
        ),
        (
            "policy:\n  retake-delay: 99999999999999999999d",
            "assessment.md:5:17: error: [invalid-value] 'retake-delay' must be from 0 to 365 days, got '99999999999999999999d'"
        ),
        (
            "policy:\n  mode: work\n  removal-below: 1e20%",
            "assessment.md:6:18: error: [invalid-value] 'removal-below' in 'policy' must be from 0% to 100%, got '1e20%'"
        ),
        (
            "policy:\n  sample: 99999999999999999999",
            "assessment.md:5:11: error: [invalid-value] 'sample' in 'policy' must be from -1000000000000 to 1000000000000, got '99999999999999999999'"
        ),
    ])
    func hugePolicyNumbersAreReportedWhereTheyAreWritten(line: String, expected: String) {
        let front = "---\ntitle: Test\npass-mark: 50%\n\(line)\n---\nInstructions.\n"
        #expect(diagnostics(Self.choice, assessment: front) == [expected])
    }

    @Test func aHugeWeightIsReportedInsteadOfScoringGoldAsZero() {
        #expect(
            diagnostics(Self.choice + "\n  weight: 1.7e308\n") == [
                "items.yaml:7:11: error: [invalid-value] 'weight' in item 1 must be from -1000 to 1000, got '1.7e308'"
            ])
    }

    @Test(arguments: [
        (
            "kind: transcription\n  audio: a.wav\n  duration: 1e300\n  answer: hello",
            "items.yaml:6:13: error: [invalid-value] 'duration' in item 1 must be from 0 to 86400, got '1e300'"
        ),
        (
            "kind: boxes\n  size: [1e308, 10]\n  labels: [car]\n  answer: []",
            "items.yaml:5:10: error: [invalid-value] the width in 'size' must be from 0 to 100000, got '1e308'"
        ),
        (
            "kind: numeric\n  answer: [{value: 4, tolerance: 1e20%}]",
            "items.yaml:5:34: error: [invalid-value] 'tolerance' of item 'q1' must be a number from 0 to 1000000000000 or a percentage up to 100% such as 5%, got '1e20%'"
        ),
        (
            "kind: numeric\n  answer: 1e300",
            "items.yaml:5:11: error: [invalid-value] the gold value of item 'q1' must be from -1000000000000 to 1000000000000, got '1e300'"
        ),
    ])
    func hugeItemNumbersAreReportedWhereTheyAreWritten(body: String, expected: String) {
        let items = "- id: q1\n  prompt: P\n  reason: R\n  \(body)\n"
        #expect(diagnostics(items).filter { $0.contains("invalid-value") } == [expected])
    }

    @Test func aPairwiseReasonOfAHundredThousandWordsIsRefusedAndTheLargestAllowedChecksQuickly() throws {
        func pairwise(_ minimum: Int) -> String {
            """
            - id: p1
              kind: pairwise
              prompt: Which is better?
              responses: {A: one, B: two}
              answer: {preferred: A, reason: {min-words: \(minimum), mentions: [[one two]]}}
              reason: R
            """
        }
        #expect(
            diagnostics(pairwise(100_000)) == [
                "items.yaml:5:46: error: [invalid-value] 'min-words' in the reason rule of item 'p1' must be from 0 to 1000, got '100000'"
            ])
        let item = try item(pairwise(GradingLimits.maximumMinimumWords))
        guard case .pairwise(let task, let key) = item.content else {
            Issue.record("not a pairwise item")
            return
        }
        let gold = key.goldAnswer()
        #expect(PairwiseKey.words(gold.reason).count == GradingLimits.maximumMinimumWords)
        #expect(key.score(gold, task: task).score == 1)
    }

    @Test func aPolygonOverTheVertexCapIsRefusedInGoldAndInAnswers() throws {
        let ring = (0...GradingLimits.maximumPolygonVertices).map { index -> String in
            let angle = Double(index) * 2 * Double.pi / Double(GradingLimits.maximumPolygonVertices + 1)
            return "[\(100 + 90 * cos(angle)), \(100 + 90 * sin(angle))]"
        }
        let items = """
            - id: r1
              kind: polygons
              prompt: Outline it.
              size: [200, 200]
              labels: [roof]
              answer:
                - {label: roof, points: [\(ring.joined(separator: ", "))]}
              reason: R
            """
        #expect(
            diagnostics(items) == [
                "items.yaml:7:29: error: [invalid-value] gold polygon 1 of item 'r1' has 1001 vertices; at most 1000 are accepted — simplify its outline"
            ])
        let roof = try item(items.replacingOccurrences(of: ring.joined(separator: ", "), with: "[20, 100], [100, 20], [180, 100]"))
        #expect(throws: AnswerShapeError("has 1001 entries; at most 1000 are accepted")) {
            try response("[{\"label\": \"roof\", \"points\": [\(ring.joined(separator: ", "))]}]", for: roof)
        }
    }

    @Test func aHugeNumberInAnAnswerIsRefused() throws {
        let counting = try item("- id: n1\n  kind: numeric\n  prompt: How many?\n  answer: 4\n  reason: R\n")
        #expect(throws: AnswerShapeError("the answer is 1e+300; numbers from -1000000000000 to 1000000000000 are accepted")) {
            try response("1e300", for: counting)
        }
    }
}
