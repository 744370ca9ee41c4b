import Courseware
internal import GroundworkMetrics

/// The gold of a ranking item: how relevant each candidate is.
///
/// **Score**, by `scoring:`
/// - `pairs` (default): the fraction of candidate pairs that gold orders (relevance differs)
///   and the learner orders the same way, ``Metrics/Ranking/pairwiseAgreement(gold:answer:)``;
///   with no ties in gold this is (Kendall τ + 1) / 2. If gold orders no pair at all, 1.
/// - `ndcg`: NDCG@k of the learner's order, ``Metrics/Ranking/ndcg(relevance:scores:k:)``
///   (`k` optional, default all candidates).
///
/// Kendall's τ-b, Spearman's ρ and NDCG are always reported as metrics. The learner's order
/// becomes scores n, n − 1, …, 1 (first is best). Feedback lists the swapped pairs.
public struct RankingKey: Sendable, Hashable {
    public enum Scoring: String, Sendable, Hashable, Codable {
        case pairs
        case ndcg
    }

    /// Candidate id → relevance (higher is better); a gold order gives n, n − 1, …, 1.
    public let relevance: [String: Double]
    public let scoring: Scoring
    public let k: Int?

    func score(_ answer: [String], task: RankingTask) -> ItemScore {
        let ids = task.ids
        let n = Double(answer.count)
        var position: [String: Double] = [:]
        for (i, id) in answer.enumerated() { position[id] = n - Double(i) }
        let gold = ids.map { relevance[$0] ?? 0 }
        let learner = ids.map { position[$0] ?? 0 }
        let agreement = (try? Ranking.pairwiseAgreement(gold: gold, answer: learner)) ?? nil
        let tau = (try? Ranking.kendallTauB(gold, learner)) ?? .nan
        let rho = (try? Ranking.spearmanRho(gold, learner)) ?? .nan
        let minimum = min(0, gold.min() ?? 0)
        let ndcg = (try? Ranking.ndcg(relevance: gold.map { $0 - minimum }, scores: learner, k: k)) ?? 0
        let pairs = agreement ?? 1
        let score = scoring == .pairs ? pairs : ndcg
        let metrics = [Metric(.pairwiseAgreement, pairs), Metric(.kendallTau, tau), Metric(.spearmanRho, rho), Metric(.ndcg, ndcg)]
        var swapped: [String] = []
        for (i, a) in answer.enumerated() {
            for b in answer[(i + 1)...] where (relevance[a] ?? 0) < (relevance[b] ?? 0) {
                swapped.append("You put \(task.name(a)) above \(task.name(b)); gold ranks \(task.name(b)) higher.")
            }
        }
        var feedback = Array(swapped.prefix(3))
        if swapped.count > 3 { feedback.append("…and \(Format.count(swapped.count - 3, "more swapped pair"))") }
        return ItemScore(
            score: score, metrics: metrics, feedback: feedback, observations: Array(repeating: .swappedPair, count: swapped.count))
    }

    /// Candidates by decreasing relevance (stable): an answer that scores 1.
    func goldOrder(task: RankingTask) -> [String] {
        task.ids.enumerated().sorted { (relevance[$0.element] ?? 0, -$0.offset) > (relevance[$1.element] ?? 0, -$1.offset) }.map(\.element)
    }

    /// `candidates:` texts or `{id, text}`, `scoring: pairs|ndcg`, `k`, and `answer:` the
    /// gold order (a list of ids, best first) or graded relevance `{id: 3, other: 1}`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (RankingTask, RankingKey)? {
        var candidates: [RankingTask.Candidate] = []
        if let node = fields.node("candidates"), case .sequence(let entries) = node.value, entries.count >= 2 {
            for (index, entry) in entries.enumerated() {
                var id: Located<String>?
                var text: String?
                if let scalar = entry.text {
                    id = Located(scalar, at: entry.position)
                    text = scalar
                } else if var candidate = YAMLFields(entry, context: "candidate \(index + 1) of \(parser.context)", sink: &parser.sink) {
                    let given = candidate.requiredString("text", hint: "give the text the learner reads", sink: &parser.sink)
                    id = candidate.string("id", sink: &parser.sink) ?? given
                    text = given?.value
                    candidate.finish(allowed: ["id", "text"], sink: &parser.sink)
                }
                guard let id, let text else { return nil }
                if candidates.contains(where: { $0.id == id.value }) {
                    parser.report(.duplicateID, at: id.position, "candidate '\(id.value)' appears twice in \(parser.context)")
                    return nil
                }
                candidates.append(.init(id: id.value, text: text))
            }
        } else {
            if fields.has("candidates") {
                parser.report(
                    .invalidValue, at: fields.keyPosition("candidates") ?? fields.position,
                    "'candidates' of \(parser.context) must be a list of at least two candidates")
            } else {
                fields.reportMissing(
                    "candidates", "list what the learner ranks, e.g. candidates: [{id: d1, text: …}, {id: d2, text: …}]", sink: &parser.sink
                )
            }
        }
        var scoring = Scoring.pairs
        if let value = fields.string("scoring", sink: &parser.sink) {
            if let parsed = Scoring(rawValue: value.value) {
                scoring = parsed
            } else {
                parser.report(
                    .invalidValue, at: value.position,
                    "'scoring' of \(parser.context) is \(Quote.text(value.value))\(Suggestion.hint(for: value.value, in: ["pairs", "ndcg"]))"
                )
            }
        }
        let k = fields.integer("k", sink: &parser.sink)
        if let k, k.value < 1 { parser.report(.invalidValue, at: k.position, "'k' must be at least 1") }
        guard let gold = parser.gold(&fields, example: "answer: [d2, d1, d3]"), candidates.count >= 2 else { return nil }
        let task = RankingTask(candidates: candidates)
        var relevance: [String: Double] = [:]
        func check(_ id: Located<String>) -> Bool {
            if task.ids.contains(id.value) { return true }
            parser.report(
                .unknownLabel, at: id.position,
                "\(Quote.text(id.value)) is not a candidate of \(parser.context)\(Suggestion.hint(for: id.value, in: task.ids))")
            return false
        }
        switch gold.value {
        case .sequence(let entries):
            for (index, entry) in entries.enumerated() {
                guard let id = YAMLFields.string(entry, what: "each id of the gold order", sink: &parser.sink), check(id) else {
                    return nil
                }
                if relevance[id.value] != nil {
                    parser.report(.duplicateID, at: id.position, "'\(id.value)' appears twice in the gold order of \(parser.context)")
                    return nil
                }
                relevance[id.value] = Double(entries.count - index)
            }
        case .mapping(let pairs):
            for pair in pairs {
                let id = Located(pair.key.text ?? "", at: pair.key.position)
                guard check(id), let grade = YAMLFields.number(pair.value, what: "the relevance of '\(id.value)'", sink: &parser.sink)
                else { return nil }
                relevance[id.value] = grade.value
            }
        case .scalar:
            parser.report(
                .invalidValue, at: gold.position,
                "the gold 'answer' of \(parser.context) must be the order of the candidates (a list, best first) or their relevance ({id: grade})"
            )
            return nil
        }
        let missing = task.ids.filter { relevance[$0] == nil }
        if !missing.isEmpty {
            parser.report(
                .missingGold, at: gold.position,
                "the gold answer of \(parser.context) does not place \(Format.list(missing.map { "'\($0)'" })); rank every candidate")
            return nil
        }
        return (task, RankingKey(relevance: relevance, scoring: scoring, k: k.flatMap { $0.value >= 1 ? $0.value : nil }))
    }
}
