/// What the learner sees of an ordinal rating item: the scale and its anchor labels.
public struct RatingTask: Sendable, Hashable, Codable {
    public let minimum: Int
    public let maximum: Int
    /// Value → anchor text ("1: Irrelevant", "5: Perfect"); not every value needs one.
    public let labels: [Int: String]

    /// `4 ('Highly relevant')` or just `4`.
    func name(_ value: Int) -> String {
        labels[value].map { "\(value) ('\($0)')" } ?? "\(value)"
    }

    /// `scale: [1, 5]` or `scale: {min: 1, max: 5, labels: {1: Irrelevant, 5: Perfect}}`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> RatingTask? {
        guard let node = fields.node("scale") else {
            fields.reportMissing("scale", "give the rating scale, e.g. scale: [1, 5]", sink: &parser.sink)
            return nil
        }
        var minimum: Located<Int>?
        var maximum: Located<Int>?
        var labels: [Int: String] = [:]
        switch node.value {
        case .sequence(let bounds) where bounds.count == 2:
            minimum = YAMLFields.integer(bounds[0], what: "the lowest value of 'scale'", sink: &parser.sink)
            maximum = YAMLFields.integer(bounds[1], what: "the highest value of 'scale'", sink: &parser.sink)
        case .mapping:
            guard var scale = YAMLFields(node, context: "'scale' of \(parser.context)", sink: &parser.sink) else { return nil }
            minimum = scale.integer("min", sink: &parser.sink)
            maximum = scale.integer("max", sink: &parser.sink)
            if minimum == nil || maximum == nil {
                parser.report(.invalidValue, at: node.position, "'scale' of \(parser.context) needs whole-number 'min' and 'max'")
            }
            if let labelNode = scale.node("labels") {
                if case .mapping(let pairs) = labelNode.value {
                    for pair in pairs {
                        guard let value = YAMLFields.integer(pair.key, what: "a scale label's value", sink: &parser.sink),
                            let text = YAMLFields.string(pair.value, what: "the label of \(value.value)", sink: &parser.sink)
                        else { continue }
                        labels[value.value] = text.value
                    }
                } else {
                    parser.report(
                        .invalidValue, at: labelNode.position,
                        "'labels' of the scale must map values to texts, e.g. {1: Irrelevant, 5: Perfect}")
                }
            }
            scale.finish(allowed: ["min", "max", "labels"], sink: &parser.sink)
        default:
            parser.report(.invalidValue, at: node.position, "'scale' of \(parser.context) must be [lowest, highest], e.g. [1, 5]")
        }
        guard let minimum, let maximum else { return nil }
        guard minimum.value < maximum.value, maximum.value - minimum.value <= 100 else {
            parser.report(
                .invalidValue, at: node.position,
                "'scale' of \(parser.context) must go from a lower to a higher value (at most 100 steps), got \(minimum.value) to \(maximum.value)"
            )
            return nil
        }
        for value in labels.keys where value < minimum.value || value > maximum.value {
            parser.report(
                .outOfBounds, at: node.position, "scale label for \(value) is outside the scale \(minimum.value)–\(maximum.value)")
        }
        return RatingTask(minimum: minimum.value, maximum: maximum.value, labels: labels)
    }
}
