import Courseware
import Foundation
import Testing

@testable import Grading

/// The JSON reader against Foundation's decoder (the reader it replaced): the same value for
/// every text Foundation accepts, and for every text it refuses a refusal located at the
/// byte at fault, in words.
struct JSONParserTests {
    /// Foundation's reading of `bytes`, nil when it refuses them.
    func foundation(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    func parse(_ text: String) throws(JSONValue.SyntaxError) -> JSONValue {
        try JSONValue.parse(Array(text.utf8), path: "answers.json")
    }

    func refusal(_ bytes: [UInt8]) -> JSONValue.SyntaxError? {
        do {
            let value = try JSONValue.parse(bytes, path: "answers.json")
            Issue.record("accepted \(String(decoding: bytes.prefix(60), as: UTF8.self).debugDescription) as \(value)")
            return nil
        } catch {
            return error
        }
    }

    /// Equal values, numbers compared bit for bit (so -0 differs from 0).
    func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(identical)
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { identical(value, $0) } ?? false }
        default: return a == b
        }
    }

    static let valid: [String] = [
        #"{"assessment": "street-boxes", "learner": "ana", "answers": {"b1": [{"label": "car", "x": 10, "y": 20.5}]}}"#,
        "[]", "{}", "[[]]", "[{}]", "null", "true", "false", "\"\"", " \t\r\n [ 1 , 2 ] \n",
        #"["caf\u00e9", "\u00E9", "\ud83d\ude00", "\uD83D\uDE00x", "\u0000", "\u001f", "\u2028"]"#,
        #"["\"", "\\", "\/", "\b", "\f", "\n", "\r", "\t", "a\tb\"c\\d"]"#,
        "[\"café\", \"日本語\", \"😀\", \"Zoë Łukasz\", \"\u{10FFFF}\"]",
        "[0, -0, 1, -1, 10, 1.5, -1.5, 0.1, 0.5e1, 1e3, 1E3, 1e+3, 1e-3, 1.0e+2, 2.5E-2, -0.0, -0e-5]",
        "[9007199254740991, 9007199254740992, 9007199254740993, 18446744073709551615, 18446744073709551616]",
        "[123456789012345678901234567890, 1234567890123456789.0123456789, 0.000000000000000000000000001234]",
        "[0.30000000000000004, 0.1e-10, 1e22, 1e23, 1.7976931348623157e308, 2.2250738585072014e-308, 4.9e-324, 5e-324, 2.4e-320]",
        "[3.141592653589793238462643383279, 2.718281828459045, 123.456e-7, 100000000000000000000000e-23]",
        #"{"a": {"b": {"c": [1, {"d": null}]}}, "e": [true, false, null]}"#,
        "[1,]", #"{"a": 1,}"#, "[1,\n]",  // Foundation accepts a trailing comma
        #"{"a": 1, "a": 2}"#, #"{"k": {"b": 1, "b": [2]}}"#,  // Foundation keeps the first of repeated keys
    ]

    @Test(arguments: valid)
    func readsWhatFoundationReadsAsFoundationDoes(text: String) throws {
        let expected = try #require(foundation(Array(text.utf8)))
        let value = try parse(text)
        #expect(identical(value, expected), "\(value) vs \(expected)")
    }

    @Test func negativeZeroKeepsItsSign() throws {
        guard case .number(let zero) = try parse("-0") else { Issue.record("not a number"); return }
        #expect(zero == 0 && zero.sign == .minus)
    }

    /// RFC 8259 allows `0e5`; Foundation's `JSONSerialization` reads it as 0, its
    /// `JSONDecoder` refused it.
    @Test func zeroWithAnExponentIsZero() throws {
        #expect(try parse("[0e5, 0E+2, -0e1]") == .array([.number(0), .number(0), .number(-0.0)]))
    }

    @Test func surrogatePairsAndRawUTF8MakeTheSameScalars() throws {
        #expect(try parse(#""\ud83d\ude00 caf\u00e9""#) == .string("😀 café"))
        #expect(try parse("\"😀 café\"") == .string("😀 café"))
    }

    @Test func aByteOrderMarkOrUTF16IsReadAsFoundationReadsIt() throws {
        let text = #"{"a": ["é", 1]}"#
        let inputs = [
            [0xEF, 0xBB, 0xBF] + Array(text.utf8), Array(text.data(using: .utf16)!), Array(text.data(using: .utf16LittleEndian)!),
        ]
        for bytes in inputs {
            let expected = try #require(foundation(bytes))
            #expect(identical(try JSONValue.parse(bytes, path: "a.json"), expected))
        }
    }

    /// Random documents: nesting, keys, escapes of every kind (astral scalars as surrogate
    /// pairs), raw UTF-8 and numbers of every form, written with random whitespace.
    @Test func randomDocumentsReadAsFoundationReadsThem() throws {
        var random = SeededGenerator(seed: 16)
        for _ in 0..<1_500 {
            var text = ""
            RandomJSON.write(depth: 0, &random, into: &text)
            let bytes = Array(text.utf8)
            let expected = try #require(foundation(bytes), "\(text)")
            let value = try JSONValue.parse(bytes, path: "random.json")
            #expect(identical(value, expected), "\(text)")
        }
    }

    struct Refused: CustomTestStringConvertible, Sendable {
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var detail: String
        init(_ text: String, _ line: Int, _ column: Int, _ detail: String) {
            self.init(bytes: Array(text.utf8), line, column, detail)
        }
        init(bytes: [UInt8], _ line: Int, _ column: Int, _ detail: String) {
            (self.bytes, self.line, self.column, self.detail) = (bytes, line, column, detail)
        }
        var testDescription: String { String(decoding: bytes.prefix(40), as: UTF8.self).debugDescription }
    }

    static let invalid: [Refused] = [
        Refused("", 1, 1, "the file ends where a value was expected"),
        Refused("  \n ", 2, 2, "the file ends where a value was expected"),
        Refused(#"{"assessment": "street-boxes", "answers": {"#, 1, 44, "expected a key in double quotes, found the end of the file"),
        Refused("{\"a\": 1,\n \"b\": []\n  \"c\": []}", 3, 3, "expected ',' or '}' after a value in an object, found '\"'"),
        Refused("{\"images\": [\n  {\"id\": 1,, }]}", 2, 12, "expected a key in double quotes, found ','"),
        Refused("{not json", 1, 2, "expected a key in double quotes, found 'n'"),
        Refused(#"{"q1" "a"}"#, 1, 7, "expected ':' after the key, found '\"'"),
        Refused("[1 2]", 1, 4, "expected ',' or ']' after an entry of a list, found '2'"),
        Refused("[,]", 1, 2, "expected a value"), Refused("[1,,2]", 1, 4, "expected a value"), Refused("{,}", 1, 2, "expected a key"),
        Refused("{'a': 1}", 1, 2, "expected a key in double quotes, found '''"),
        Refused("[01]", 1, 3, "a number may not start with 0 followed by digits"),
        Refused("[1.]", 1, 4, "expected a digit after the decimal point, found ']'"),
        Refused("[.5]", 1, 2, "expected a value"), Refused("[+1]", 1, 2, "expected a value"),
        Refused("[-]", 1, 3, "expected a digit in the number, found ']'"),
        Refused("[1e]", 1, 4, "expected a digit in the exponent, found ']'"),
        Refused("[NaN]", 1, 2, "expected a value"), Refused("[Infinity]", 1, 2, "expected a value"),
        Refused("[1e400]", 1, 2, "the number 1e400 is too large"), Refused("[-2e308]", 1, 2, "the number -2e308 is too large"),
        Refused("[tru]", 1, 5, "expected 'true', found ']'"), Refused("nul", 1, 4, "expected 'null', found the end of the file"),
        Refused("{\"a\": 1} x", 1, 10, "unexpected 'x' after the JSON value"),
        Refused("/* note */ 1", 1, 1, "expected a value"),
        Refused("{\"a\": 1}\n}", 2, 1, "unexpected '}' after the JSON value"),  // Foundation said 2:2, past the brace
        Refused(#"["\u00"#, 1, 7, "the file ends inside a string"),
        Refused("[\"a\u{01}b\"]", 1, 4, "a string holds the control character U+0001"),
        Refused("[\"line\nbreak\"]", 1, 7, "a string holds the control character U+000A"),
        Refused(#"["\x"]"#, 1, 4, "\\x is not an escape"),
        Refused(#"["\u12G4"]"#, 1, 7, "\\u must be followed by four hex digits, found 'G'"),
        Refused(#"["\ud800"]"#, 1, 3, "\\uD800 begins a surrogate pair but no \\uDC00–\\uDFFF follows it"),
        Refused(#"["ok", "\ud800\u0041"]"#, 1, 9, "\\uD800 begins a surrogate pair"),
        Refused(#"["\udc00"]"#, 1, 3, "\\uDC00 ends a surrogate pair that has no beginning"),
        Refused("[\"abc", 1, 6, "the file ends inside a string"),
        Refused(
            bytes: Array(#"{"a": "x"#.utf8) + [0xFF] + Array(#"y"}"#.utf8), 1, 9, "byte 0xFF is not valid UTF-8; save the file as UTF-8"),
        Refused(bytes: [0x22, 0xC0, 0x80, 0x22], 1, 2, "byte 0xC0 is not valid UTF-8"),  // an overlong NUL
        Refused(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 3, "byte 0xA0 is not valid UTF-8"),  // an encoded surrogate
        Refused(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 3, "byte 0x90 is not valid UTF-8"),  // above U+10FFFF
        Refused(bytes: [0x22, 0x61, 0xE2, 0x82], 1, 4, "the file ends inside a UTF-8 character"),  // columns count characters
        Refused(
            bytes: [0x5B, 0xFF, 0x5D], 1, 2,
            "expected a value (an object, a list, a string, a number, true, false or null), found byte 0xFF"),
    ]

    @Test(arguments: invalid)
    func refusesWhatFoundationRefusesAndSaysWhereAndWhy(refused: Refused) throws {
        #expect(foundation(refused.bytes) == nil, "Foundation accepts it")
        let error = try #require(refusal(refused.bytes))
        // A fault the punctuation hint fits, or one a message must name.
        let named = ["UTF-8;", "control character", "escape", "hex digits", "surrogate", "too large", "nest deeper"]
        #expect(error.isStructural == !named.contains { error.detail.contains($0) }, "\(error.detail)")
        #expect(error.position == SourcePosition(line: refused.line, column: refused.column), "\(error.detail)")
        #expect(error.detail.hasPrefix(refused.detail), "\(error.detail)")
    }

    /// 100,000 openings; the 513th level is refused where it opens.
    @Test(arguments: [("[", 513), ("{\"a\":", 512 * 5 + 1), ("[{\"a\": ", 256 * 7 + 1)])
    func deepNestingIsRefusedWithoutExhaustingTheStack(opening: String, column: Int) throws {
        let bytes = Array(String(repeating: opening, count: 100_000).utf8)
        #expect(foundation(bytes) == nil)
        let error = try #require(refusal(bytes))
        #expect(error.detail == "lists and objects nest deeper than 512 levels")
        #expect(error.position == SourcePosition(line: 1, column: column))
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let expected = try #require(foundation(Array(text.utf8)))
        #expect(try parse(text) == expected)
        #expect(foundation(Array(("[" + text + "]").utf8)) == nil)
        #expect(refusal(Array(("[" + text + "]").utf8)) != nil)
    }
}

/// Writes random JSON text for ``JSONParserTests``.
enum RandomJSON {
    static func write(depth: Int, _ random: inout SeededGenerator, into text: inout String) {
        space(&random, &text)
        switch depth > 4 ? random.next() % 4 : random.next() % 6 {
        case 0: text += ["null", "true", "false"][Int(random.next() % 3)]
        case 1: number(&random, &text)
        case 2, 3: string(&random, &text)
        case 4:
            text += "["
            for index in 0..<Int(random.next() % 5) {
                if index > 0 { text += "," }
                write(depth: depth + 1, &random, into: &text)
            }
            space(&random, &text)
            text += "]"
        default:
            text += "{"
            for index in 0..<Int(random.next() % 5) {
                if index > 0 { text += "," }
                space(&random, &text)
                text += "\"k\(index)\(random.next() % 3 == 0 ? "\\u00e9" : "")\""
                space(&random, &text)
                text += ":"
                write(depth: depth + 1, &random, into: &text)
            }
            space(&random, &text)
            text += "}"
        }
        space(&random, &text)
    }

    static func space(_ random: inout SeededGenerator, _ text: inout String) {
        for _ in 0..<Int(random.next() % 3) { text += [" ", "\n", "\t", "\r\n"][Int(random.next() % 4)] }
    }

    /// Integers, fractions and exponents of up to 25 digits, signs and leading zeros in fractions.
    static func number(_ random: inout SeededGenerator, _ text: inout String) {
        if random.next() % 2 == 0 { text += "-" }
        let digits = 1 + Int(random.next() % 25)
        var integer = String(1 + random.next() % 9)
        for _ in 1..<digits { integer += String(random.next() % 10) }
        text += random.next() % 5 == 0 ? "0" : String(integer.prefix(1 + Int(random.next() % UInt64(digits))))
        if random.next() % 2 == 0 {
            text += "." + String(repeating: "0", count: Int(random.next() % 4)) + integer
        }
        if random.next() % 3 == 0 {
            text += ["e", "E"][Int(random.next() % 2)] + ["", "+", "-"][Int(random.next() % 3)] + String(random.next() % 281)
        }
    }

    /// ASCII, raw UTF-8 and every escape, astral scalars escaped as surrogate pairs.
    static func string(_ random: inout SeededGenerator, _ text: inout String) {
        text += "\""
        for _ in 0..<Int(random.next() % 12) {
            switch random.next() % 8 {
            case 0: text += ["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"][Int(random.next() % 8)]
            case 1: text += ["é", "日", "😀", "Ł", "\u{10FFFF}"][Int(random.next() % 5)]
            case 2, 3:
                let scalar = randomScalar(&random)
                if scalar.value > 0xFFFF {
                    let v = scalar.value - 0x10000
                    text += "\\u" + hex(0xD800 + (v >> 10)) + "\\u" + hex(0xDC00 + (v & 0x3FF))
                } else {
                    text += "\\u" + hex(scalar.value)
                }
            default:
                let byte = UInt8(0x20 + random.next() % 0x5F)
                text += byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? "q" : String(UnicodeScalar(byte))
            }
        }
        text += "\""
    }

    static func randomScalar(_ random: inout SeededGenerator) -> Unicode.Scalar {
        while true {
            if let scalar = Unicode.Scalar(UInt32(random.next() % 0x11_0000)) { return scalar }
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: value % 2 == 0)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
