import Courseware
internal import Foundation

/// The state shared by the kind parsers while one item is read: where to report, the item's
/// id for messages, and the folder whose media files must exist.
struct ItemParser {
    var sink: DiagnosticSink
    /// The folder holding `items.yaml`, for media checks; nil skips them (inline tests).
    let folder: String?
    var itemID: String

    var context: String { "item '\(itemID)'" }

    mutating func report(_ rule: Diagnostic.Rule, at position: SourcePosition?, _ message: String) {
        sink.report(rule, at: position, message)
    }

    /// Reads a required `answer`, reporting `missing-gold` with an example when it is absent.
    mutating func gold(_ fields: inout YAMLFields, example: String) -> YAMLNode? {
        guard let node = fields.node("answer") else {
            report(.missingGold, at: fields.position, "\(context) has no gold 'answer'; add one, e.g. \(example)")
            return nil
        }
        return node
    }

    /// Reads an optional media file name and reports it when it is not a file inside the
    /// folder of `items.yaml`: a URL, an absolute path, a `..` or a link leading outside is
    /// refused (nothing is fetched or played from elsewhere), a missing file reported.
    mutating func media(_ fields: inout YAMLFields, _ key: String) -> String? {
        guard let name = fields.string(key, sink: &sink) else { return nil }
        if let problem = ContainedPath.problem(with: name.value, in: folder) {
            report(.outsideFolder, at: name.position, "media file \(Quote.text(name.value)) of \(context) \(problem)")
            return nil
        }
        if let folder, !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name.value)) {
            report(
                .missingMedia, at: name.position,
                "media file \(Quote.text(name.value)) of \(context) is not in \(folder); put it beside items.yaml or fix the name")
        }
        return name.value
    }

    /// Reads a required list of distinct labels.
    mutating func labels(_ fields: inout YAMLFields, example: String) -> [String]? {
        guard fields.has("labels") else {
            fields.reportMissing("labels", "list the labels the learner chooses from, e.g. labels: \(example)", sink: &sink)
            _ = fields.node("labels")
            return nil
        }
        guard let labels = fields.strings("labels", sink: &sink) else { return nil }
        var seen = Set<String>()
        for label in labels where !seen.insert(label.value).inserted {
            report(.duplicateID, at: label.position, "label \(Quote.text(label.value)) is listed twice in \(context); remove one")
        }
        if labels.isEmpty {
            report(.invalidValue, at: fields.position, "\(context) has an empty 'labels' list; list at least one label")
            return nil
        }
        return labels.map(\.value)
    }

    /// Checks that `label` is one of `labels`, reporting with a suggestion when not.
    mutating func checkLabel(_ label: Located<String>, in labels: [String], what: String) -> Bool {
        if labels.contains(label.value) { return true }
        report(
            .unknownLabel, at: label.position,
            "\(what) has label \(Quote.text(label.value)), which is not in the labels of \(context)\(Suggestion.hint(for: label.value, in: labels))"
        )
        return false
    }

    /// `[width, height]` of an image, both positive.
    mutating func imageSize(_ fields: inout YAMLFields) -> (width: Double, height: Double)? {
        guard let node = fields.node("size") else {
            fields.reportMissing("size", "give the image size in pixels, e.g. size: [640, 480]", sink: &sink)
            return nil
        }
        guard case .sequence(let values) = node.value, values.count == 2,
            let w = YAMLFields.number(values[0], in: Self.imageSides, what: "the width in 'size'", sink: &sink),
            let h = YAMLFields.number(values[1], in: Self.imageSides, what: "the height in 'size'", sink: &sink)
        else {
            if case .sequence(let values) = node.value, values.count == 2 { return nil }
            report(.invalidValue, at: node.position, "'size' of \(context) must be [width, height] in pixels, e.g. [640, 480]")
            return nil
        }
        guard w.value > 0, h.value > 0 else {
            report(
                .invalidValue, at: node.position,
                "'size' of \(context) must be positive, got \(Format.number(w.value)) × \(Format.number(h.value))")
            return nil
        }
        return (w.value, h.value)
    }

    /// Image sides a `size` may give; 0 is let through to be reported as not positive.
    private static let imageSides = 0...GradingLimits.maximumImageSide

    /// A matching threshold in (0, 1] under `key`, defaulting to `fallback`.
    mutating func threshold(_ fields: inout YAMLFields, _ key: String, default fallback: Double) -> Double {
        guard let value = fields.fraction(key, sink: &sink) else { return fallback }
        guard value.value > 0, value.value <= 1 else {
            report(
                .invalidValue, at: value.position,
                "'\(key)' of \(context) must be above 0 and at most 1 (100%), got \(Format.number(value.value))")
            return fallback
        }
        return value.value
    }

    /// A credit in [-1, 1] (negative for trap answers).
    mutating func credit(_ node: YAMLNode, what: String) -> Double? {
        guard let value = YAMLFields.number(node, what: what, sink: &sink) else { return nil }
        guard value.value >= -1, value.value <= 1 else {
            report(
                .invalidValue, at: value.position,
                "\(what) must lie between -1 (a trap) and 1 (full credit), got \(Format.number(value.value))")
            return nil
        }
        return value.value
    }

    /// A list of `[x, y]` pairs.
    mutating func point(_ node: YAMLNode, what: String) -> (x: Double, y: Double, extra: YAMLNode?)? {
        guard case .sequence(let values) = node.value, values.count == 2 || values.count == 3 else {
            report(.invalidValue, at: node.position, "\(what) must be [x, y], got \(node.typeDescription)")
            return nil
        }
        guard let x = YAMLFields.number(values[0], what: "x of \(what)", sink: &sink),
            let y = YAMLFields.number(values[1], what: "y of \(what)", sink: &sink)
        else { return nil }
        return (x.value, y.value, values.count == 3 ? values[2] : nil)
    }
}
