import Testing

@testable import Grading

/// Every problem in an assessment's files is reported at its line and column with a message
/// that says how to fix it.
struct FormatErrorTests {
    static let choice = "  prompt: Which?\n  options: [POSITIVE, NEGATIVE]\n  answer: POSITIVE\n  reason: Because.\n"

    @Test func anUnknownKindSuggestsTheKindMeant() {
        #expect(
            diagnostics("- id: q1\n  kind: bbox\n" + Self.choice) == [
                "items.yaml:2:9: error: [unknown-kind] unknown item kind 'bbox'; did you mean 'boxes'?"
            ])
        #expect(
            diagnostics("- id: q1\n  kind: single-choise\n" + Self.choice) == [
                "items.yaml:2:9: error: [unknown-kind] unknown item kind 'single-choise'; did you mean 'single-choice'?"
            ])
    }

    @Test func aMissingGoldAnswerIsReportedAtTheItemWithAnExample() {
        #expect(
            diagnostics("- id: q1\n  kind: single-choice\n  prompt: Which?\n  options: [POSITIVE, NEGATIVE]\n  reason: Because.\n") == [
                "items.yaml:1:3: error: [missing-gold] item 'q1' has no gold 'answer'; add one, e.g. answer: POSITIVE"
            ])
    }

    @Test func aGoldOptionOutsideTheOptionsSuggestsTheClosest() {
        #expect(
            diagnostics(
                "- id: q1\n  kind: single-choice\n  prompt: Which?\n  options: [POSITIVE, NEGATIVE]\n  answer: NEGATIV\n  reason: Because.\n"
            ) == [
                "items.yaml:5:11: error: [unknown-label] 'NEGATIV' is not one of the options of item 'q1'; did you mean 'NEGATIVE'?"
            ])
    }

    @Test func aGoldLabelOutsideTheLabelSetIsReportedAtTheLabel() {
        let yaml = """
            - id: b1
              kind: boxes
              prompt: Box the cars.
              size: [640, 480]
              labels: [car, person]
              answer:
                - {label: truck, x: 1, y: 1, width: 10, height: 10}
              reason: Cars.
            """
        #expect(
            diagnostics(yaml) == [
                "items.yaml:7:15: error: [unknown-label] gold box 1 of item 'b1' has label 'truck', which is not in the labels of item 'b1'; use one of car, person"
            ])
    }

    @Test func aGoldBoxOutsideTheImageSaysTheLimits() {
        let yaml = """
            - id: b1
              kind: boxes
              prompt: Box the cars.
              size: [640, 480]
              labels: [car]
              answer:
                - {label: car, x: 600, y: 400, width: 50, height: 50}
              reason: Cars.
            """
        #expect(
            diagnostics(yaml) == [
                "items.yaml:7:7: error: [out-of-bounds] gold box 1 of item 'b1' (x 600, y 400, 50 × 50) reaches outside the 640 × 480 image; keep 0 ≤ x, x + width ≤ 640, 0 ≤ y, y + height ≤ 480"
            ])
    }

    @Test func goldWordsThatDoNotOccurInTheTextAreReported() {
        let yaml = """
            - id: n1
              kind: spans
              prompt: Mark the entities.
              text: Apple hired Tim.
              labels: [ORG, PER]
              answer:
                - {text: Appel, label: ORG}
                - {start: 12, end: 40, label: PER}
              reason: Company and person.
            """
        #expect(
            diagnostics(yaml) == [
                "items.yaml:7:14: error: [out-of-bounds] 'Appel' does not occur in the text of item 'n1'; copy the words exactly, including case",
                "items.yaml:8:15: error: [out-of-bounds] gold span 2 of item 'n1' [12, 40) is outside the text, which has 16 characters; spans need 0 ≤ start < end ≤ 16",
            ])
    }

    @Test func anUnknownKeypointNameSuggestsTheDeclaredOne() {
        let yaml = """
            - id: k1
              kind: keypoints
              prompt: Place the keypoints.
              size: [100, 100]
              labels: [person]
              keypoints: [nose, left_eye]
              answer:
                - label: person
                  area: 900
                  points: {nose: [50, 50], left_ey: [45, 45]}
              reason: Landmarks.
            """
        #expect(
            diagnostics(yaml) == [
                "items.yaml:10:32: error: [unknown-label] keypoint 'left_ey' of gold object 1 of item 'k1' is not one of this item's keypoints; did you mean 'left_eye'?"
            ])
    }

    @Test func aSegmentOutsideTheAudioIsReported() {
        let yaml = """
            - id: e1
              kind: time-segments
              prompt: Mark the barks.
              duration: 10
              labels: [bark]
              answer:
                - {label: bark, start: 9.5, end: 10.5}
              reason: Barks.
            """
        #expect(
            diagnostics(yaml) == [
                "items.yaml:7:28: error: [out-of-bounds] gold segment 1 of item 'e1' (9.5–10.5 s) is outside the 10 s clip or ends before it starts; keep 0 ≤ start < end ≤ 10"
            ])
    }

    @Test func aDuplicateItemIdPointsToTheFirstUse() {
        let one = "- id: q1\n  kind: single-choice\n" + Self.choice
        #expect(
            diagnostics(one + one) == [
                "items.yaml:7:7: error: [duplicate-id] item id 'q1' is already used by the item at line 1; give each item its own id"
            ])
    }

    @Test func aPassMarkAboveOneHundredPercentIsUnreachable() {
        let front = "---\ntitle: Test\npass-mark: 120%\n---\n"
        #expect(
            diagnostics("- id: q1\n  kind: single-choice\n" + Self.choice, assessment: front) == [
                "assessment.md:3:12: error: [pass-mark-unreachable] pass mark 120% can never be reached: scores go up to 100%; lower it"
            ])
    }

    @Test func aMisspeltKeyIsAWarningWithASuggestion() {
        let yaml =
            "- id: q1\n  kind: single-choice\n  promt: Which?\n  prompt: Which?\n  options: [A, B]\n  answer: A\n  reason: Because.\n"
        #expect(
            diagnostics(yaml) == [
                "items.yaml:3:3: warning: [unknown-key] unknown key 'promt' in item 1 is ignored; did you mean 'prompt'?"
            ])
    }

    @Test func yamlSyntaxErrorsAreLocatedInTheFile() {
        let lines = diagnostics("- id: q1\n  kind: [single-choice\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("items.yaml:3:1: error: [yaml-syntax] YAML syntax error:") == true)
    }

    @Test func frontMatterErrorsKeepTheirFileLineNumbers() {
        let front = "---\ntitle: Test\npass-mark: 80%\nplatfrom: mturk\ntime-limit: soon\n---\n"
        #expect(
            diagnostics("- id: q1\n  kind: single-choice\n" + Self.choice, assessment: front) == [
                "assessment.md:5:13: error: [invalid-value] 'time-limit' must be a duration such as 20m, 1h30m or 45 (minutes), got 'soon'",
                "assessment.md:4:1: warning: [unknown-key] unknown key 'platfrom' in the front matter is ignored; did you mean 'platform'?",
            ])
    }

    @Test func anItemInAnUndeclaredSectionIsReported() {
        let front = "---\ntitle: Test\npass-mark: 80%\nsections: [text, images]\n---\n"
        #expect(
            diagnostics("- id: q1\n  kind: single-choice\n  section: imagess\n" + Self.choice, assessment: front) == [
                "items.yaml:3:12: error: [unknown-section] section 'imagess' of item 'q1' is not declared in assessment.md; did you mean 'images'?"
            ])
    }

    @Test(arguments: [
        (
            "- id: q1\n  kind: numeric\n  prompt: How many?\n  answer: many\n  reason: Count.\n",
            "items.yaml:4:11: error: [invalid-value] the gold value of item 'q1' must be a number, got 'many'"
        ),
        (
            "- id: q1\n  kind: rating\n  prompt: Rate.\n  scale: [1, 5]\n  answer: 7\n  reason: Rate.\n",
            "items.yaml:5:11: error: [out-of-bounds] gold rating 7 of item 'q1' is outside the scale 1–5"
        ),
        (
            "- id: q1\n  kind: short-text\n  prompt: Say.\n  answer:\n    - pattern: '(unclosed'\n  reason: Say.\n",
            "items.yaml:5:16: error: [invalid-value] pattern '(unclosed' of item 'q1' is not a valid regular expression"
        ),
        (
            "- id: q1\n  kind: ranking\n  prompt: Rank.\n  candidates: [a, b, c]\n  answer: [a, b]\n  reason: Rank.\n",
            "items.yaml:5:11: error: [missing-gold] the gold answer of item 'q1' does not place 'c'; rank every candidate"
        ),
        (
            "- id: q1\n  kind: pairwise\n  prompt: Compare.\n  responses: {A: one, B: two}\n  answer: {preferred: tie}\n  reason: Compare.\n",
            "items.yaml:5:23: error: [unknown-label] 'tie' is not a response of item 'q1'; add 'allow-tie: true' to the item to accept ties"
        ),
        (
            "- id: q1\n  kind: polygons\n  prompt: Outline.\n  size: [100, 100]\n  labels: [roof]\n  answer: [{label: roof, points: [[0, 0], [10, 10], [10, 0], [0, 10]]}]\n  reason: Outline.\n",
            "items.yaml:6:34: error: [invalid-value] gold polygon 1 of item 'q1' is not a simple polygon"
        ),
    ])
    func kindSpecificGoldProblemsAreLocated(yaml: String, expectedPrefix: String) {
        let lines = diagnostics(yaml)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(expectedPrefix) == true, "\(lines)")
    }

    @Test func oneBrokenItemDoesNotHideTheNextOrDropTheGoodOnes() {
        let good = "- id: ok\n  kind: single-choice\n" + Self.choice
        let loaded = loadInline(
            "- id: bad\n  kind: nope\n" + Self.choice + good + "- id: bad2\n  kind: numeric\n  prompt: N?\n  reason: R.\n")
        #expect(loaded.errors.count == 2)
        #expect(loaded.assessment?.items.map(\.id) == ["ok"])
    }
}
