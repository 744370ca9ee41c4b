internal import Foundation

/// A `qti-response-declaration` as far as Groundwork scores it: the correct response, the
/// mapping from responses to points, and (from custom response processing) a numeric
/// tolerance.
struct QTIResponse {
    struct MapEntry {
        var key: String
        var value: Double
        /// Absent means true: QTI matches strings exactly.
        var caseSensitive: Bool
    }

    struct Mapping {
        var defaultValue: Double
        var lowerBound: Double?
        var upperBound: Double?
        var entries: [MapEntry]
    }

    var identifier: String
    var cardinality: String
    var baseType: String
    var correct: [String]
    var mapping: Mapping?
    var node: XMLElementNode

    static func read(_ node: XMLElementNode) throws(InteropError) -> QTIResponse {
        guard let identifier = node.attributes["identifier"] else {
            throw InteropError(node.location, "<\(node.name)> has no 'identifier'")
        }
        let correct =
            node.first("qti-correct-response")?.all("qti-value").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } ?? []
        var mapping: Mapping?
        if let map = node.first("qti-mapping") {
            var entries: [MapEntry] = []
            for entry in map.all("qti-map-entry") {
                guard let key = entry.attributes["map-key"] else { throw InteropError(entry.location, "<qti-map-entry> has no 'map-key'") }
                entries.append(
                    MapEntry(
                        key: key, value: try number(entry, "mapped-value") ?? 0,
                        caseSensitive: entry.attributes["case-sensitive"].map { $0 != "false" } ?? true))
            }
            mapping = Mapping(
                defaultValue: try number(map, "default-value") ?? 0, lowerBound: try number(map, "lower-bound"),
                upperBound: try number(map, "upper-bound"), entries: entries)
        }
        return QTIResponse(
            identifier: identifier, cardinality: node.attributes["cardinality"] ?? "single", baseType: node.attributes["base-type"] ?? "",
            correct: correct, mapping: mapping, node: node)
    }

    /// An attribute as a number; nil when absent.
    static func number(_ node: XMLElementNode, _ name: String) throws(InteropError) -> Double? {
        guard let text = node.attributes[name] else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, abs(value) <= 1e12 else {
            throw InteropError(node.location, "'\(name)' must be a number from -10^12 to 10^12, got '\(text)'")
        }
        return value
    }
}

/// How an item's response processing scores a response, as far as Groundwork follows it.
enum QTIScoring {
    /// The `match_correct` template: the correct response scores 1, anything else 0.
    case matchCorrect
    /// The `map_response` template: the mapped values of the response, summed and bounded.
    case mapResponse
    /// Rules written out; Groundwork reads the correct response (and mapping) and any
    /// `qti-equal` tolerance comparing the response with it, and notes that the rules are
    /// not run.
    case custom(XMLElementNode)
    /// No response processing: the correct response is taken as the gold.
    case none

    static func read(_ item: XMLElementNode) -> QTIScoring {
        guard let processing = item.first("qti-response-processing") else { return .none }
        if let template = processing.attributes["template"] ?? processing.attributes["template-location"] {
            let name = ((template as NSString).lastPathComponent as NSString).deletingPathExtension
            if name == "map_response" { return .mapResponse }
            if name == "match_correct" { return .matchCorrect }
        }
        return processing.children.isEmpty ? .matchCorrect : .custom(processing)
    }

    /// Whether custom rules score `response` by its mapping (`qti-map-response`).
    func maps(_ response: String) -> Bool {
        guard case .custom(let processing) = self else { return false }
        var stack = [processing]
        while let node = stack.popLast() {
            if node.localName == "qti-map-response", node.attributes["identifier"] == response { return true }
            stack += node.children
        }
        return false
    }

    /// The absolute tolerance a custom `qti-equal` allows between `response` and its correct
    /// value (`tolerance-mode` exact, absolute or relative), when the rules compare them.
    func tolerance(for response: String, value: Double) -> Double? {
        guard case .custom(let processing) = self else { return nil }
        var stack = [processing]
        while let node = stack.popLast() {
            stack += node.children
            guard node.localName == "qti-equal" else { continue }
            let operands = node.children.map { ($0.localName, $0.attributes["identifier"]) }
            guard operands.contains(where: { $0 == ("qti-variable", response) }),
                operands.contains(where: { $0 == ("qti-correct", response) })
            else { continue }
            let margins = (node.attributes["tolerance"] ?? "0").split(separator: " ").compactMap { Double($0) }
            let margin = margins.max() ?? 0
            switch node.attributes["tolerance-mode"] ?? "exact" {
            case "absolute": return margin
            case "relative": return abs(value) * margin / 100
            default: return 0
            }
        }
        return nil
    }
}
