import Courseware

/// One entry of an object item's gold list while it is read.
struct GoldEntry {
    var fields: YAMLFields
    /// The entry itself, where messages about it point.
    let node: YAMLNode
    /// How messages name the entry: "gold box 2 of item 'cars'".
    let what: String
    let label: Located<String>?
    /// The item's labels, one of which the entry's label must be.
    let labels: [String]

    /// Reports keys other than `label` and `keys`, then returns the label when it is one of
    /// the item's labels (reporting it when not).
    func finish(keys: [String], _ parser: inout ItemParser) -> String? {
        fields.finish(allowed: ["label"] + keys, sink: &parser.sink)
        guard let label, parser.checkLabel(label, in: labels, what: what) else { return nil }
        return label.value
    }
}

extension ItemParser {
    /// Whether a gold list is no longer than an answer may be: gold is replayed as an answer,
    /// and matching is cubic in the number of objects (2,048 gold spans took 46 s to check).
    mutating func checkGoldCount(_ count: Int, at position: SourcePosition) -> Bool {
        guard count > GradingLimits.maximumAnswerElements else { return true }
        report(
            .invalidValue, at: position,
            "the gold 'answer' of \(context) has \(count) entries; at most \(GradingLimits.maximumAnswerElements) are accepted")
        return false
    }

    /// Reads the gold `answer` of an object item (boxes, polygons, segments, keypoint objects):
    /// a list of `{label, …}` entries. Every entry is read, so all mistakes are reported at
    /// once; nil when the list or any entry is wrong.
    ///
    /// - Parameters:
    ///   - noun: names an entry in messages ("box" → "gold box 2 of item 'cars'").
    ///   - list: what the answer must be ("a list of boxes").
    ///   - read: reads an entry's other keys, calls ``GoldEntry/finish(keys:_:)`` and builds
    ///     the object; nil after reporting what is wrong.
    mutating func goldObjects<Object>(
        _ gold: YAMLNode, noun: String, list: String, labels: [String],
        read: (inout GoldEntry, inout ItemParser) -> Object?
    ) -> [Object]? {
        guard case .sequence(let nodes) = gold.value else {
            report(.invalidValue, at: gold.position, "the gold 'answer' of \(context) must be \(list)")
            return nil
        }
        guard checkGoldCount(nodes.count, at: gold.position) else { return nil }
        var objects: [Object] = []
        var failed = false
        for (index, node) in nodes.enumerated() {
            let what = "gold \(noun) \(index + 1) of \(context)"
            guard var fields = YAMLFields(node, context: what, sink: &sink) else { failed = true; continue }
            let label = fields.requiredString("label", hint: "give its label", sink: &sink)
            var entry = GoldEntry(fields: fields, node: node, what: what, label: label, labels: labels)
            if let object = read(&entry, &self) { objects.append(object) } else { failed = true }
        }
        return failed ? nil : objects
    }
}
