import Foundation
import Testing

@testable import Grading

/// Each kind's details are asserted exactly for a known answer and gold.
struct ItemDetailsTests {
    func details(_ json: String, _ yaml: String) throws -> ItemDetails {
        try #require(try score(json, item(yaml)).details)
    }

    func objects(_ details: ItemDetails) throws -> ObjectDetails {
        guard case .objects(let objects) = details else { throw DetailsMismatch() }
        return objects
    }

    struct DetailsMismatch: Error {}

    /// The street scene of the box scoring tests.
    let street = BoxScoringTests().street

    @Test func aBoxTenPixelsTooFarLeftAMissedGoldAndAnExtraBox() throws {
        let found = try objects(
            details(
                #"[{"label": "car", "x": 90, "y": 200, "width": 200, "height": 100}, {"label": "car", "x": 10, "y": 10, "width": 20, "height": 20}]"#,
                street))
        #expect(found.measure == .iou)
        #expect(found.threshold == 0.75)
        #expect(found.missed == [1])
        #expect(found.extra == [1])
        let pair = try #require(found.pairs.first)
        #expect(found.pairs.count == 1)
        #expect((pair.answer, pair.gold, pair.labelMatches, pair.passes) == (0, 0, true, true))
        #expect(close(pair.similarity, 19_000.0 / 21_000))
        #expect(pair.edges == BoxEdges(left: -10, top: 0, right: -10, bottom: 0))
        #expect(pair.points == nil)
    }

    @Test func aBoxsDetailsEncodeToTheDocumentedShape() throws {
        let found = try details(#"[{"label": "person", "x": 100, "y": 190, "width": 200, "height": 120}]"#, street)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(found), as: UTF8.self)
        #expect(
            text
                == #"{"extra":[],"kind":"objects","measure":"iou","missed":[1],"pairs":[{"answer":0,"edges":{"bottom":10,"left":0,"right":0,"top":-10},"gold":0,"labelMatches":false,"passes":false,"similarity":0.8333333333333334}],"threshold":0.75}"#
        )
        #expect(try JSONDecoder().decode(ItemDetails.self, from: Data(text.utf8)) == found)
    }

    @Test func polygonsPairWithoutEdgesOrPoints() throws {
        let found = try objects(
            details(
                #"[{"label": "roof", "points": [[0, 0], [100, 0], [100, 100], [0, 100]]}]"#,
                """
                - id: p1
                  kind: polygons
                  prompt: Outline the roof.
                  size: [200, 200]
                  labels: [roof]
                  answer: [{label: roof, points: [[0, 0], [100, 0], [100, 50], [0, 50]]}]
                  reason: Roof.
                """))
        #expect(found.pairs == [ObjectDetails.Pair(answer: 0, gold: 0, similarity: 0.5, labelMatches: true, passes: true)])
    }

    @Test func aKeypointSetWithOnePointMissingAndOneWithTheWrongVisibility() throws {
        let found = try objects(
            details(
                #"[{"label": "person", "points": {"nose": [150, 75], "right_wrist": [210, 220], "coat_tail": [150, 330]}}]"#,
                KeypointScoringTests().pose))
        #expect(found.measure == .oks)
        #expect(found.missed == [] && found.extra == [])
        let pair = try #require(found.pairs.first)
        let points = try #require(pair.points)
        // The nose's own OKS term: exp(−15² / (2 · 40000 · (2 · 0.026)²)).
        let noseOKS = exp(-225 / (2 * 40_000 * (0.052 * 0.052)))
        #expect(points.map(\.name) == ["nose", "left_wrist", "right_wrist", "coat_tail"])
        #expect(points[0].distance == 15 && close(points[0].oks, noseOKS))
        #expect(points[0].placed && points[0].visibility == 2 && points[0].goldVisibility == 2)
        #expect(points[1] == PointDetail(name: "left_wrist", distance: nil, oks: 0, placed: false, visibility: 0, goldVisibility: 2))
        #expect(points[2] == PointDetail(name: "right_wrist", distance: 0, oks: 1, placed: true, visibility: 2, goldVisibility: 1))
        #expect(points[3] == PointDetail(name: "coat_tail", distance: 0, oks: 1, placed: true, visibility: 2, goldVisibility: 2))
        #expect(close(pair.similarity, (noseOKS + 0 + 1 + 1) / 4))
        #expect(!pair.passes && pair.labelMatches && pair.edges == nil)
    }

