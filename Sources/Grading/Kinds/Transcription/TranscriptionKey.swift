import Courseware
internal import Foundation
internal import GroundworkMetrics

/// The gold of a transcription item: accepted transcripts, what differences to ignore and
/// the word error rate (WER) allowed for full credit.
///
/// **Normalisation** (``Metrics/Transcription/normalize(_:options:)``) runs on both sides
/// first; `ignore:` lists what it removes, by default `[case, punctuation, tags]`:
/// `case` lowercases, `punctuation` removes punctuation characters ("don't" → "dont"),
/// `tags` removes bracketed tags such as `[inaudible]`, `fillers` removes um, uh, er, erm,
/// ah, eh, hm, hmm, mm, mhm, uhm. Write `ignore: []` to compare verbatim.
///
/// **WER** = (substitutions + deletions + insertions) / reference words, from
/// ``Metrics/Transcription/wordScores(references:hypotheses:)`` (jiwer), against each accepted
/// transcript; the lowest WER counts. **Score** = `(1 − WER) / (1 − wer)` clamped to [0, 1],
/// where `wer` is the allowance (default 0, below 100%): full credit up to the allowance,
/// falling linearly to 0 at a WER of 100% (an empty or entirely wrong transcript), so every
/// error beyond the allowance costs its share. (An empty reference with an empty answer has
/// WER 0.)
public struct TranscriptionKey: Sendable, Hashable {
    public enum Ignorable: String, Sendable, Hashable, Codable, CaseIterable {
        case `case`
        case punctuation
        case tags
        case fillers
    }

    public let references: [String]
    public let ignore: Set<Ignorable>
    public let allowedWER: Double
    /// ``references`` normalised once, when the key is read: every answer is compared with them.
    private let normalizedReferences: [String]

    init(references: [String], ignore: Set<Ignorable>, allowedWER: Double) {
        self.references = references
        self.ignore = ignore
        self.allowedWER = allowedWER
        let options = Self.normalization(ignoring: ignore)
        normalizedReferences = references.map { Transcription.normalize($0, options: options) }
    }

    var normalization: TranscriptNormalization { Self.normalization(ignoring: ignore) }

    private static func normalization(ignoring ignore: Set<Ignorable>) -> TranscriptNormalization {
        TranscriptNormalization(
            lowercase: ignore.contains(.case), removePunctuation: ignore.contains(.punctuation),
            removeBracketedTags: ignore.contains(.tags),
            fillerWords: ignore.contains(.fillers) ? TranscriptNormalization.englishFillers : [])
    }

    /// The score; with `explain` false (a cohort summary) the feedback lines, observations and
    /// word-by-word details, which map every word back to what was written, are left empty.
    func score(_ answer: String, task: TranscriptionTask, explain: Bool = true) -> ItemScore {
        let options = normalization
        let hypothesis = Transcription.normalize(answer, options: options)
        var best: (reference: String, original: String, variant: Int, scores: TranscriptionScores)?
        for (variant, reference) in references.enumerated() {
            let normalized = normalizedReferences[variant]
            guard let scores = try? Transcription.wordScores(references: [normalized], hypotheses: [hypothesis]) else { continue }
            if best == nil || scores.errorRate < best!.scores.errorRate { best = (normalized, reference, variant, scores) }
        }
        guard let best else { return .unscorable }
        let wer = best.scores.errorRate
        let score = wer <= allowedWER + 1e-12 ? 1 : max(0, min(1, (1 - wer) / (1 - allowedWER)))
        let metrics = [Metric(.wer, wer), Metric(.mer, best.scores.mer), Metric(.wil, best.scores.wil)]
        let counts = [
            Tally(.hits, Double(best.scores.hits)), Tally(.substitutions, Double(best.scores.substitutions)),
            Tally(.deletions, Double(best.scores.deletions)), Tally(.insertions, Double(best.scores.insertions)),
        ]
        guard explain else {
            var result = ItemScore(score: score, metrics: metrics)
            result.goldVariant = best.variant
            result.settings = [Setting(.allowedWER, allowedWER)]
            result.counts = counts
            return result
        }
        let referenceTokens = Transcription.words(best.reference), writtenTokens = Transcription.words(hypothesis)
        let reference = Self.shownWords(best.original, normalized: best.reference, options: options)
        let written = Self.shownWords(answer, normalized: hypothesis, options: options)
        var lines: [String] = []
        var observations: [Observation] = []
        var steps: [WordDetails.Step] = []
        for chunk in best.scores.alignments.first ?? [] {
            let said = reference[chunk.referenceRange].joined(separator: " ")
            let wrote = written[chunk.hypothesisRange].joined(separator: " ")
            steps += Self.steps(chunk, said: reference, wrote: written)
            switch chunk.operation {
            case .equal:
                continue
            case .substitute:
                lines.append("You wrote '\(wrote)', the audio says '\(said)'.")
                for (s, w) in zip(referenceTokens[chunk.referenceRange], writtenTokens[chunk.hypothesisRange]) {
                    observations.append(.misheard(said: s, wrote: w))
                }
            case .delete:
                lines.append("You left out '\(said)'.")
                observations.append(.missed(noun: "word"))
            case .insert:
                lines.append("You added '\(wrote)', which the audio does not say.")
                observations.append(.extra(noun: "word"))
            }
        }
        var feedback: [String] = []
        if score < 1 || !lines.isEmpty {
            let allowance = allowedWER > 0 ? ", \(Format.percent(allowedWER)) allowed" : ""
            feedback.append(
                "Word error rate \(Format.precisePercent(wer))\(allowance): \(Format.count(best.scores.substitutions, "wrong word")), \(Format.count(best.scores.deletions, "missing word")), \(Format.count(best.scores.insertions, "extra word"))."
            )
        }
        feedback += lines.prefix(6)
        if lines.count > 6 { feedback.append("…and \(Format.count(lines.count - 6, "more difference"))") }
        var result = ItemScore(
            score: score, metrics: metrics, feedback: feedback, observations: observations,
            details: .words(WordDetails(operations: steps)))
        result.goldVariant = best.variant
        result.settings = [Setting(.allowedWER, allowedWER)]
        result.counts = counts
        return result
    }

