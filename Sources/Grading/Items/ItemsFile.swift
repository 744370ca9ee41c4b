import Courseware

/// Reads `items.yaml`: a YAML list of items, each a mapping with the common keys and its
/// kind's keys.
enum ItemsFile {
    static let commonKeys = ["id", "kind", "prompt", "reason", "lesson", "concepts", "difficulty", "weight", "section", "gold", "hint"]

    static func parse(_ source: SourceFile, folder: String?, sections: [String]?, sink: inout DiagnosticSink) -> [Item] {
        guard let root = YAMLParser.parse(source.text, firstLine: 1, sink: &sink) else { return [] }
        guard case .sequence(let entries) = root.value else {
            if root.isNull {
                sink.report(.noItems, at: root.position, "items.yaml has no items; add a list of items, each starting with '- id:'")
            } else {
                sink.report(
                    .invalidValue, at: root.position,
                    "items.yaml must be a list of items, each starting with '- id:', got \(root.typeDescription)")
            }
            return []
        }
        if entries.isEmpty { sink.report(.noItems, at: root.position, "items.yaml has no items; add at least one") }
        if entries.count > GradingLimits.maximumItems {
            sink.report(
                .invalidValue, at: root.position, "items.yaml has \(entries.count) items; at most \(GradingLimits.maximumItems) are read")
            return []
        }
        var items: [Item] = []
        var firstUse: [String: SourcePosition] = [:]
        for (index, entry) in entries.enumerated() {
            var parser = ItemParser(sink: sink, folder: folder, itemID: "#\(index + 1)")
            let item = parseItem(entry, index: index, sections: sections, parser: &parser, firstUse: &firstUse)
            sink = parser.sink
            if let item { items.append(item) }
        }
        return items
    }

    private static func parseItem(
        _ node: YAMLNode, index: Int, sections: [String]?, parser: inout ItemParser,
        firstUse: inout [String: SourcePosition]
    ) -> Item? {
        guard var fields = YAMLFields(node, context: "item \(index + 1)", sink: &parser.sink) else { return nil }
        let start = parser.sink.diagnostics.count
        guard let id = fields.requiredString("id", hint: "give every item a unique id, e.g. id: q\(index + 1)", sink: &parser.sink) else {
            return nil
        }
        parser.itemID = id.value
        if !AssessmentHeader.isValidID(id.value) {
            parser.report(
                .invalidValue, at: id.position, "item id \(Quote.text(id.value)) must be letters, digits, '-', '_' or '.' with no spaces")
        }
        if let earlier = firstUse[id.value] {
            parser.report(
                .duplicateID, at: id.position,
                "item id \(Quote.text(id.value)) is already used by the item at line \(earlier.line); give each item its own id")
        } else {
            firstUse[id.value] = id.position
        }
        let kindName = fields.requiredString("kind", hint: "say what kind of item it is, e.g. kind: single-choice", sink: &parser.sink)
        var kind: ItemKind?
        if let kindName {
            kind = ItemKind(rawValue: kindName.value)
            if kind == nil {
                let hint =
                    ItemKind.suggestion(for: kindName.value).map { "; did you mean '\($0.rawValue)'?" }
                    ?? "; use one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))"
                parser.report(.unknownKind, at: kindName.position, "unknown item kind \(Quote.text(kindName.value))\(hint)")
            }
        }
        let prompt = fields.requiredString("prompt", hint: "write the question the learner answers", sink: &parser.sink)
        let reason = fields.requiredString(
            "reason", hint: "explain why the gold answer is right; learners see it in their report", sink: &parser.sink)
        let lesson = fields.string("lesson", sink: &parser.sink)
        let concepts = fields.strings("concepts", sink: &parser.sink) ?? []
        var difficulty: Item.Difficulty?
        if let value = fields.string("difficulty", sink: &parser.sink) {
            difficulty = Item.Difficulty(rawValue: value.value)
            if difficulty == nil {
                parser.report(
                    .invalidValue, at: value.position,
                    "difficulty \(Quote.text(value.value)) is not known\(Suggestion.hint(for: value.value, in: Item.Difficulty.allCases.map(\.rawValue)))"
                )
            }
        }
        var weight = 1.0
        if let value = fields.number("weight", in: -GradingLimits.maximumWeight...GradingLimits.maximumWeight, sink: &parser.sink) {
            if value.value > 0 {
                weight = value.value
            } else {
                parser.report(
                    .invalidValue, at: value.position,
                    "weight of \(parser.context) must be positive, got \(Format.number(value.value)); remove the item instead of weighting it 0"
                )
            }
        }
        let isGold = fields.bool("gold", sink: &parser.sink) ?? true
        let hint = fields.string("hint", sink: &parser.sink)
        let section = fields.string("section", sink: &parser.sink)
        if let section {
            if let sections {
                if !sections.contains(section.value) {
                    let hint =
                        sections.isEmpty
                        ? "; declare it under 'sections:' in assessment.md" : Suggestion.hint(for: section.value, in: sections)
                    parser.report(
                        .unknownSection, at: section.position,
                        "section \(Quote.text(section.value)) of \(parser.context) is not declared in assessment.md\(hint)")
                }
            }
        } else if let sections, !sections.isEmpty {
            parser.report(
                .unknownSection, at: fields.position,
                "\(parser.context) has no 'section'; the assessment has sections, so put it in one of \(sections.joined(separator: ", "))")
        }
        guard let kind else { return nil }
        guard let content = parseContent(kind, &fields, &parser) else { return nil }
        fields.finish(allowed: [], sink: &parser.sink)
        guard let prompt, let reason, !parser.sink.hasErrors(since: start) else { return nil }
        return Item(
            id: id.value, prompt: prompt.value, reason: reason.value, lesson: lesson?.value, concepts: concepts.map(\.value),
            difficulty: difficulty, weight: weight, section: section?.value, isGold: isGold, hint: hint?.value, content: content,
            position: node.position,
            lessonPosition: lesson?.position)
    }

