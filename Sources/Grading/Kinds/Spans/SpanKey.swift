import Courseware
internal import GroundworkMetrics

/// The gold of a span (NER) item: the entities, and whether boundaries must be exact.
///
/// **Score** = entity-level F1 from ``Metrics/SpanScoring/nervaluate(gold:predicted:tags:minOverlapPercentage:)``:
/// with `match: exact` (the default) the *strict* scheme — an entity counts only with the
/// same boundaries and label, which equals seqeval's entity F1 — and with `match: overlap`
/// the *ent_type* scheme (overlapping span, same label). F1 = 2·P·R / (P + R). When the text
/// has no gold entity and the learner marks none, the score is 1 (the reference convention
/// gives 0, which would punish the right answer).
///
/// Feedback pairs every learner span with a gold one by overlap
/// (``Metrics/TimeSegments/match(gold:predicted:threshold:)`` over scalar offsets with
/// threshold 1, so a match means identical boundaries) and explains each difference in the
/// text's own words: wrong label, words included or left out, missed and extra entities.
public struct SpanKey: Sendable, Hashable {
    public enum Matching: String, Sendable, Hashable, Codable {
        case exact
        case overlap
    }

    public let spans: [SpanAnnotation]
    public let matching: Matching

    /// The score; with `explain` false (a cohort summary) the feedback, observations and
    /// details, which take an overlap matching and text of their own, are left empty.
    func score(_ answer: [SpanAnnotation], task: SpanTask, explain: Bool = true) -> ItemScore {
        let gold = spans.map { Span(start: $0.start, end: $0.end, label: $0.label) }
        let predicted = answer.map { Span(start: $0.start, end: $0.end, label: $0.label) }
        var metrics: [Metric] = []
        var counts: [Tally] = []
        var departures: [Departure] = []
        var score = 0.0
        if let result = try? SpanScoring.nervaluate(gold: [gold], predicted: [predicted]) {
            let chosen = matching == .exact ? result.overall.strict : result.overall.entType
            score = chosen.f1
            if gold.isEmpty && predicted.isEmpty {
                score = 1
                departures = [Departure(metric: .f1, rule: .bothEmpty, value: 1, reference: chosen.f1)]
            }
            metrics = [
                Metric(.f1, score), Metric(.precision, chosen.precision), Metric(.recall, chosen.recall),
                Metric(.exactF1, result.overall.strict.f1), Metric(.overlapF1, result.overall.entType.f1),
            ]
            let c = chosen.counts
            counts = [
                Tally(.truePositives, Double(c.truePositives)), Tally(.falsePositives, Double(c.falsePositives)),
                Tally(.falseNegatives, Double(c.falseNegatives)),
            ]
        }
        let (feedback, observations, details) = explain ? self.explain(answer, task: task) : ([], [], nil)
        var result = ItemScore(score: score, metrics: metrics, feedback: feedback, observations: observations, details: details)
        result.counts = counts
        result.departures = departures
        return result
    }

    /// Feedback lines, observations and details from one overlap pairing of answer spans
    /// with gold entities.
    private func explain(_ answer: [SpanAnnotation], task: SpanTask) -> ([String], [Observation], ItemDetails?) {
        func segment(_ span: SpanAnnotation) -> TimeSegment<String>? {
            try? TimeSegment(start: Double(span.start), end: Double(span.end), label: span.label)
        }
        let goldSegments = spans.compactMap(segment), answerSegments = answer.compactMap(segment)
        guard goldSegments.count == spans.count, answerSegments.count == answer.count,
            let match = try? TimeSegments.match(gold: goldSegments, predicted: answerSegments, threshold: 1)
        else { return ([], [], nil) }
        var lines: [(Int, String)] = []
        var observations: [Observation] = []
        func quote(_ span: SpanAnnotation) -> String { Format.quote(task.slice(span.start, span.end)) }
        for (index, verdict) in match.gold.enumerated() {
            let g = spans[index]
            switch verdict {
            case .matched:
                break
            case .wrongLabel(let partner, _):
                let p = answer[partner]
                lines.append((g.start, "\(quote(g)) labelled \(p.label), gold says \(g.label)."))
                observations.append(.confused(gold: g.label, answer: p.label))
            case .lowOverlap(let partner, _):
                let p = answer[partner]
                var parts: [String] = []
                if p.start < g.start { parts.append("includes \(Format.quote(task.slice(p.start, g.start).trimmingWhitespace))") }
                if p.end > g.end { parts.append("includes \(Format.quote(task.slice(g.end, p.end).trimmingWhitespace))") }
                if p.start > g.start { parts.append("leaves out \(Format.quote(task.slice(g.start, p.start).trimmingWhitespace))") }
                if p.end < g.end { parts.append("leaves out \(Format.quote(task.slice(p.end, g.end).trimmingWhitespace))") }
                let labelDiffers = p.label != g.label
                if matching == .overlap && !labelDiffers { break }
                var line = "Span \(quote(p)) \(Format.list(parts)); gold marks \(quote(g)) (\(g.label))"
                if labelDiffers {
                    line += ", and you labelled it \(p.label)"
                    observations.append(.confused(gold: g.label, answer: p.label))
                }
                lines.append((g.start, line + "."))
                if p.start < g.start || p.end > g.end { observations.append(.boundary(noun: "span", loose: true)) }
                if p.start > g.start || p.end < g.end { observations.append(.boundary(noun: "span", loose: false)) }
            case .missing, .extra:
                lines.append((g.start, "You missed \(quote(g)) (\(g.label))."))
                observations.append(.missed(noun: "entity"))
            }
        }
        for (index, verdict) in match.predicted.enumerated() {
            if case .extra = verdict {
                let p = answer[index]
                lines.append((p.start, "\(quote(p)) (\(p.label)) is not an entity in the gold answer."))
                observations.append(.extra(noun: "entity"))
            }
        }
        let pairs = match.pairs.map { pair in
            let p = answer[pair.answer], g = spans[pair.gold]
            return SpanDetails.Pair(
                answer: pair.answer, gold: pair.gold, startDelta: p.start - g.start, endDelta: p.end - g.end,
                labelMatches: p.label == g.label)
        }
        let details = SpanDetails(pairs: pairs, missed: match.missedGold, extra: match.extraAnswers)
        return (lines.sorted { $0.0 < $1.0 }.map(\.1), observations, .spans(details))
    }

