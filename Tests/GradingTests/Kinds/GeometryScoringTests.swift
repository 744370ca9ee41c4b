import Testing

@testable import Grading

struct BoxScoringTests {
    let street = """
        - id: b1
          kind: boxes
          prompt: Box every car and person.
          size: [640, 480]
          labels: [car, person]
          iou: 0.75
          answer:
            - {label: car, x: 100, y: 200, width: 200, height: 100}
            - {label: person, x: 400, y: 150, width: 60, height: 160}
          reason: Tight boxes.
        """
    let person = "{\"label\": \"person\", \"x\": 400, \"y\": 150, \"width\": 60, \"height\": 160}"

    @Test func exactBoxesScoreFullCredit() throws {
        let result = try score("[{\"label\": \"car\", \"x\": 100, \"y\": 200, \"width\": 200, \"height\": 100}, \(person)]", item(street))
        #expect(result.score == 1)
        #expect(close(metric(.meanIOU, in: result), 1))
    }

    @Test func aLooseBoxSaysWhichEdgeIsOffByHowManyPixelsAndTheIoU() throws {
        let result = try score("[{\"label\": \"car\", \"x\": 0, \"y\": 200, \"width\": 300, \"height\": 100}, \(person)]", item(street))
        #expect(close(result.score, 0.5))
        #expect(result.feedback == ["Box 1 ('car') is 100 px too wide on the left (IoU 0.67, needs 0.75)."])
        #expect(result.observations == [.boundary(noun: "box", loose: true)])
    }

    @Test func aTightBoxSaysWhatItCutsOff() throws {
        let result = try score("[{\"label\": \"car\", \"x\": 130, \"y\": 200, \"width\": 140, \"height\": 100}, \(person)]", item(street))
        #expect(result.feedback == ["Box 1 ('car') cuts 30 px off the left and cuts 30 px off the right (IoU 0.7, needs 0.75)."])
    }

    @Test func wrongLabelMissingAndExtraBoxesAreEachExplained() throws {
        let result = try score(
            """
            [{"label": "person", "x": 100, "y": 200, "width": 200, "height": 100},
             {"label": "car", "x": 500, "y": 400, "width": 20, "height": 20}]
            """, item(street))
        #expect(result.score == 0)
        #expect(
            result.feedback == [
                "Box 1 is labelled 'person', gold says 'car' (IoU 1).",
                "You missed the 'person' at x 400, y 150 (60 × 160 px).",
                "Box 2 ('car' at x 500, y 400) matches no object in the gold answer.",
            ])
    }

    @Test func anImageWithNothingToBoxAndNoBoxScoresFullCredit() throws {
        let empty = try item(
            """
            - id: b0
              kind: boxes
              prompt: Box every car.
              size: [100, 100]
              labels: [car]
              answer: []
              reason: There is no car.
            """)
        let nothing = try score("[]", empty)
        #expect(nothing.score == 1)
        // The reference convention (zero_division=0) gives 0: the report names the departure.
        #expect(nothing.departures == [Departure(metric: .f1, rule: .bothEmpty, value: 1, reference: 0)])
        #expect(nothing.counts.map(\.value) == [0, 0, 0])
        #expect(nothing.settings == [Setting(.threshold, 0.5)])
        let extra = try score("[{\"label\": \"car\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}]", empty)
        #expect(extra.score == 0)
        #expect(extra.departures == [])
        #expect(extra.counts == [Tally(.truePositives, 0), Tally(.falsePositives, 1), Tally(.falseNegatives, 0)])
    }

    @Test(arguments: [
        (
            "\"car\"",
            "expects a list of boxes such as [{\"label\": \"car\", \"x\": 10, \"y\": 20, \"width\": 100, \"height\": 50}], got a string"
        ),
        ("[{\"label\": \"car\", \"x\": 1, \"y\": 2, \"width\": \"5\", \"height\": 5}]", "'width' of box 1 must be a number, got a string"),
        ("[{\"label\": \"car\", \"x\": 1, \"y\": 2, \"height\": 5}]", "box 1 has no 'width'"),
        (
            "[{\"label\": \"car\", \"x\": 1, \"y\": 2, \"widht\": 5, \"height\": 5}]",
            "box 1 has an unknown key 'widht'; did you mean 'width'?"
        ),
        (
            "[{\"label\": \"truck\", \"x\": 1, \"y\": 2, \"width\": 5, \"height\": 5}]",
            "box 1 has label 'truck', which is not one of car, person"
        ),
        ("[{\"label\": \"car\", \"x\": 1, \"y\": 2, \"width\": -5, \"height\": 5}]", "box 1 has a negative width or height"),
    ])
    func malformedBoxesAreRefusedWithTheirNumber(json: String, message: String) throws {
        #expect(throws: AnswerShapeError(message)) { try response(json, for: item(street)) }
    }
}

struct PolygonScoringTests {
    let roof = """
        - id: p1
          kind: polygons
          prompt: Outline the roof.
          size: [200, 200]
          labels: [roof]
          iou: 0.8
          answer:
            - {label: roof, points: [[20, 100], [100, 20], [180, 100]]}
          reason: Follow the edges.
        """

