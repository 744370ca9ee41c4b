/// A parser for the part of YAML that front matter needs: `key: value` lines whose values are
/// plain or quoted text, `[flow, lists]`, `- block` lists, and `|` / `>` block text.
///
/// Everything else YAML can express (nested mappings, anchors, tags, several documents) has
/// no use in front matter and is reported as unsupported at its position, rather than being
/// half-understood. Being small, it is also fast: front matter is parsed for every lesson on
/// every load.
struct FrontMatterYAML {
    enum Value {
        case text(String)
        case list([Located<String>])
        /// A nested mapping: valid YAML, but no front-matter key takes one, so readers
        /// report it as the wrong type for the key.
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

    private let lines: [Substring]
    private let firstLine: Int
    private var index = 0

    /// - Parameters:
    ///   - lines: The front matter's lines, without line breaks.
    ///   - firstLine: The file line number of `lines[0]`.
    init(lines: [Substring], firstLine: Int) {
        self.lines = lines
        self.firstLine = firstLine
    }

    /// Parses every entry, stopping at the first problem.
    mutating func parse() throws(Problem) -> [Entry] {
        var entries: [Entry] = []
        while index < lines.count {
            let line = lines[index]
            let content = Self.withoutComment(line)
            if content.allSatisfy({ $0 == " " }) {
                index += 1
                continue
            }
            if line.first == " " || line.first == "\t" {
                throw problem("this line is indented but belongs to no key; start it at the left edge as 'key: value'", at: 0)
            }
            if line.hasPrefix("- ") || line == "-" {
                throw problem("expected 'key: value' lines, not a list", at: 0)
            }
            guard let colon = Self.keyColon(in: content) else {
                throw problem("expected 'key: value'", at: 0)
            }
            let key = String(content[..<colon])
            if entries.contains(where: { $0.key == key }) {
                throw problem("the key '\(key)' appears twice", at: 0)
            }
            let keyPosition = position(line: index, offset: 0)
            let valueStart = content.index(after: colon)
            let rawValue = content[valueStart...].drop { $0 == " " }
            let valueOffset = content.distance(from: content.startIndex, to: rawValue.startIndex)
            let (value, valuePosition) = try parseValue(String(rawValue.reversed().drop { $0 == " " }.reversed()), offset: valueOffset)
            entries.append(Entry(key: key, keyPosition: keyPosition, value: value, valuePosition: valuePosition))
        }
        return entries
    }

    /// Reads the value that starts at `offset` of the current line, and any lines it continues on.
    private mutating func parseValue(_ text: String, offset: Int) throws(Problem) -> (Value, SourcePosition) {
        let start = position(line: index, offset: offset)
        let lineIndex = index
        index += 1
        switch text.first {
        case nil:
            if let list = try blockList() { return (.list(list), list.first?.position ?? start) }
            if index < lines.count, lines[index].first == " ",
                Self.keyColon(in: Self.withoutComment(lines[index]).drop { $0 == " " }) != nil
            {
                let nestedStart = position(line: index, offset: lines[index].prefix { $0 == " " }.count)
                while index < lines.count, lines[index].first == " " || lines[index].isEmpty { index += 1 }
                return (.mapping, nestedStart)
            }
            return (.text(continuation(initial: "")), start)
        case "[":
            return (.list(try flowList(text, line: lineIndex, offset: offset)), start)
        case "\"", "'":
            let (scalar, rest) = try quoted(text, line: lineIndex, offset: offset)
            if !rest.allSatisfy({ $0 == " " }) {
                throw problem("unexpected text after the closing quote", line: lineIndex, at: offset + text.count - rest.count)
            }
            return (.text(scalar), start)
        case "|", ">":
            guard text.count == 1 || ["|-", ">-", "|+", ">+"].contains(text) else {
                throw problem("write '\(text.first!)' alone on the line, with the text indented below it", line: lineIndex, at: offset)
            }
            return (.text(blockScalar(folded: text.first == ">")), start)
        case "{":
            return (.mapping, start)
        case "&", "*", "!", "%", "@", "`":
            throw problem("'\(text.first!)' starts a YAML feature front matter does not support; put the value in quotes", line: lineIndex, at: offset)
        default:
            if Self.keyColon(in: Substring(text)) != nil, !text.contains("://") {
                throw problem("nested mappings are not supported in front matter; put the value in quotes if it contains ': '", line: lineIndex, at: offset)
            }
            return (.text(continuation(initial: text)), start)
        }
    }

    /// `- item` lines indented under a key.
    private mutating func blockList() throws(Problem) -> [Located<String>]? {
        var items: [Located<String>] = []
        while index < lines.count {
            let line = Self.withoutComment(lines[index])
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if rest.isEmpty { index += 1; continue }
            guard indent > 0 || rest.hasPrefix("- ") || rest == "-", rest.hasPrefix("-") else { break }
            guard rest.hasPrefix("- ") || rest == "-" else { break }
            let itemText = rest.dropFirst(1).drop { $0 == " " }
            let itemOffset = line.distance(from: line.startIndex, to: itemText.startIndex)
            let trimmed = String(itemText.reversed().drop { $0 == " " }.reversed())
            let itemLine = index
            index += 1
            switch trimmed.first {
            case "\"", "'":
                let (scalar, _) = try quoted(trimmed, line: itemLine, offset: itemOffset)
                items.append(Located(scalar, at: position(line: itemLine, offset: itemOffset)))
            case "[", "{", "-":
                throw problem("lists inside lists are not supported in front matter", line: itemLine, at: itemOffset)
            default:
                if Self.keyColon(in: Substring(trimmed)) != nil, !trimmed.contains("://") {
                    throw problem("list items are plain text here, not 'key: value'; put the item in quotes if it contains ': '", line: itemLine, at: itemOffset)
                }
                items.append(Located(trimmed, at: position(line: itemLine, offset: itemOffset)))
            }
        }
        return items.isEmpty ? nil : items
    }

