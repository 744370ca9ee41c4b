import Courseware

/// The gold of a pairwise preference item: the preferred response, gold ratings and what a
/// good written reason contains.
///
/// **Score** = a weighted mean of up to three parts (weights from `weights:`, default
/// preference 0.5, ratings 0.3, reason 0.2; a part the gold does not define is left out and
/// the others renormalised):
/// - preference: 1 when the learner prefers the gold response (or "tie" when gold says tie);
/// - ratings: the fraction of gold ratings the learner's rating is within `tolerance` of
///   (default 1 step); a rating left out counts as wrong;
/// - reason: 0 when it has fewer than `min-words` words; otherwise the fraction of
///   `mentions` groups it mentions (1 when there are none). A group is a list of synonyms,
///   and one of them must appear as whole words, ignoring case: `[[wrong, incorrect], [year]]`.
public struct PairwiseKey: Sendable, Hashable {
    public struct ReasonRule: Sendable, Hashable {
        public let minimumWords: Int
        /// Groups of synonyms; each group must be mentioned.
        public let mentions: [[String]]
    }

    public let preferred: String
    /// Response id → dimension id → gold rating.
    public let ratings: [String: [String: Int]]
    public let tolerance: Int
    public let reason: ReasonRule?
    public let weights: (preference: Double, ratings: Double, reason: Double)

    public static func == (lhs: PairwiseKey, rhs: PairwiseKey) -> Bool {
        lhs.preferred == rhs.preferred && lhs.ratings == rhs.ratings && lhs.tolerance == rhs.tolerance && lhs.reason == rhs.reason
            && lhs.weights == rhs.weights
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(preferred)
        hasher.combine(ratings)
        hasher.combine(tolerance)
        hasher.combine(reason)
    }

    /// Lowercased words of letters and digits: "Isn't it 2019?" → ["isn", "t", "it", "2019"].
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    func score(_ answer: PairwiseAnswer, task: PairwiseTask) -> ItemScore {
        var parts: [(weight: Double, score: Double)] = []
        var metrics: [Metric] = []
        var feedback: [String] = []
        var observations: [Observation] = []
        let preferenceScore = answer.preferred == preferred ? 1.0 : 0.0
        parts.append((weights.preference, preferenceScore))
        metrics.append(Metric(.preference, preferenceScore))
        if preferenceScore < 1 {
            let theirs = answer.preferred == "tie" ? "called it a tie" : "preferred \(answer.preferred)"
            let gold = preferred == "tie" ? "gold calls it a tie" : "gold prefers \(preferred)"
            feedback.append("You \(theirs); \(gold).")
            observations.append(.wrongPreference)
        }
        let graded = ratings.flatMap { response, dims in dims.map { (response, $0.key, $0.value) } }
            .sorted { ($0.0, dimensionOrder($0.1, task)) < ($1.0, dimensionOrder($1.1, task)) }
        if !graded.isEmpty {
            var within = 0
            for (response, dimension, gold) in graded {
                guard let given = answer.ratings[response]?[dimension] else {
                    feedback.append("You did not rate \(response)'s \(dimension); gold says \(gold).")
                    continue
                }
                if abs(given - gold) <= tolerance {
                    within += 1
                } else {
                    feedback.append("You rated \(response)'s \(dimension) \(given); gold says \(gold) (± \(tolerance) accepted).")
                    observations.append(.ratingBias(higher: given > gold))
                }
            }
            let ratingScore = Double(within) / Double(graded.count)
            parts.append((weights.ratings, ratingScore))
            metrics.append(Metric(.ratingsWithinTolerance, ratingScore))
        }
        if let reason {
            let words = Self.words(answer.reason)
            var reasonScore = 0.0
            if words.count < reason.minimumWords {
                feedback.append("Your reason has \(Format.count(words.count, "word")); write at least \(reason.minimumWords) that say why.")
            } else if reason.mentions.isEmpty {
                reasonScore = 1
            } else {
                let padded = " " + words.joined(separator: " ") + " "
                var found = 0
                for group in reason.mentions {
                    if group.contains(where: { padded.contains(" " + Self.words($0).joined(separator: " ") + " ") }) {
                        found += 1
                    } else {
                        let options = group.map { "'\($0)'" }
                        feedback.append(
                            "Your reason does not mention \(options.count == 1 ? options[0] : options.dropLast().joined(separator: ", ") + " or " + options.last!), which is the key point here."
                        )
                    }
                }
                reasonScore = Double(found) / Double(reason.mentions.count)
            }
            if reasonScore < 1 { observations.append(.weakReason) }
            parts.append((weights.reason, reasonScore))
            metrics.append(Metric(.reason, reasonScore))
        }
        let total = parts.reduce(0) { $0 + $1.weight }
        let score = total > 0 ? parts.reduce(0) { $0 + $1.weight * $1.score } / total : 0
        return ItemScore(score: score, metrics: metrics, feedback: feedback, observations: observations)
    }