    @Test func theGoldOutlineInEitherDirectionScoresFullCredit() throws {
        #expect(try score("[{\"label\": \"roof\", \"points\": [[180, 100], [100, 20], [20, 100]]}]", item(roof)).score == 1)
    }

    @Test func aTooLargeOutlineSaysHowMuchItCoversAndSpills() throws {
        let result = try score("[{\"label\": \"roof\", \"points\": [[0, 100], [100, 0], [200, 100]]}]", item(roof))
        #expect(result.score == 0)
        #expect(close(metric(.recall, in: result), 0))
        #expect(
            result.feedback == [
                "Polygon 1 ('roof') covers 100% of the gold 'roof' and spills 56% of its size outside it (IoU 0.64, needs 0.8)."
            ])
    }

    @Test func aSelfIntersectingAnswerIsRefused() throws {
        #expect(throws: AnswerShapeError.self) {
            try response("[{\"label\": \"roof\", \"points\": [[0, 0], [10, 10], [10, 0], [0, 10]]}]", for: item(roof))
        }
    }
}

struct KeypointScoringTests {
    let pose = """
        - id: k1
          kind: keypoints
          prompt: Place the keypoints.
          size: [300, 400]
          labels: [person]
          keypoints: [nose, left_wrist, right_wrist, {name: coat_tail, sigma: 0.1}]
          oks: 0.75
          answer:
            - label: person
              area: 40000
              points:
                nose: [150, 60]
                left_wrist: [90, 220]
                right_wrist: [210, 220, 1]
                coat_tail: [150, 330]
          reason: Landmarks.
        """

    @Test func exactKeypointsWithGoldsVisibilityScoreFullCredit() throws {
        let result = try score(
            """
            [{"label": "person", "points": {"nose": [150, 60], "left_wrist": [90, 220], "right_wrist": [210, 220, 1], "coat_tail": [150, 330]}}]
            """, item(pose))
        #expect(result.score == 1)
        #expect(close(metric(.meanOKS, in: result), 1))
        #expect(metric(.visibility, in: result) == 1)
    }

    @Test func aLowOKSObjectNamesTheKeypointsThatAreOffOrMissing() throws {
        let result = try score(
            """
            [{"label": "person", "points": {"nose": [150, 75], "right_wrist": [210, 220, 1], "coat_tail": [150, 330]}}]
            """, item(pose))
        // No object counts (F1 0); three of four flags agree (the unplaced wrist does not): 0.2 × 0.75.
        #expect(close(result.score, 0.15))
        #expect(
            result.feedback == [
                "Object 1 ('person') has OKS 0.59, needs 0.75: 'nose' is 15 px from where gold puts it; you did not place 'left_wrist'."
            ])
    }

    @Test func anUnknownKeypointNameIsRefusedWithASuggestion() throws {
        #expect(throws: AnswerShapeError("object 1 has keypoint 'left_wirst', which this item does not use; did you mean 'left_wrist'?")) {
            try response("[{\"label\": \"person\", \"points\": {\"left_wirst\": [1, 2]}}]", for: item(pose))
        }
    }
}

struct TimeSegmentScoringTests {
    let park = """
        - id: e1
          kind: time-segments
          prompt: Mark every dog bark and car horn.
          duration: 12
          labels: [dog bark, car horn]
          answer:
            - {label: dog bark, start: 1.0, end: 2.0}
            - {label: car horn, start: 5.0, end: 6.5}
          reason: Onsets and offsets.
        """
    let horn = "{\"label\": \"car horn\", \"start\": 5.0, \"end\": 6.5}"

    @Test func aLateEventSaysBySecondsHowLateItStartsAndEnds() throws {
        let result = try score("[{\"label\": \"dog bark\", \"start\": 1.4, \"end\": 2.6}, \(horn)]", item(park))
        #expect(close(result.score, 0.5))
        #expect(result.feedback == ["Event 'dog bark' starts 0.4 s late and ends 0.6 s late (IoU 0.38, needs 0.5)."])
    }

    @Test func anEventWithinTheIoUThresholdCounts() throws {
        #expect(try score("[{\"label\": \"dog bark\", \"start\": 1.4, \"end\": 2.2}, \(horn)]", item(park)).score == 1)
    }

    @Test func missedAndExtraEventsAreExplained() throws {
        let result = try score("[\(horn), {\"label\": \"dog bark\", \"start\": 8, \"end\": 9}]", item(park))
        #expect(
            result.feedback == ["You missed the 'dog bark' at 1–2 s.", "Event 2 ('dog bark' at 8–9 s) matches nothing in the gold answer."])
    }

    @Test func aSegmentEndingBeforeItStartsIsRefused() throws {
        #expect(throws: AnswerShapeError("segment 1 ends (1 s) before it starts (2 s)")) {
            try response("[{\"label\": \"dog bark\", \"start\": 2, \"end\": 1}]", for: item(park))
        }
    }
}
