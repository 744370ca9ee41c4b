import Foundation
import Grading

/// Lookups into `reference.json`, whose `result` objects differ per task, read as Grading's
/// ``Grading/JSONValue`` tree; each is nil when the value is missing or of another type.
extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var double: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    var int: Int? {
        if case .number(let n) = self, n == n.rounded(), abs(n) < 9e15 { return Int(n) }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var object: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }
}

/// Collects disagreements between Groundwork's numbers and the reference results.
/// Counts must be equal; reals must agree within 1e-9 (relative when the magnitude exceeds 1,
/// the convention of the Metrics fixtures).
struct Agreement {
    static let tolerance = 1e-9
    private(set) var problems: [String] = []
    /// Differences that the Metrics documentation allows (e.g. tie-breaking); reported, not failed.
    private(set) var notes: [String] = []
    private(set) var checked = 0

    var ok: Bool { problems.isEmpty }

    mutating func count(_ what: String, _ ours: Int, _ reference: JSONValue?) {
        checked += 1
        guard let r = reference?.int else {
            problems.append("\(what): reference value missing or not an integer (\(String(describing: reference)))")
            return
        }
        if ours != r { problems.append("\(what): Groundwork \(ours), reference \(r)") }
    }

    mutating func real(_ what: String, _ ours: Double?, _ reference: JSONValue?) {
        checked += 1
        switch (ours, reference) {
        case (nil, .null?), (nil, nil):
            return
        case let (x?, .number(r)?):
            let scale = max(1, abs(r))
            if !(abs(x - r) <= Self.tolerance * scale) {
                problems.append("\(what): Groundwork \(x), reference \(r) (difference \(x - r))")
            }
        default:
            problems.append("\(what): Groundwork \(String(describing: ours)), reference \(String(describing: reference))")
        }
    }

    mutating func same(_ what: String, _ ours: String, _ reference: JSONValue?) {
        checked += 1
        if reference?.string != ours {
            problems.append("\(what): Groundwork \"\(ours)\", reference \(String(describing: reference))")
        }
    }

    mutating func fail(_ message: String) {
        problems.append(message)
    }

    mutating func note(_ message: String) {
        notes.append(message)
    }
}