    private func dimensionOrder(_ id: String, _ task: PairwiseTask) -> Int {
        task.dimensions.firstIndex { $0.id == id } ?? Int.max
    }

    /// An answer that earns full credit: the gold preference and ratings and a reason
    /// built from the first word of every mention group, padded to the minimum length.
    func goldAnswer() -> PairwiseAnswer {
        var words = reason?.mentions.compactMap(\.first) ?? []
        // A mention may be several words; count them once, then pad all at once.
        let count = words.reduce(0) { $0 + $1.split(separator: " ").count }
        words += Array(repeating: "because", count: max(0, (reason?.minimumWords ?? 0) - count))
        return PairwiseAnswer(preferred: preferred, ratings: ratings, reason: words.joined(separator: " "))
    }

    /// `context` is the prompt; `responses: {A: …, B: …}`, `dimensions: [{id, scale}]`,
    /// `allow-tie`, `tolerance`, `weights` and `answer: {preferred, ratings, reason}`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (PairwiseTask, PairwiseKey)? {
        var responses: [PairwiseTask.Response] = []
        if let node = fields.node("responses"), case .mapping(let pairs) = node.value, pairs.count >= 2 {
            for pair in pairs {
                guard let text = YAMLFields.string(pair.value, what: "response '\(pair.key.text ?? "")'", sink: &parser.sink) else {
                    return nil
                }
                responses.append(.init(id: pair.key.text ?? "", text: text.value))
            }
        } else {
            parser.report(
                .missingKey, at: fields.keyPosition("responses") ?? fields.position,
                "\(parser.context) needs 'responses': at least two responses to compare, e.g. responses: {A: \"…\", B: \"…\"}")
        }
        var dimensions: [PairwiseTask.Dimension] = []
        if let node = fields.node("dimensions") {
            for entry in YAMLFields.list(node) {
                guard var dimension = YAMLFields(entry, context: "a dimension of \(parser.context)", sink: &parser.sink) else { return nil }
                let id = dimension.requiredString("id", hint: "name the dimension, e.g. id: accuracy", sink: &parser.sink)
                var bounds = (1, 5)
                if let scale = dimension.node("scale") {
                    if case .sequence(let values) = scale.value, values.count == 2,
                        let low = YAMLFields.integer(values[0], what: "the scale's lowest value", sink: &parser.sink),
                        let high = YAMLFields.integer(values[1], what: "the scale's highest value", sink: &parser.sink),
                        low.value < high.value, high.value - low.value <= GradingLimits.maximumScaleSteps
                    {
                        bounds = (low.value, high.value)
                    } else {
                        parser.report(
                            .invalidValue, at: scale.position,
                            "'scale' of a dimension must be [lowest, highest] (at most \(GradingLimits.maximumScaleSteps) steps), e.g. [1, 5]"
                        )
                    }
                }
                dimension.finish(allowed: ["id", "scale"], sink: &parser.sink)
                guard let id else { return nil }
                dimensions.append(.init(id: id.value, minimum: bounds.0, maximum: bounds.1))
            }
        }
        let allowsTie = fields.bool("allow-tie", sink: &parser.sink) ?? false
        var tolerance = 1
        if let value = fields.integer("tolerance", sink: &parser.sink) {
            if value.value >= 0 {
                tolerance = value.value
            } else {
                parser.report(.invalidValue, at: value.position, "'tolerance' must not be negative")
            }
        }
        var weights = (preference: 0.5, ratings: 0.3, reason: 0.2)
        if let node = fields.node("weights"), var parts = YAMLFields(node, context: "'weights' of \(parser.context)", sink: &parser.sink) {
            for key in ["preference", "ratings", "reason"] {
                guard let value = parts.number(key, sink: &parser.sink) else { continue }
                guard value.value >= 0 else { parser.report(.invalidValue, at: value.position, "weights must not be negative"); continue }
                switch key {
                case "preference": weights.preference = value.value
                case "ratings": weights.ratings = value.value
                default: weights.reason = value.value
                }
            }
            parts.finish(allowed: ["preference", "ratings", "reason"], sink: &parser.sink)
        }
        guard let gold = parser.gold(&fields, example: "answer: {preferred: A, reason: {min-words: 10, mentions: [[wrong, incorrect]]}}"),
            responses.count >= 2
        else { return nil }
        guard var answer = YAMLFields(gold, context: "the gold answer of \(parser.context)", sink: &parser.sink) else { return nil }
        let ids = responses.map(\.id)
        let choices = ids + (allowsTie ? ["tie"] : [])
        let preferred = answer.requiredString(
            "preferred", hint: "say which response is better: \(choices.joined(separator: ", "))", sink: &parser.sink)
        var ratings: [String: [String: Int]] = [:]
        if let node = answer.node("ratings") {
            if case .mapping(let perResponse) = node.value {
                for pair in perResponse {
                    let response = pair.key.text ?? ""
                    guard ids.contains(response) else {
                        parser.report(
                            .unknownLabel, at: pair.key.position,
                            "\(Quote.text(response)) is not a response of \(parser.context)\(Suggestion.hint(for: response, in: ids))")
                        return nil
                    }
                    guard case .mapping(let perDimension) = pair.value.value else {
                        parser.report(
                            .invalidValue, at: pair.value.position,
                            "ratings of '\(response)' must map dimensions to ratings, e.g. {accuracy: 4}")
                        return nil
                    }
                    for rating in perDimension {
                        let dimensionID = rating.key.text ?? ""
                        guard let dimension = dimensions.first(where: { $0.id == dimensionID }) else {
                            parser.report(
                                .unknownLabel, at: rating.key.position,
                                "\(Quote.text(dimensionID)) is not a dimension of \(parser.context)\(Suggestion.hint(for: dimensionID, in: dimensions.map(\.id)))"
                            )
                            return nil
                        }
                        guard
                            let value = YAMLFields.integer(
                                rating.value, what: "the gold rating of \(response)'s \(dimensionID)", sink: &parser.sink)
                        else { return nil }
                        guard value.value >= dimension.minimum, value.value <= dimension.maximum else {
                            parser.report(
                                .outOfBounds, at: value.position,
                                "gold rating \(value.value) of \(response)'s \(dimensionID) is outside its scale \(dimension.minimum)–\(dimension.maximum)"
                            )
                            return nil
                        }
                        ratings[response, default: [:]][dimensionID] = value.value
                    }
                }
            } else {
                parser.report(
                    .invalidValue, at: node.position,
                    "'ratings' must map each response to its dimension ratings, e.g. {A: {accuracy: 5}, B: {accuracy: 2}}")
                return nil
            }
        }
        var reason: ReasonRule?
        if let node = answer.node("reason"),
            var rule = YAMLFields(node, context: "the reason rule of \(parser.context)", sink: &parser.sink)
        {
            let minimum = rule.integer("min-words", in: 0...GradingLimits.maximumMinimumWords, sink: &parser.sink)?.value ?? 0
            var mentions: [[String]] = []
            if let groups = rule.node("mentions") {
                for group in YAMLFields.list(groups) {
                    guard let words = YAMLFields.strings(group, what: "a group of words in 'mentions'", sink: &parser.sink), !words.isEmpty
                    else { return nil }
                    mentions.append(words.map(\.value))
                }
            }
            rule.finish(allowed: ["min-words", "mentions"], sink: &parser.sink)
            reason = ReasonRule(minimumWords: max(0, minimum), mentions: mentions)
        }
        answer.finish(allowed: ["preferred", "ratings", "reason"], sink: &parser.sink)
        guard let preferred else { return nil }
        guard choices.contains(preferred.value) else {
            let tieHint =
                preferred.value == "tie"
                ? "; add 'allow-tie: true' to the item to accept ties" : Suggestion.hint(for: preferred.value, in: choices)
            parser.report(.unknownLabel, at: preferred.position, "'\(preferred.value)' is not a response of \(parser.context)\(tieHint)")
            return nil
        }
        let task = PairwiseTask(responses: responses, dimensions: dimensions, allowsTie: allowsTie, asksForReason: reason != nil)
        return (task, PairwiseKey(preferred: preferred.value, ratings: ratings, tolerance: tolerance, reason: reason, weights: weights))
    }
}