    /// A plain value that continues on indented lines, folded into one line.
    private mutating func continuation(initial: String) -> String {
        var text = initial
        while index < lines.count, lines[index].first == " " {
            let more = Self.withoutComment(lines[index]).trimmingSpaces()
            if !more.isEmpty { text += text.isEmpty ? more : " " + more }
            index += 1
        }
        return text
    }

    /// The indented lines after `|` (kept as lines) or `>` (joined with spaces).
    private mutating func blockScalar(folded: Bool) -> String {
        var collected: [Substring] = []
        var indent: Int?
        while index < lines.count {
            let line = lines[index]
            let lineIndent = line.prefix { $0 == " " }.count
            if line.allSatisfy({ $0 == " " }) { collected.append(""); index += 1; continue }
            guard lineIndent > 0, lineIndent >= (indent ?? 1) else { break }
            indent = indent ?? lineIndent
            collected.append(line.dropFirst(indent ?? 0))
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
    private func flowList(_ text: String, line: Int, offset: Int) throws(Problem) -> [Located<String>] {
        guard text.hasSuffix("]") else {
            throw problem("a list in brackets must close with ']' on the same line", line: line, at: offset)
        }
        var items: [Located<String>] = []
        var rest = Substring(text.dropFirst().dropLast())
        var consumed = offset + 1
        while true {
            let spaces = rest.prefix { $0 == " " }.count
            rest = rest.dropFirst(spaces)
            consumed += spaces
            if rest.isEmpty { break }
            let itemOffset = consumed
            let item: String
            if rest.first == "\"" || rest.first == "'" {
                let (scalar, after) = try quoted(String(rest), line: line, offset: itemOffset)
                item = scalar
                consumed += rest.count - after.count
                rest = Substring(after)
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                item = String(rest[..<end]).trimmingSpaces()
                if item.contains("[") || item.contains("{") {
                    throw problem("lists inside lists are not supported in front matter", line: line, at: itemOffset)
                }
                consumed += rest.distance(from: rest.startIndex, to: end)
                rest = rest[end...]
            }
            items.append(Located(item, at: position(line: line, offset: itemOffset)))
            let spacesAfter = rest.prefix { $0 == " " }.count
            rest = rest.dropFirst(spacesAfter)
            consumed += spacesAfter
            if rest.isEmpty { break }
            guard rest.first == "," else {
                throw problem("expected ',' between list items", line: line, at: consumed)
            }
            rest = rest.dropFirst()
            consumed += 1
        }
        return items
    }

    /// A quoted scalar at the start of `text`, and what follows its closing quote.
    private func quoted(_ text: String, line: Int, offset: Int) throws(Problem) -> (String, String) {
        let quote = text.first!
        var result = ""
        var iterator = text.dropFirst().makeIterator()
        var consumed = 1
        while let character = iterator.next() {
            consumed += 1
            if character == quote {
                if quote == "'", text.dropFirst(consumed).first == "'" {
                    _ = iterator.next()
                    consumed += 1
                    result.append("'")
                    continue
                }
                return (result, String(text.dropFirst(consumed)))
            }
            if quote == "\"", character == "\\", let escaped = iterator.next() {
                consumed += 1
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\"", "\\", "/": result.append(escaped)
                default: result.append("\\"); result.append(escaped)
                }
                continue
            }
            result.append(character)
        }
        throw problem("this quoted text is never closed; add the closing \(quote)", line: line, at: offset)
    }

    /// The index of the colon that ends a `key:` at the start of the line, if there is one.
    private static func keyColon(in line: Substring) -> Substring.Index? {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
        let after = line.index(after: colon)
        guard after == line.endIndex || line[after] == " " else { return nil }
        let key = line[..<colon]
        return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } ? colon : nil
    }

    /// The line without a `#` comment (one that starts the line or follows a space, outside quotes).
    private static func withoutComment(_ line: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if previous == " " || previous == "[" || previous == "," { quote = character }
            } else if character == "#", previous == " " || previous == "\t" {
                return line[..<index]
            }
            previous = character
        }
        return line
    }

    private func position(line: Int, offset: Int) -> SourcePosition {
        let text = lines[line]
        let scalars = text.prefix(offset).unicodeScalars.count
        return SourcePosition(line: firstLine + line, column: scalars + 1)
    }

    private func problem(_ message: String, at offset: Int) -> Problem {
        problem(message, line: index, at: offset)
    }

    private func problem(_ message: String, line: Int, at offset: Int) -> Problem {
        Problem(message: message, position: position(line: line, offset: offset))
    }
}
