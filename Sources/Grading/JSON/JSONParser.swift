/// Reads JSON text (RFC 8259) from UTF-8 bytes straight into ``JSONValue``.
///
/// Grading a folder of answers files spends most of its time reading JSON; going through
/// Foundation's `JSONDecoder` and `JSONValue`'s `Decodable` conformance tried each type in
/// turn and boxed every value in containers. This reader takes one pass over the bytes and
/// knows at every fault where it is (a byte offset) and what it expected, so a message can
/// name the line, the column and the character at fault.
///
/// It reads what Foundation's decoder read, as it read it: any JSON value at the top,
/// surrounded by JSON whitespace; a comma after the last entry of a list or an object
/// (`[1, 2,]`), as Foundation allows; numbers as the nearest `Double` (as `strtod` rounds
/// them), a number beyond the largest `Double` being an error; of a repeated key, the first
/// value. It refuses invalid UTF-8, unescaped control characters, lone surrogate escapes and
/// nesting deeper than ``maximumDepth``, each with its own message.
struct JSONParser: ~Copyable {
    /// Deepest nesting of lists and objects read, as Foundation's JSON reader allows: far
    /// beyond any answers file, and shallow enough that neither reading nor releasing a value
    /// (both recursive) can exhaust a thread's stack.
    static let maximumDepth = 512

    /// Where the text stops being JSON (a byte offset; the text's length at its end) and why.
    struct Failure: Error {
        var offset: Int
        var detail: String
        /// True when the punctuation between values is at fault (a missing comma, quote or
        /// bracket is the usual cause); false for a fault inside a value (bad UTF-8, a control
        /// character, an escape, a number out of range) or nesting too deep.
        var structural: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The one value `bytes` holds.
    ///
    /// - Throws: ``Failure`` at the first byte that is not JSON.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected \(parser.found()) after the JSON value") }
        return value
    }

    // MARK: Values