    /// One step per word of an alignment chunk, quoting the words as shown in feedback.
    private static func steps(_ chunk: AlignmentChunk, said: [String], wrote: [String]) -> [WordDetails.Step] {
        let heard = said[chunk.referenceRange], written = wrote[chunk.hypothesisRange]
        switch chunk.operation {
        case .equal: return zip(heard, written).map { WordDetails.Step(op: .equal, said: $0, wrote: $1) }
        case .substitute: return zip(heard, written).map { WordDetails.Step(op: .substitute, said: $0, wrote: $1) }
        case .delete: return heard.map { WordDetails.Step(op: .delete, said: $0, wrote: nil) }
        case .insert: return written.map { WordDetails.Step(op: .insert, said: nil, wrote: $0) }
        }
    }

    /// The words of `text` as written ("forty-two", "7:15"), one per normalised token, so
    /// feedback quotes what the learner and the gold actually say; the normalised tokens
    /// themselves when the two cannot be paired one to one.
    static func shownWords(_ text: String, normalized: String, options: TranscriptNormalization) -> [String] {
        let tokens = Transcription.words(normalized)
        var shown: [String] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            let parts = Transcription.words(Transcription.normalize(String(word), options: options))
            guard parts.count <= 1 else { return tokens }
            if parts.count == 1 { shown.append(String(word).trimmingCharacters(in: .punctuationCharacters)) }
        }
        guard shown.count == tokens.count else { return tokens }
        return zip(shown, tokens).map { $0.isEmpty ? $1 : $0 }
    }

    /// `audio`, `duration`, `wer` (allowed, default 0), `ignore` and `answer:` one transcript
    /// or a list of accepted ones.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (TranscriptionTask, TranscriptionKey)? {
        let audio = parser.media(&fields, "audio")
        var duration: Double?
        if let value = fields.number("duration", in: 0...GradingLimits.maximumDurationSeconds, sink: &parser.sink) {
            if value.value > 0 {
                duration = value.value
            } else {
                parser.report(.invalidValue, at: value.position, "'duration' must be a positive number of seconds")
            }
        }
        var allowed = 0.0
        if let value = fields.fraction("wer", sink: &parser.sink) {
            if value.value < 1 {
                allowed = value.value
            } else {
                parser.report(
                    .invalidValue, at: value.position, "'wer' is the word error rate allowed for full credit; it must be below 100%")
            }
        }
        var ignore: Set<Ignorable> = [.case, .punctuation, .tags]
        if let entries = fields.strings("ignore", sink: &parser.sink) {
            ignore = []
            for entry in entries {
                guard let value = Ignorable(rawValue: entry.value) else {
                    parser.report(
                        .invalidValue, at: entry.position,
                        "\(Quote.text(entry.value)) cannot be ignored\(Suggestion.hint(for: entry.value, in: Ignorable.allCases.map(\.rawValue)))"
                    )
                    continue
                }
                ignore.insert(value)
            }
        }
        guard let gold = parser.gold(&fields, example: "answer: \"I think their car is red.\"") else { return nil }
        var references: [String] = []
        for entry in YAMLFields.list(gold) {
            guard let text = YAMLFields.string(entry, what: "a gold transcript of \(parser.context)", sink: &parser.sink) else {
                return nil
            }
            if text.value.unicodeScalars.count > GradingLimits.maximumAnswerTextLength {
                parser.report(
                    .invalidValue, at: text.position,
                    "the transcript is longer than \(GradingLimits.maximumAnswerTextLength) characters; use a shorter clip")
                return nil
            }
            references.append(text.value)
        }
        guard !references.isEmpty else {
            parser.report(.missingGold, at: gold.position, "\(parser.context) has no gold transcript")
            return nil
        }
        return (
            TranscriptionTask(audio: audio, duration: duration),
            TranscriptionKey(references: references, ignore: ignore, allowedWER: allowed)
        )
    }
}
