import Courseware

/// A JSON value, decoded without a schema so answers can be checked against the item they
/// answer and every mismatch reported in the learner's terms ("expects a list of boxes, got a
/// string") rather than as a `DecodingError` coding path.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// How the value's type is named in messages: "a string", "a number", "a list", …
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// Why an answer does not have the shape its item expects; the message names the part of the
/// answer at fault ("box 2: 'width' must be a number, got a string").
public struct AnswerShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Small typed readers over ``JSONValue`` that throw ``AnswerShapeError``s. What the value is
/// ("'x' of box 2") is only worded when there is an error to report: grading a cohort reads
/// every value of thousands of files.
enum JSONRead {
    static func string(_ value: JSONValue, _ what: @autoclosure () -> String) throws(AnswerShapeError) -> String {
        guard case .string(let text) = value else { throw AnswerShapeError("\(what()) must be a string, got \(value.typeDescription)") }
        return text
    }

    /// A number no larger in magnitude than ``GradingLimits/maximumMagnitude``.
    static func number(_ value: JSONValue, _ what: @autoclosure () -> String) throws(AnswerShapeError) -> Double {
        guard case .number(let number) = value, number.isFinite else {
            throw AnswerShapeError("\(what()) must be a number, got \(value.typeDescription)")
        }
        guard GradingLimits.numbers.contains(number) else {
            throw AnswerShapeError(
                "\(what()) is \(Format.number(number)); numbers from \(Format.number(-GradingLimits.maximumMagnitude)) to \(Format.number(GradingLimits.maximumMagnitude)) are accepted"
            )
        }
        return number
    }

    static func integer(_ value: JSONValue, _ what: @autoclosure () -> String) throws(AnswerShapeError) -> Int {
        let number = try number(value, what())
        guard number == number.rounded(), abs(number) < 1e15 else {
            throw AnswerShapeError("\(what()) must be a whole number, got \(Format.number(number))")
        }
        return Int(number)
    }

    static func array(_ value: JSONValue, _ what: @autoclosure () -> String, limit: Int = GradingLimits.maximumAnswerElements)
        throws(AnswerShapeError)
        -> [JSONValue]
    {
        guard case .array(let items) = value else { throw AnswerShapeError("expects \(what()), got \(value.typeDescription)") }
        if items.count > limit { throw AnswerShapeError("has \(items.count) entries; at most \(limit) are accepted") }
        return items
    }

    static func object(_ value: JSONValue, _ what: @autoclosure () -> String) throws(AnswerShapeError) -> [String: JSONValue] {
        guard case .object(let fields) = value else { throw AnswerShapeError("\(what()) must be an object, got \(value.typeDescription)") }
        return fields
    }

    /// A required field of an object.
    static func field(_ fields: [String: JSONValue], _ key: String, _ what: @autoclosure () -> String) throws(AnswerShapeError) -> JSONValue
    {
        guard let value = fields[key] else { throw AnswerShapeError("\(what()) has no '\(key)'") }
        return value
    }

    /// Refuses keys outside `allowed`, so a typo such as "widht" is not silently ignored.
    static func onlyKeys(_ fields: [String: JSONValue], _ allowed: [String], _ what: @autoclosure () -> String) throws(AnswerShapeError) {
        guard fields.keys.contains(where: { !allowed.contains($0) }) else { return }
        for key in fields.keys.sorted() where !allowed.contains(key) {
            throw AnswerShapeError("\(what()) has an unknown key \(Quote.text(key))\(Suggestion.hint(for: key, in: allowed))")
        }
    }

    /// A text no longer than `limit` characters.
    static func boundedString(_ value: JSONValue, _ what: @autoclosure () -> String, limit: Int = GradingLimits.maximumAnswerTextLength)
        throws(AnswerShapeError) -> String
    {
        let text = try string(value, what())
        if text.unicodeScalars.count > limit {
            throw AnswerShapeError("\(what()) is \(text.unicodeScalars.count) characters long; at most \(limit) are accepted")
        }
        return text
    }
}
