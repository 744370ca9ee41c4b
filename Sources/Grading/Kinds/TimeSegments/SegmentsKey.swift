internal import GroundworkMetrics

/// The gold of a time-segment item (sound events, video moments): the segments and the
/// 1-D IoU a segment needs.
///
/// **Score** = F1 over events: learner segments are matched to gold segments by
/// ``Metrics/TimeSegments/match(gold:predicted:threshold:)`` on 1-D IoU (default `iou`
/// 0.5); a pair counts when IoU ≥ `iou` and the labels agree. No gold and no answer scores 1.
///
/// Feedback for an event that overlaps too little says how late or early it starts and ends
/// (differences under 0.05 s are not mentioned).
public struct SegmentsKey: Sendable, Hashable {
    public let segments: [SegmentAnnotation]
    public let iou: Double

    func score(_ answer: [SegmentAnnotation], task: SegmentsTask) -> ItemScore {
        let gold = segments.compactMap { try? TimeSegment(start: $0.start, end: $0.end, label: $0.label) }
        let predicted = answer.compactMap { try? TimeSegment(start: $0.start, end: $0.end, label: $0.label) }
        guard gold.count == segments.count, predicted.count == answer.count,
            let match = try? TimeSegments.match(gold: gold, predicted: predicted, threshold: iou)
        else {
            return .unscorable
        }
        let scorer = ObjectScorer(
            goldLabels: segments.map(\.label), answerLabels: answer.map(\.label), name: "Event", similarity: "IoU", noun: "event",
            lowOverlap: { index, partner, similarity in
                let g = segments[index], p = answer[partner]
                var parts: [String] = []
                let (startDelta, endDelta) = Self.deltas(answer: p, gold: g)
                if abs(startDelta) >= 0.05 {
                    parts.append("starts \(Format.number(abs(startDelta), decimals: 1)) s \(startDelta > 0 ? "late" : "early")")
                }
                if abs(endDelta) >= 0.05 {
                    parts.append("ends \(Format.number(abs(endDelta), decimals: 1)) s \(endDelta > 0 ? "late" : "early")")
                }
                var line =
                    "Event '\(g.label)' \(parts.isEmpty ? "is misplaced" : Format.list(parts)) (IoU \(Format.number(similarity)), needs \(Format.number(iou)))"
                var observations: [Observation] = []
                if p.label != g.label {
                    line += "; you also labelled it '\(p.label)'"
                    observations.append(.confused(gold: g.label, answer: p.label))
                }
                observations.append(.boundary(noun: "segment", loose: p.end - p.start > g.end - g.start))
                return (line + ".", observations)
            },
            missed: { index in
                let g = segments[index]
                return "You missed the '\(g.label)' at \(Format.number(g.start, decimals: 1))–\(Format.number(g.end, decimals: 1)) s."
            },
            extra: { index in
                let p = answer[index]
                return
                    "Event \(index + 1) ('\(p.label)' at \(Format.number(p.start, decimals: 1))–\(Format.number(p.end, decimals: 1)) s) matches nothing in the gold answer."
            })
        var result = scorer.score(match, threshold: iou)
        let pairs = match.pairs.map { pair in
            let (onset, offset) = Self.deltas(answer: answer[pair.answer], gold: segments[pair.gold])
            return SegmentDetails.Pair(
                answer: pair.answer, gold: pair.gold, similarity: pair.similarity, onsetDeltaMs: Int((onset * 1000).rounded()),
                offsetDeltaMs: Int((offset * 1000).rounded()), labelMatches: answer[pair.answer].label == segments[pair.gold].label,
                passes: pair.passes)
        }
        result.details = .segments(SegmentDetails(threshold: iou, pairs: pairs, missed: match.missedGold, extra: match.extraAnswers))
        return result
    }

    /// How late the answer starts and ends, in seconds (answer minus gold; negative is early):
    /// what both the feedback and the details report.
    static func deltas(answer p: SegmentAnnotation, gold g: SegmentAnnotation) -> (start: Double, end: Double) {
        (p.start - g.start, p.end - g.end)
    }

    /// `audio` (or `video`), `duration`, `labels`, `iou` and `answer:` a list of
    /// `{label, start, end}` in seconds within the clip.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (SegmentsTask, SegmentsKey)? {
        var media = parser.media(&fields, "audio")
        if media == nil { media = parser.media(&fields, "video") }
        let duration = fields.number("duration", in: 0...GradingLimits.maximumDurationSeconds, sink: &parser.sink)
        if duration == nil && !fields.has("duration") {
            fields.reportMissing("duration", "give the clip's length in seconds, e.g. duration: 12.5", sink: &parser.sink)
        }
        let labels = parser.labels(&fields, example: "[dog bark, car horn]")
        let iou = parser.threshold(&fields, "iou", default: 0.5)
        guard let gold = parser.gold(&fields, example: "answer: [{label: dog bark, start: 1.2, end: 2.0}]"), let duration, let labels else {
            return nil
        }
        guard duration.value > 0 else {
            parser.report(.invalidValue, at: duration.position, "'duration' must be a positive number of seconds")
            return nil
        }
        let segments = parser.goldObjects(
            gold, noun: "segment", list: "a list of segments (an empty list [] when nothing happens)", labels: labels
        ) { entry, parser in parseSegment(&entry, duration: duration.value, &parser) }
        return segments.map {
            (SegmentsTask(media: media, duration: duration.value, labels: labels), SegmentsKey(segments: $0, iou: iou))
        }
    }

    /// One gold segment: `{label, start, end}` in seconds, within the clip.
    private static func parseSegment(_ entry: inout GoldEntry, duration: Double, _ parser: inout ItemParser) -> SegmentAnnotation? {
        let start = entry.fields.number("start", sink: &parser.sink), end = entry.fields.number("end", sink: &parser.sink)
        guard let label = entry.finish(keys: ["start", "end"], &parser) else { return nil }
        let what = entry.what
        guard let start, let end else {
            parser.report(.missingKey, at: entry.node.position, "\(what) needs 'start' and 'end' in seconds")
            return nil
        }
        guard start.value >= 0, end.value > start.value, end.value <= duration + 1e-9 else {
            parser.report(
                .outOfBounds, at: start.position,
                "\(what) (\(Format.number(start.value))–\(Format.number(end.value)) s) is outside the \(Format.number(duration)) s clip or ends before it starts; keep 0 ≤ start < end ≤ \(Format.number(duration))"
            )
            return nil
        }
        return SegmentAnnotation(label: label, start: start.value, end: end.value)
    }
}