    private static func parseContent(_ kind: ItemKind, _ fields: inout YAMLFields, _ parser: inout ItemParser) -> ItemContent? {
        switch kind {
        case .singleChoice: return SingleChoiceKey.parse(&fields, &parser).map { ItemContent.singleChoice($0.0, $0.1) }
        case .multipleChoice: return MultipleChoiceKey.parse(&fields, &parser).map { ItemContent.multipleChoice($0.0, $0.1) }
        case .rating: return RatingKey.parse(&fields, &parser).map { ItemContent.rating($0.0, $0.1) }
        case .shortText: return ShortTextKey.parse(&fields, &parser).map { ItemContent.shortText($0.0, $0.1) }
        case .numeric: return NumericKey.parse(&fields, &parser).map { ItemContent.numeric($0.0, $0.1) }
        case .spans: return SpanKey.parse(&fields, &parser).map { ItemContent.spans($0.0, $0.1) }
        case .boxes: return BoxesKey.parse(&fields, &parser).map { ItemContent.boxes($0.0, $0.1) }
        case .polygons: return PolygonsKey.parse(&fields, &parser).map { ItemContent.polygons($0.0, $0.1) }
        case .keypoints: return KeypointsKey.parse(&fields, &parser).map { ItemContent.keypoints($0.0, $0.1) }
        case .transcription: return TranscriptionKey.parse(&fields, &parser).map { ItemContent.transcription($0.0, $0.1) }
        case .timeSegments: return SegmentsKey.parse(&fields, &parser).map { ItemContent.timeSegments($0.0, $0.1) }
        case .ranking: return RankingKey.parse(&fields, &parser).map { ItemContent.ranking($0.0, $0.1) }
        case .pairwise: return PairwiseKey.parse(&fields, &parser).map { ItemContent.pairwise($0.0, $0.1) }
        case .rubric: return RubricKey.parse(&fields, &parser).map { ItemContent.rubric($0.0, $0.1) }
        }
    }
}
