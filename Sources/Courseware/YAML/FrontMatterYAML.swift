/// A parser for the part of YAML that front matter needs: `key: value` lines whose values are
/// plain or quoted text, `[flow, lists]`, `- block` lists, and `|` / `>` block text.
///
/// Everything else YAML can express (anchors, tags, lists of lists, several documents) has no
/// use in front matter and is reported as unsupported at its position rather than being
/// half-understood; a nested mapping is read as such so the key's reader can say it has the
/// wrong type. Front matter is parsed for every lesson on every load, so the parser works on
/// UTF-8 bytes: every character YAML gives meaning to is ASCII.
struct FrontMatterYAML {
    enum Value {
        case text(String)
        case list([Located<String>])
        /// A nested mapping: valid YAML, but no front-matter key takes one.
        case mapping
    }

    struct Entry {
        var key: String
        var keyPosition: SourcePosition
        var value: Value
        var valuePosition: SourcePosition
    }

    struct Problem: Error {
        var message: String
        var position: SourcePosition
    }

    private typealias Bytes = ArraySlice<UInt8>

    private let lines: [[UInt8]]
    private let firstLine: Int
    private var index = 0

    /// - Parameters:
    ///   - lines: The front matter's lines, without line breaks.
    ///   - firstLine: The file line number of `lines[0]`.
    init(lines: [Substring], firstLine: Int) {
        self.lines = lines.map { Array($0.utf8) }
        self.firstLine = firstLine
    }

    /// Parses every entry, stopping at the first problem.
    mutating func parse() throws(Problem) -> [Entry] {
        var entries: [Entry] = []
        while index < lines.count {
            let line = lines[index][...]
            let content = Self.withoutComment(line)
            if Self.isBlank(content) {
                index += 1
                continue
            }
            if line.first == .space || line.first == .tab {
                throw problem("this line is indented but belongs to no key; start it at the left edge as 'key: value'", line: index, at: 0)
            }
            if content.first == .dash, content.count == 1 || content.dropFirst().first == .space {
                throw problem("expected 'key: value' lines, not a list", line: index, at: 0)
            }
            guard let colon = Self.keyColon(in: content) else {
                throw problem("expected 'key: value'", line: index, at: 0)
            }
            let key = Self.string(content[..<colon])
            if entries.contains(where: { $0.key == key }) {
                throw problem("the key \(Quote.text(key)) appears twice", line: index, at: 0)
            }
            let keyPosition = position(line: index, byte: 0)
            let value = Self.trimmed(content[(colon + 1)...])
            let (parsed, valuePosition) = try parseValue(value)
            entries.append(Entry(key: key, keyPosition: keyPosition, value: parsed, valuePosition: valuePosition))
        }
        return entries
    }

