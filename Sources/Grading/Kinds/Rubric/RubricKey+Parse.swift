import Courseware
internal import Foundation

extension RubricKey {
    /// Reads a rubric item: `min-words`, `max-words`, `min-characters`, `max-characters`,
    /// `reading-level: [low, high]`, `requires: [{name, any}]`, `forbid: [phrases]`,
    /// `claims: [{claim, any}]`, `criteria: [{id, title, points, guide}]`,
    /// `weights: {checks, rubric}` and `answer:` (the model answer), which must pass every
    /// check: an author finds out here, not from a learner.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (RubricTask, RubricKey)? {
        let lengths = 0...GradingLimits.maximumAnswerTextLength
        let minimumWords = fields.integer("min-words", in: lengths, sink: &parser.sink)
        let maximumWords = fields.integer("max-words", in: lengths, sink: &parser.sink)
        let minimumCharacters = fields.integer("min-characters", in: lengths, sink: &parser.sink)
        let maximumCharacters = fields.integer("max-characters", in: 1...GradingLimits.maximumAnswerTextLength, sink: &parser.sink)
        var contradictory = false
        for (low, high, what) in [(minimumWords, maximumWords, "words"), (minimumCharacters, maximumCharacters, "characters")] {
            if let low, let high, low.value > high.value {
                contradictory = true
                parser.report(
                    .invalidValue, at: high.position,
                    "'max-\(what)' (\(high.value)) of \(parser.context) is below 'min-\(what)' (\(low.value)); no answer could pass")
            }
        }
        let readingLevel = Self.readingLevel(&fields, &parser)
        let requires = Self.mentions(
            &fields, &parser, key: "requires", nameKey: "name", example: "{name: the refund deadline, any: [30 days]}")
        let claims = Self.mentions(
            &fields, &parser, key: "claims", nameKey: "claim", example: "{claim: \"The tower is in Rome\", any: [Rome]}")
        let forbidden = fields.strings("forbid", sink: &parser.sink)?.map(\.value) ?? []
        let criteria = Self.criteria(&fields, &parser)
        var weights = (checks: 0.5, rubric: 0.5)
        if let node = fields.node("weights"), var parts = YAMLFields(node, context: "'weights' of \(parser.context)", sink: &parser.sink) {
            if let value = parts.number("checks", in: 0...GradingLimits.maximumWeight, sink: &parser.sink) { weights.checks = value.value }
            if let value = parts.number("rubric", in: 0...GradingLimits.maximumWeight, sink: &parser.sink) { weights.rubric = value.value }
            parts.finish(allowed: ["checks", "rubric"], sink: &parser.sink)
        }
        guard let gold = parser.gold(&fields, example: "answer: | (the model answer, which meets every check)") else { return nil }
        guard let model = YAMLFields.string(gold, what: "the model answer of \(parser.context)", sink: &parser.sink),
            let requires, let claims, let criteria
        else { return nil }
        let task = RubricTask(
            minimumWords: minimumWords?.value, maximumWords: maximumWords?.value, minimumCharacters: minimumCharacters?.value,
            maximumCharacters: maximumCharacters?.value ?? GradingLimits.maximumAnswerTextLength, readingLevel: readingLevel,
            criteria: criteria)
        let key = RubricKey(
            requires: requires, claims: claims, forbidden: forbidden, model: model.value, checksWeight: weights.checks,
            rubricWeight: weights.rubric)
        let checks = key.checks(model.value, task: task)
        guard !checks.isEmpty || !criteria.isEmpty else {
            parser.report(
                .missingKey, at: fields.position,
                "\(parser.context) has nothing to grade by; declare checks (min-words, requires, claims, …) or 'criteria'")
            return nil
        }
        if (checks.isEmpty ? 0 : weights.checks) + (criteria.isEmpty ? 0 : weights.rubric) <= 0 {
            parser.report(
                .invalidValue, at: fields.keyPosition("weights") ?? fields.position, "the weights of \(parser.context) add up to 0")
        }
        // Limits no text can meet were reported already; the model cannot meet them either.
        for problem in checks.compactMap(\.problem) where !contradictory {
            parser.report(
                .goldNotFullCredit, at: model.position,
                "the model answer of \(parser.context) fails its own check: \(problem.replacingOccurrences(of: "Your answer", with: "it").replacingOccurrences(of: "You did not", with: "it does not")) Fix the answer or the check."
            )
        }
        return (task, key)
    }

    /// `reading-level: [low, high]`, a Flesch–Kincaid grade range.
    private static func readingLevel(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> ClosedRange<Double>? {
        guard let node = fields.node("reading-level") else { return nil }
        let grades = -5.0...30.0
        guard case .sequence(let values) = node.value, values.count == 2,
            let low = YAMLFields.number(values[0], in: grades, what: "the lowest grade in 'reading-level'", sink: &parser.sink),
            let high = YAMLFields.number(values[1], in: grades, what: "the highest grade in 'reading-level'", sink: &parser.sink),
            low.value <= high.value
        else {
            parser.report(
                .invalidValue, at: node.position,
                "'reading-level' of \(parser.context) must be [lowest, highest] Flesch–Kincaid grades, lowest first, e.g. [6, 10]")
            return nil
        }
        return low.value...high.value
    }

    /// A list of `{<nameKey>: …, any: [words]}`; nil after an error, empty when absent.
    private static func mentions(
        _ fields: inout YAMLFields, _ parser: inout ItemParser, key: String, nameKey: String, example: String
    ) -> [Mention]? {
        guard let node = fields.node(key) else { return [] }
        var result: [Mention] = []
        for entry in YAMLFields.list(node) {
            guard var mention = YAMLFields(entry, context: "an entry of '\(key)' in \(parser.context)", sink: &parser.sink) else {
                return nil
            }
            let name = mention.requiredString(nameKey, hint: "e.g. \(example)", sink: &parser.sink)
            if !mention.has("any") { mention.reportMissing("any", "list the words that count for it, e.g. \(example)", sink: &parser.sink) }
            let words = mention.strings("any", sink: &parser.sink)
            mention.finish(allowed: [nameKey, "any"], sink: &parser.sink)
            guard let name, let words else { return nil }
            guard !words.isEmpty, words.allSatisfy({ !PairwiseKey.words($0.value).isEmpty }) else {
                parser.report(
                    .invalidValue, at: entry.position, "'any' of \(Quote.text(name.value)) must list words that hold a letter or digit")
                return nil
            }
            result.append(Mention(name: name.value, words: words.map(\.value)))
        }
        return result
    }

    /// `criteria: [{id, title, points, guide}]`; nil after an error, empty when absent.
    private static func criteria(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> [RubricTask.Criterion]? {
        guard let node = fields.node("criteria") else { return [] }
        var result: [RubricTask.Criterion] = []
        for entry in YAMLFields.list(node) {
            guard var criterion = YAMLFields(entry, context: "a criterion of \(parser.context)", sink: &parser.sink) else { return nil }
            let id = criterion.requiredString("id", hint: "name the criterion, e.g. id: accuracy", sink: &parser.sink)
            let title = criterion.requiredString("title", hint: "say what it asks, e.g. title: Every fact is correct", sink: &parser.sink)
            let points = criterion.integer("points", in: 1...GradingLimits.maximumScaleSteps, sink: &parser.sink)
            let guide = criterion.string("guide", sink: &parser.sink)
            criterion.finish(allowed: ["id", "title", "points", "guide"], sink: &parser.sink)
            guard let id, let title else { return nil }
            if result.contains(where: { $0.id == id.value }) {
                parser.report(
                    .duplicateID, at: id.position, "criterion \(Quote.text(id.value)) is listed twice in \(parser.context); rename one")
                return nil
            }
            result.append(.init(id: id.value, title: title.value, guide: guide?.value ?? "", points: points?.value ?? 1))
        }
        return result
    }
}
