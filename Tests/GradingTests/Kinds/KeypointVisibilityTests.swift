import Testing

@testable import Grading

/// Keypoint visibility (COCO flags: 2 visible, 1 occluded, 0 not in the image) is scored.
struct KeypointVisibilityTests {
    /// Gold: nose and left_wrist visible, right_wrist occluded; coat_tail left out (unlabelled).
    func pose(weight: String? = nil) throws -> Item {
        try item(
            """
            - id: k1
              kind: keypoints
              prompt: Place the keypoints.
              size: [300, 400]
              labels: [person]
              keypoints: [nose, left_wrist, right_wrist, {name: coat_tail, sigma: 0.1}]
              oks: 0.75
            \(weight.map { "  visibility-weight: \($0)\n" } ?? "")  answer:
                - label: person
                  area: 40000
                  points: {nose: [150, 60], left_wrist: [90, 220], right_wrist: [210, 220, 1]}
              reason: Landmarks.
            """)
    }

    func answer(_ points: String) -> String { "[{\"label\": \"person\", \"points\": {\(points)}}]" }

    @Test func aWrongFlagOnAnExactObjectCostsItsShareOfTheVisibilityWeight() throws {
        let result = try score(answer(#""nose": [150, 60], "left_wrist": [90, 220], "right_wrist": [210, 220]"#), pose())
        // F1 1, two of three flags agree: 1 + 0.2 × (2/3 − 1).
        #expect(close(result.score, 1 - 0.2 / 3))
        #expect(close(metric(.visibility, in: result), 2.0 / 3))
        #expect(close(metric(.f1, in: result), 1))
        #expect(result.feedback == ["Object 1 ('person'): 'right_wrist' is marked visible; gold says occluded."])
        #expect(result.observations == [.wrongVisibility])
    }

    @Test func aVisibilityWeightOfZeroRestoresThePlacementScore() throws {
        let result = try score(answer(#""nose": [150, 60], "left_wrist": [90, 220], "right_wrist": [210, 220]"#), pose(weight: "0"))
        #expect(result.score == 1)
    }

    @Test func aGoldPointMarkedNotInTheImageGetsOKSTermZeroLikeAnUnplacedOne() throws {
        let marked = try score(answer(#""nose": [150, 60], "left_wrist": [90, 220, 0], "right_wrist": [210, 220, 1]"#), pose())
        let omitted = try score(answer(#""nose": [150, 60], "right_wrist": [210, 220, 1]"#), pose())
        #expect(marked.score == omitted.score)
        #expect(marked.metrics == omitted.metrics)
        // OKS (1 + 0 + 1) / 3 is below 0.75, so no object counts; two of three flags agree.
        #expect(close(metric(.visibility, in: marked), 2.0 / 3))
        #expect(close(marked.score, 0.2 * 2 / 3))
        #expect(marked.feedback == ["Object 1 ('person') has OKS 0.67, needs 0.75: you did not place 'left_wrist'."])
    }

    @Test func aPointGoldLeavesUnlabelledIsIgnoredWhateverItsFlag() throws {
        let result = try score(
            answer(#""nose": [150, 60], "left_wrist": [90, 220], "right_wrist": [210, 220, 1], "coat_tail": [10, 10, 1]"#), pose())
        #expect(result.score == 1)
    }

    @Test func aMissedObjectAgreesOnNoFlag() throws {
        let result = try score("[]", pose())
        #expect(result.score == 0)
        #expect(metric(.visibility, in: result) == 0)
    }

    @Test func theGoldReplayedWithItsFlagsScoresFullCredit() throws {
        let item = try pose()
        for gold in item.content.goldResponses { #expect(item.score(gold).score == 1) }
        #expect(ItemResponse.recordedJSON(item.content.goldResponses.first).contains("\"right_wrist\":[210,220,1]"))
    }

    @Test func aVisibilityOutsideZeroToTwoIsRefused() throws {
        #expect(
            throws: AnswerShapeError(
                "the visibility of keypoint 'nose' of object 1 is 3; use 2 (visible), 1 (occluded) or 0 (not in the image)")
        ) {
            try response(answer(#""nose": [150, 60, 3]"#), for: pose())
        }
    }

    @Test func aVisibilityWeightOutsideZeroToOneIsReported() {
        let messages = diagnostics(
            """
            - id: k1
              kind: keypoints
              prompt: Place the keypoints.
              size: [300, 400]
              labels: [person]
              keypoints: [nose]
              visibility-weight: 1.5
              answer: [{label: person, area: 100, points: {nose: [1, 1]}}]
              reason: Landmarks.
            """)
        #expect(
            messages == [
                "items.yaml:7:22: error: [invalid-value] 'visibility-weight' in item 1 is '1.5': write a percentage such as 1.5% or a fraction between 0 and 1"
            ])
    }
}