    @Test func aSpanWithTheWrongLabelStartingFourScalarsEarlyAfterAnEmoji() throws {
        // "❤️" is one character but two Unicode scalars; offsets count scalars.
        let found = try details(
            #"[{"start": 12, "end": 24, "label": "ORG"}, {"start": 0, "end": 4, "label": "PER"}]"#,
            """
            - id: s1
              kind: spans
              prompt: Mark the entities.
              text: "Fans ❤️ met Dr. Tim Cook at Apple."
              labels: [PER, ORG]
              answer: [{text: Tim Cook, label: PER}, {text: Apple, label: ORG}]
              reason: Titles are not part of a name.
            """)
        #expect(
            found
                == .spans(
                    SpanDetails(
                        pairs: [SpanDetails.Pair(answer: 0, gold: 0, startDelta: -4, endDelta: 0, labelMatches: false)], missed: [1],
                        extra: [1])))
    }

    @Test func aLateSegmentIsPairedWithItsOnsetAndOffsetInMilliseconds() throws {
        let found = try details(
            #"[{"label": "dog bark", "start": 1.4, "end": 2.6}, {"label": "car horn", "start": 5, "end": 6}]"#,
            """
            - id: t1
              kind: time-segments
              prompt: Mark the events.
              duration: 12
              labels: [dog bark, car horn]
              answer: [{label: dog bark, start: 1.0, end: 2.0}, {label: car horn, start: 8, end: 9}]
              reason: Onsets.
            """)
        guard case .segments(let segments) = found else { throw DetailsMismatch() }
        #expect(segments.threshold == 0.5)
        #expect(segments.missed == [1] && segments.extra == [1])
        let pair = try #require(segments.pairs.first)
        #expect(segments.pairs.count == 1)
        #expect(
            (pair.answer, pair.gold, pair.onsetDeltaMs, pair.offsetDeltaMs, pair.labelMatches, pair.passes) == (0, 0, 400, 600, true, false)
        )
        #expect(close(pair.similarity, 0.6 / 1.6))
    }

    @Test func aTranscriptionsWordsComeFromTheAlignmentBehindTheWER() throws {
        let found = try details(
            #""Um the cat sat their waited.""#,
            """
            - id: a1
              kind: transcription
              prompt: Transcribe.
              answer: [The dog barked., The cat sat there and waited.]
              reason: Verbatim.
            """)
        #expect(
            found
                == .words(
                    WordDetails(operations: [
                        .init(op: .insert, said: nil, wrote: "Um"), .init(op: .equal, said: "The", wrote: "the"),
                        .init(op: .equal, said: "cat", wrote: "cat"), .init(op: .equal, said: "sat", wrote: "sat"),
                        .init(op: .substitute, said: "there", wrote: "their"), .init(op: .delete, said: "and", wrote: nil),
                        .init(op: .equal, said: "waited", wrote: "waited"),
                    ])))
    }

    @Test func kindsWithNothingToPairHaveNoDetails() throws {
        let choice = try item(
            "- id: q1\n  kind: single-choice\n  prompt: Pick.\n  options: [a, b]\n  answer: a\n  reason: A.\n")
        #expect(choice.score(.singleChoice("b")).details == nil)
    }

    @Test func detailsAreSaidInTheTextReport() throws {
        let found = try details(
            #"[{"label": "car", "x": 90, "y": 200, "width": 200, "height": 100}, {"label": "car", "x": 10, "y": 10, "width": 20, "height": 20}]"#,
            street)
        #expect(
            found.lines(kind: .boxes) == [
                "Box 1 with gold box 1: IoU 0.9 (needs 0.75, counts); same label; edges left -10 px, top 0 px, right -10 px, bottom 0 px.",
                "Gold box 2 has no box of yours (missed).",
                "Box 2 matches no gold box (extra).",
            ])
    }
}