    private mutating func value() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw failure("the file ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value (an object, a list, a string, a number, true, false or null), found \(found())")
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try open()
        var fields: [String: JSONValue] = [:]
        if closeIfAt(UInt8(ascii: "}")) { return .object(fields) }
        repeat {
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a key in double quotes, found \(found())") }
            let key = try string()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected ':' after the key, found \(found())") }
            index += 1
            skipWhitespace()
            let member = try value()
            if let first = fields.updateValue(member, forKey: key) { fields[key] = first }
        } while try !closes(UInt8(ascii: "}"), after: "a value in an object")
        return .object(fields)
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try open()
        var elements: [JSONValue] = []
        if closeIfAt(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            elements.append(try value())
        } while try !closes(UInt8(ascii: "]"), after: "an entry of a list")
        return .array(elements)
    }

    /// Moves past `{` or `[` and the whitespace after it, one level deeper.
    private mutating func open() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw invalid("lists and objects nest deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
    }

    /// True, moving past it, when `closing` is next: the list or object ends.
    private mutating func closeIfAt(_ closing: UInt8) -> Bool {
        guard peek(closing) else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// After an entry: true, moving past it, when `closing` ends the list or object; false
    /// when a comma leads to another entry. A comma just before `closing` is allowed, as
    /// Foundation allows it.
    private mutating func closes(_ closing: UInt8, after entry: StaticString) throws(Failure) -> Bool {
        skipWhitespace()
        if peek(UInt8(ascii: ",")) {
            index += 1
            skipWhitespace()
            if !peek(closing) { return false }
        }
        guard closeIfAt(closing) else {
            throw failure("expected ',' or '\(Character(UnicodeScalar(closing)))' after \(entry), found \(found())")
        }
        return true
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard index < bytes.count, bytes[index] == byte else { throw failure("expected '\(word)', found \(found())") }
            index += 1
        }
        return value
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as the nearest `Double`.
    private mutating func number() throws(Failure) -> Double {
        let negative = peek(UInt8(ascii: "-"))
        if negative { index += 1 }
        let start = index
        // The significant digits as an integer (the first 19 of them) times 10^scale.
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        func add(_ byte: UInt8, fraction: Bool) {
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                if mantissa != 0 { digits += 1 }
                if fraction { scale -= 1 }
            } else {
                digits += 1
                if !fraction { scale += 1 }
            }
        }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit in the number, found \(found())") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure("a number may not start with 0 followed by digits") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                add(bytes[index], fraction: false)
                index += 1
            }
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("expected a digit after the decimal point, found \(found())")
            }
            while index < bytes.count, isDigit(bytes[index]) {
                add(bytes[index], fraction: true)
                index += 1
            }
        }
        var exponent = 0
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("expected a digit in the exponent, found \(found())")
            }
            while index < bytes.count, isDigit(bytes[index]) {
                exponent = min(exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        let magnitude =
            Self.exactDouble(mantissa: mantissa, digits: digits, power: scale + exponent)
            ?? Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) ?? .nan
        guard magnitude.isFinite else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(index, start + 40)]), as: UTF8.self)
            index = start - (negative ? 1 : 0)
            throw invalid("the number \(negative ? "-" : "")\(text) is too large; the largest is about 1.8e308")
        }
        return negative ? -magnitude : magnitude
    }

    /// Clinger's fast path: a mantissa of at most 15 digits is exact in a `Double`, and so is
    /// 10^k for k ≤ 22, so one multiplication or division rounds once, correctly.
    private static func exactDouble(mantissa: UInt64, digits: Int, power: Int) -> Double? {
        guard digits <= 15 else { return nil }
        if mantissa == 0 { return 0 }
        guard (-22...22).contains(power) else { return nil }
        return power < 0 ? Double(mantissa) / powersOfTen[-power] : Double(mantissa) * powersOfTen[power]
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    // MARK: Strings

    /// A string from its opening quote; plain ASCII runs are copied in one piece.
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                throw invalid(
                    "a string holds the control character U+\(Self.hex(UInt32(byte), width: 4)); write it as an escape such as \\n")
            case 0x80...:
                try multibyte(into: &utf8)
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw failure("the file ends inside a string; close it with '\"'")
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(Failure) {
        guard index + 1 < bytes.count else {
            index = bytes.count
            throw failure("the file ends inside a string; close it with '\"'")
        }
        let code = bytes[index + 1]
        let simple: UInt8? =
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): code
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            utf8.append(simple)
            index += 2
            return
        }
        guard code == UInt8(ascii: "u") else {
            index += 1
            throw invalid(
                "\\\(found(quoted: false)) is not an escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits")
        }
        let escapeStart = index
        var scalar = try hexQuad()
        if (0xD800...0xDBFF).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                index = escapeStart
                throw invalid("\\u\(Self.hex(scalar, width: 4)) begins a surrogate pair but no \\uDC00–\\uDFFF follows it")
            }
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = escapeStart
                throw invalid("\\u\(Self.hex(scalar, width: 4)) begins a surrogate pair but no \\uDC00–\\uDFFF follows it")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            index = escapeStart
            throw invalid("\\u\(Self.hex(scalar, width: 4)) ends a surrogate pair that has no beginning")
        }
        utf8.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
    }

    /// The value of `\uXXXX` at `index`, moving past it.
    private mutating func hexQuad() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for offset in 2..<6 {
            let at = index + offset
            guard at < bytes.count else {
                index = bytes.count
                throw failure("the file ends inside a string; close it with '\"'")
            }
            guard let digit = Self.hexValue(bytes[at]) else {
                let seen = min(at, bytes.count)
                index = seen
                throw invalid("\\u must be followed by four hex digits, found \(found())")
            }
            value = value << 4 | digit
        }
        index += 6
        return value
    }

    /// One UTF-8 sequence of two to four bytes, checked as the standard defines it: no
    /// overlong forms, no surrogates, nothing above U+10FFFF.
    private mutating func multibyte(into utf8: inout [UInt8]) throws(Failure) {
        let lead = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8) =
            switch lead {
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard length > 0 else { throw invalidUTF8() }
        for offset in 1..<length {
            let at = index + offset
            let range = offset == 1 ? low...high : 0x80...0xBF
            guard at < bytes.count, range.contains(bytes[at]) else {
                index = min(at, bytes.count)
                throw invalidUTF8()
            }
        }
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
        index += length
    }

    private func invalidUTF8() -> Failure {
        guard index < bytes.count else { return failure("the file ends inside a UTF-8 character") }
        return invalid("byte 0x\(Self.hex(UInt32(bytes[index]), width: 2)) is not valid UTF-8; save the file as UTF-8")
    }

    // MARK: Scanning

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// A fault in the punctuation between values.
    private func failure(_ detail: String) -> Failure { Failure(offset: index, detail: detail, structural: true) }

    /// A fault inside a value, or nesting too deep.
    private func invalid(_ detail: String) -> Failure { Failure(offset: index, detail: detail, structural: false) }

    /// The byte at `index` in words: 'x' for visible ASCII, a code for anything else.
    private func found(quoted: Bool = true) -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        guard (0x21..<0x7F).contains(byte) else { return "byte 0x\(Self.hex(UInt32(byte), width: 2))" }
        let character = String(UnicodeScalar(byte))
        return quoted ? "'\(character)'" : character
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
