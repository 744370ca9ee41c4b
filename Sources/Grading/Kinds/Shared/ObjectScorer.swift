internal import GroundworkMetrics

/// The scoring that boxes, polygons, time segments and keypoint objects share: F1 over a
/// one-to-one ``Metrics/MatchResult`` and a feedback line and observation for every object
/// that did not match. Each kind supplies only the wording that is its own.
struct ObjectScorer {
    /// Gold and answer labels, in the order the match saw the objects.
    let goldLabels: [String]
    let answerLabels: [String]
    /// What feedback calls an answer object: "Box", "Polygon", "Event", "Object".
    let name: String
    /// The similarity the match used, as feedback writes it: "IoU" or "OKS".
    let similarity: String
    /// The noun of missed and extra observations: "object" or "event".
    let noun: String
    /// The line and observations for gold `index` paired with answer `partner` below the threshold.
    let lowOverlap: (_ index: Int, _ partner: Int, _ similarity: Double) -> (line: String, observations: [Observation])
    /// The line for gold `index`, which no answer object came near.
    let missed: (_ index: Int) -> String
    /// The line for answer `index`, which matches no gold object.
    let extra: (_ index: Int) -> String

    /// F1 of `match` (1 when there is nothing to find and nothing was given, a named
    /// departure from the reference's 0), its metrics, counts, the `threshold` it used and
    /// feedback.
    func score(_ match: MatchResult, threshold: Double) -> ItemScore {
        let bothEmpty = goldLabels.isEmpty && answerLabels.isEmpty
        let f1 = bothEmpty ? 1 : match.f1
        let metrics = [
            Metric(.f1, f1), Metric(.precision, match.precision), Metric(.recall, match.recall),
            Metric(similarity == "OKS" ? .meanOKS : .meanIOU, match.meanMatchedSimilarity ?? .nan),
        ]
        var feedback: [String] = []
        var observations: [Observation] = []
        for (index, verdict) in match.gold.enumerated() {
            let gold = goldLabels[index]
            switch verdict {
            case .matched:
                break
            case .wrongLabel(let partner, let value):
                let answer = answerLabels[partner]
                feedback.append(
                    "\(name) \(partner + 1) is labelled '\(answer)', gold says '\(gold)' (\(similarity) \(Format.number(value))).")
                observations.append(.confused(gold: gold, answer: answer))
            case .lowOverlap(let partner, let value):
                let said = lowOverlap(index, partner, value)
                feedback.append(said.line)
                observations += said.observations
            case .missing, .extra:
                feedback.append(missed(index))
                observations.append(.missed(noun: noun))
            }
        }
        for (index, verdict) in match.predicted.enumerated() {
            if case .extra = verdict {
                feedback.append(extra(index))
                observations.append(.extra(noun: noun))
            }
        }
        var result = ItemScore(score: f1, metrics: metrics, feedback: feedback, observations: observations)
        result.settings = [Setting(.threshold, threshold)]
        result.counts = [
            Tally(.truePositives, Double(match.truePositives)), Tally(.falsePositives, Double(match.falsePositives)),
            Tally(.falseNegatives, Double(match.falseNegatives)),
        ]
        if bothEmpty { result.departures = [Departure(metric: .f1, rule: .bothEmpty, value: 1, reference: match.f1)] }
        return result
    }

    /// The details of `match` for an overlay: every pair with its similarity and whether it
    /// counts, the missed gold and the extra answer objects; `decorate` adds what is the
    /// kind's own (a box's edges, a keypoint object's points).
    func details(
        _ match: MatchResult, measure: ObjectDetails.Measure, threshold: Double,
        decorate: (inout ObjectDetails.Pair) -> Void = { _ in }
    ) -> ObjectDetails {
        let pairs = match.pairs.map { pair in
            var detail = ObjectDetails.Pair(
                answer: pair.answer, gold: pair.gold, similarity: pair.similarity,
                labelMatches: goldLabels[pair.gold] == answerLabels[pair.answer], passes: pair.passes)
            decorate(&detail)
            return detail
        }
        return ObjectDetails(measure: measure, threshold: threshold, pairs: pairs, missed: match.missedGold, extra: match.extraAnswers)
    }
}