    /// `text: "…"`, `labels: [ORG, PERSON]`, `match: exact|overlap` and `answer:` a list of
    /// `{text, label, occurrence}` (the n-th appearance of the words, 1 by default) or
    /// `{start, end, label}` in Unicode scalars.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (SpanTask, SpanKey)? {
        let text = fields.requiredString("text", hint: "give the text the learner annotates", sink: &parser.sink)
        let labels = parser.labels(&fields, example: "[PERSON, ORG, LOC]")
        var matching = Matching.exact
        if let mode = fields.string("match", sink: &parser.sink) {
            if let value = Matching(rawValue: mode.value) {
                matching = value
            } else {
                parser.report(
                    .invalidValue, at: mode.position,
                    "'match' of \(parser.context) is \(Quote.text(mode.value))\(Suggestion.hint(for: mode.value, in: ["exact", "overlap"]))"
                )
            }
        }
        guard let gold = parser.gold(&fields, example: "answer: [{text: Apple, label: ORG}]"), let text, let labels else { return nil }
        let task = SpanTask(text: text.value, labels: labels)
        if task.length > GradingLimits.maximumAnswerTextLength {
            parser.report(
                .invalidValue, at: text.position,
                "the text of \(parser.context) is longer than \(GradingLimits.maximumAnswerTextLength) characters; shorten it")
            return nil
        }
        var spans: [SpanAnnotation] = []
        guard case .sequence(let entries) = gold.value else {
            parser.report(
                .invalidValue, at: gold.position,
                "the gold 'answer' of \(parser.context) must be a list of spans (an empty list [] when there is none)")
            return nil
        }
        guard parser.checkGoldCount(entries.count, at: gold.position) else { return nil }
        var failed = false
        for (index, entry) in entries.enumerated() {
            let what = "gold span \(index + 1) of \(parser.context)"
            guard var span = YAMLFields(entry, context: what, sink: &parser.sink) else { failed = true; continue }
            let label = span.requiredString("label", hint: "give its label", sink: &parser.sink)
            let words = span.string("text", sink: &parser.sink)
            let occurrence = span.integer("occurrence", sink: &parser.sink)
            let start = span.integer("start", sink: &parser.sink)
            let end = span.integer("end", sink: &parser.sink)
            span.finish(allowed: ["text", "label", "occurrence", "start", "end"], sink: &parser.sink)
            guard let label, parser.checkLabel(label, in: labels, what: what) else { failed = true; continue }
            if let words {
                let n = occurrence?.value ?? 1
                guard let offset = task.offset(of: words.value, occurrence: n) else {
                    let which = n == 1 ? "" : " \(n) times"
                    parser.report(
                        .outOfBounds, at: words.position,
                        "'\(words.value)' does not occur\(which) in the text of \(parser.context); copy the words exactly, including case")
                    failed = true
                    continue
                }
                spans.append(SpanAnnotation(start: offset, end: offset + words.value.unicodeScalars.count, label: label.value))
            } else if let start, let end {
                guard start.value >= 0, end.value > start.value, end.value <= task.length else {
                    parser.report(
                        .outOfBounds, at: start.position,
                        "\(what) [\(start.value), \(end.value)) is outside the text, which has \(task.length) characters; spans need 0 ≤ start < end ≤ \(task.length)"
                    )
                    failed = true
                    continue
                }
                spans.append(SpanAnnotation(start: start.value, end: end.value, label: label.value))
            } else {
                parser.report(
                    .missingKey, at: entry.position, "\(what) needs the words it covers ('text') or its offsets ('start' and 'end')")
                failed = true
            }
        }
        return failed ? nil : (task, SpanKey(spans: spans, matching: matching))
    }
}
