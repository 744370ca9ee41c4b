internal import Courseware
internal import Grading

/// A JSON value together with its path in the file, so every type or reference error while
/// reading an imported file names the exact value: `coco.json: $.images[2].width: must be a
/// number, got a string`.
struct JSONCursor {
    let value: JSONValue
    let file: String
    let path: String

    /// The root of a file, parsed; a syntax error is located by line and column.
    static func root(bytes: [UInt8], file: String) throws(InteropError) -> JSONCursor {
        guard bytes.count <= GradingLimits.maximumFileBytes * 16 else {
            throw InteropError(
                SourceLocation(file: file), "is \(bytes.count) bytes; at most \(GradingLimits.maximumFileBytes * 16) are read")
        }
        do {
            return JSONCursor(value: try JSONValue.parse(bytes, path: file), file: file, path: "$")
        } catch {
            let location = SourceLocation(file: file, line: error.position.line, column: error.position.column)
            throw InteropError(
                location, "is not valid JSON (\(error.detail)); check for a missing comma, quote or bracket at or just before this point")
        }
    }

    var location: SourceLocation { SourceLocation(file: file, jsonPath: path) }

    func error(_ message: String) -> InteropError { InteropError(location, message) }

    func note(_ message: String) -> ConversionNote { ConversionNote(location, message) }

    var isNull: Bool { if case .null = value { return true } else { return false } }

    /// The field `key` of an object, nil when absent or null.
    subscript(key: String) -> JSONCursor? {
        guard case .object(let fields) = value, let field = fields[key], field != .null else { return nil }
        return JSONCursor(value: field, file: file, path: path + "." + key)
    }

    /// The keys of an object, sorted (empty for anything else).
    var keys: [String] {
        guard case .object(let fields) = value else { return [] }
        return fields.keys.sorted()
    }

    func required(_ key: String) throws(InteropError) -> JSONCursor {
        guard case .object = value else { throw error("must be an object, got \(value.typeDescription)") }
        guard let field = self[key] else { throw error("has no '\(key)'") }
        return field
    }

    func requireObject() throws(InteropError) {
        guard case .object = value else { throw error("must be an object, got \(value.typeDescription)") }
    }

    func array() throws(InteropError) -> [JSONCursor] {
        guard case .array(let elements) = value else { throw error("must be a list, got \(value.typeDescription)") }
        return elements.enumerated().map { JSONCursor(value: $0.element, file: file, path: "\(path)[\($0.offset)]") }
    }

    func string() throws(InteropError) -> String {
        guard case .string(let text) = value else { throw error("must be a string, got \(value.typeDescription)") }
        return text
    }

    /// A finite number within Groundwork's range for numbers read from files.
    func number() throws(InteropError) -> Double {
        guard case .number(let number) = value, number.isFinite else { throw error("must be a number, got \(value.typeDescription)") }
        guard GradingLimits.numbers.contains(number) else {
            throw error("is \(NumberText.exact(number)); numbers from -10^12 to 10^12 are accepted")
        }
        return number
    }

    func integer() throws(InteropError) -> Int {
        let number = try number()
        guard number == number.rounded() else { throw error("must be a whole number, got \(NumberText.exact(number))") }
        return Int(number)
    }

    /// A list of numbers.
    func numbers() throws(InteropError) -> [Double] {
        var result: [Double] = []
        for element in try array() { result.append(try element.number()) }
        return result
    }

    /// A list of strings.
    func strings() throws(InteropError) -> [String] {
        var result: [String] = []
        for element in try array() { result.append(try element.string()) }
        return result
    }

    /// An id written as a number or a string (tools write both), as text.
    func identifier() throws(InteropError) -> String {
        switch value {
        case .string(let text): return text
        case .number: return String(try integer())
        default: throw error("must be an id (a number or a string), got \(value.typeDescription)")
        }
    }
}