    /// Reads the value `text` (a slice of the current line) and any lines it continues on.
    private mutating func parseValue(_ text: Bytes) throws(Problem) -> (Value, SourcePosition) {
        let line = index
        let start = position(line: line, byte: text.startIndex)
        index += 1
        switch text.first {
        case nil:
            if let list = try blockList() { return (.list(list), list.first?.position ?? start) }
            if index < lines.count, lines[index].first == .space,
                Self.keyColon(in: Self.trimmed(Self.withoutComment(lines[index][...]))) != nil
            {
                let nested = position(line: index, byte: lines[index].prefix { $0 == .space }.count)
                while index < lines.count, lines[index].first == .space || lines[index].isEmpty { index += 1 }
                return (.mapping, nested)
            }
            return (.text(continuation(initial: "")), start)
        case UInt8(ascii: "["):
            return (.list(try flowList(text, line: line)), start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let (scalar, rest) = try quoted(text, line: line)
            if !Self.isBlank(rest) {
                throw problem("unexpected text after the closing quote", line: line, at: rest.startIndex)
            }
            return (.text(scalar), start)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            guard text.count == 1 || (text.count == 2 && (text.last == .dash || text.last == UInt8(ascii: "+"))) else {
                throw problem(
                    "write '\(Self.string(text.prefix(1)))' alone on the line, with the text indented below it", line: line,
                    at: text.startIndex)
            }
            return (.text(blockScalar(folded: text.first == UInt8(ascii: ">"))), start)
        case UInt8(ascii: "{"):
            return (.mapping, start)
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw problem(
                "'\(Self.string(text.prefix(1)))' starts a YAML feature front matter does not support; put the value in quotes", line: line,
                at: text.startIndex)
        default:
            return (.text(continuation(initial: Self.string(text))), start)
        }
    }

    /// `- item` lines under a key.
    private mutating func blockList() throws(Problem) -> [Located<String>]? {
        var items: [Located<String>] = []
        while index < lines.count {
            let line = Self.withoutComment(lines[index][...])
            let rest = line.drop { $0 == .space }
            if rest.isEmpty { index += 1; continue }
            guard rest.first == .dash, rest.count == 1 || rest.dropFirst().first == .space else { break }
            let item = Self.trimmed(rest.dropFirst())
            let itemLine = index
            index += 1
            switch item.first {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let (scalar, _) = try quoted(item, line: itemLine)
                items.append(Located(scalar, at: position(line: itemLine, byte: item.startIndex)))
            case UInt8(ascii: "["), UInt8(ascii: "{"), .dash:
                throw problem("lists inside lists are not supported in front matter", line: itemLine, at: item.startIndex)
            default:
                items.append(Located(Self.string(item), at: position(line: itemLine, byte: item.startIndex)))
            }
        }
        return items.isEmpty ? nil : items
    }

    /// A plain value that continues on indented lines, folded into one line.
    private mutating func continuation(initial: String) -> String {
        var text = initial
        while index < lines.count, lines[index].first == .space {
            let more = Self.string(Self.trimmed(Self.withoutComment(lines[index][...])))
            if !more.isEmpty { text += text.isEmpty ? more : " " + more }
            index += 1
        }
        return text
    }

    /// The indented lines after `|` (kept as lines) or `>` (joined with spaces).
    private mutating func blockScalar(folded: Bool) -> String {
        var collected: [String] = []
        var indent: Int?
        while index < lines.count {
            let line = lines[index]
            let lineIndent = line.prefix { $0 == .space }.count
            if lineIndent == line.count { collected.append(""); index += 1; continue }
            guard lineIndent > 0, lineIndent >= (indent ?? 1) else { break }
            indent = indent ?? lineIndent
            collected.append(Self.string(line[(indent ?? 0)...]))
            index += 1
        }
        while collected.last?.isEmpty == true { collected.removeLast() }
        guard folded else { return collected.joined(separator: "\n") }
        var result = ""
        var previousWasText = false
        for line in collected {
            if line.isEmpty {
                result += "\n"
                previousWasText = false
            } else {
                if previousWasText { result += " " }
                result += line
                previousWasText = true
            }
        }
        return result
    }

    /// `[a, "b, c", 'd']` on one line.
    private func flowList(_ text: Bytes, line: Int) throws(Problem) -> [Located<String>] {
        guard text.last == UInt8(ascii: "]") else {
            throw problem("a list in brackets must close with ']' on the same line", line: line, at: text.startIndex)
        }
        var items: [Located<String>] = []
        // Items are located walking the line once: counting from its start for each item
        // made a list of thousands of entries quadratic.
        var columns = (byte: 0, column: 1)
        var rest = text.dropFirst().dropLast().drop { $0 == .space }
        while !rest.isEmpty {
            let itemStart = rest.startIndex
            let item: String
            if rest.first == UInt8(ascii: "\"") || rest.first == UInt8(ascii: "'") {
                let (scalar, after) = try quoted(rest, line: line)
                item = scalar
                rest = after
            } else {
                let end = rest.firstIndex(of: UInt8(ascii: ",")) ?? rest.endIndex
                let raw = Self.trimmed(rest[..<end])
                if raw.contains(UInt8(ascii: "[")) || raw.contains(UInt8(ascii: "{")) {
                    throw problem("lists inside lists are not supported in front matter", line: line, at: itemStart)
                }
                item = Self.string(raw)
                rest = rest[end...]
            }
            columns.column += Self.characters(in: lines[line][columns.byte..<itemStart])
            columns.byte = itemStart
            items.append(Located(item, at: SourcePosition(line: firstLine + line, column: columns.column)))
            rest = rest.drop { $0 == .space }
            if rest.isEmpty { break }
            guard rest.first == UInt8(ascii: ",") else {
                throw problem("expected ',' between list items", line: line, at: rest.startIndex)
            }
            rest = rest.dropFirst().drop { $0 == .space }
        }
        return items
    }

    /// The quoted scalar at the start of `text`, and what follows its closing quote.
    private func quoted(_ text: Bytes, line: Int) throws(Problem) -> (String, Bytes) {
        let quote = text[text.startIndex]
        var result: [UInt8] = []
        var position = text.index(after: text.startIndex)
        while position < text.endIndex {
            let byte = text[position]
            position += 1
            if byte == quote {
                if quote == UInt8(ascii: "'"), position < text.endIndex, text[position] == quote {
                    result.append(quote)
                    position += 1
                    continue
                }
                return (String(decoding: result, as: UTF8.self), text[position...])
            }
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), position < text.endIndex {
                let escaped = text[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escaped)
                default: result += [UInt8(ascii: "\\"), escaped]
                }
                continue
            }
            result.append(byte)
        }
        throw problem("this quoted text is never closed; add the closing \(Self.string([quote][...]))", line: line, at: text.startIndex)
    }

    /// The index of the colon that ends a `key:` at the start of the text, if there is one.
    /// Keys are ASCII letters, digits, `-` and `_`.
    private static func keyColon(in text: Bytes) -> Int? {
        for index in text.indices {
            let byte = text[index]
            if byte == UInt8(ascii: ":") {
                guard index != text.startIndex else { return nil }
                return index + 1 == text.endIndex || text[index + 1] == .space ? index : nil
            }
            let isKeyByte =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == .dash || byte == UInt8(ascii: "_")
            if !isKeyByte { return nil }
        }
        return nil
    }

    /// The text without a `#` comment (one that starts it or follows a space, outside quotes).
    private static func withoutComment(_ text: Bytes) -> Bytes {
        guard text.contains(UInt8(ascii: "#")) else { return text }
        var quote: UInt8?
        var previous = UInt8.space
        for index in text.indices {
            let byte = text[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                if previous == .space || previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") { quote = byte }
            } else if byte == UInt8(ascii: "#"), previous == .space || previous == .tab {
                return text[..<index]
            }
            previous = byte
        }
        return text
    }

    private static func isBlank(_ text: Bytes) -> Bool {
        text.allSatisfy { $0 == .space || $0 == .tab }
    }

    private static func trimmed(_ text: Bytes) -> Bytes {
        let isSpace: (UInt8) -> Bool = { $0 == .space || $0 == .tab }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }

    private static func string(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The position of a byte offset in a line: columns count Unicode scalars.
    private func position(line: Int, byte: Int) -> SourcePosition {
        SourcePosition(line: firstLine + line, column: Self.characters(in: lines[line][..<min(byte, lines[line].count)]) + 1)
    }

    /// Unicode scalars in UTF-8 bytes: the bytes that are not continuation bytes.
    private static func characters(in bytes: Bytes) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private func problem(_ message: String, line: Int, at byte: Int) -> Problem {
        Problem(message: message, position: position(line: line, byte: byte))
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let dash = UInt8(ascii: "-")
}
