public import Courseware
internal import Foundation

/// Rewrites one item's gold in the text of `items.yaml`, leaving every other line byte for
/// byte as the mentor wrote it (comments, order, quoting, line endings).
///
/// The item's `answer:` key and the lines of its value (a block value runs while lines are
/// blank or indented deeper than the key, or are `- ` entries at the key's own indentation)
/// are replaced by one line, `answer: <gold as compact JSON>` — JSON is YAML's flow style, so
/// the file stays plain YAML. Blank and comment lines after the value stay.
public enum GoldEdit {
    /// The edited text and the lines it replaced (kept in the contest's record).
    public struct Edit: Sendable, Equatable {
        public var text: String
        public var replaced: String
        /// The 1-based line where the new `answer:` line stands.
        public var line: Int
    }

    /// Replaces the gold of the item whose mapping starts at `itemPosition` in `text`.
    ///
    /// - Throws: ``GoldEditError`` when the item's `answer:` key is not written as a plain
    ///   key on a line of its own (then the mentor edits the file by hand).
    public static func replacing(_ text: String, itemAt itemPosition: SourcePosition, itemID: String, with gold: JSONValue)
        throws(GoldEditError) -> Edit
    {
        // Split on the scalar: "\r\n" is one Character, so splitting Characters would miss it.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0))
        }
        let first = itemPosition.line - 1
        guard lines.indices.contains(first) else {
            throw GoldEditError("item '\(itemID)' is not at line \(itemPosition.line) of items.yaml")
        }
        let keyIndent = itemPosition.column - 1
        // The item ends before the next line indented less than its keys.
        var end = first + 1
        while end < lines.count, isBlankOrComment(lines[end]) || indentation(lines[end]) >= keyIndent { end += 1 }
        guard
            let keyLine = (first..<end).first(where: { index in
                let line = lines[index]
                let body = line.dropFirst(keyIndent)
                guard body.hasPrefix("answer:") || body.hasPrefix("answer :") else { return false }
                return index == first ? line.prefix(keyIndent).allSatisfy { $0 == " " || $0 == "-" } : indentation(line) == keyIndent
            })
        else {
            throw GoldEditError(
                "cannot find a plain 'answer:' key of item '\(itemID)' (from items.yaml line \(itemPosition.line)); edit its gold by hand")
        }
        var valueEnd = keyLine + 1
        while valueEnd < end {
            let line = lines[valueEnd]
            let deeper = indentation(line) > keyIndent
            let sameLevelEntry = indentation(line) == keyIndent && line.dropFirst(keyIndent).hasPrefix("- ")
            guard isBlankOrComment(line) || deeper || sameLevelEntry else { break }
            valueEnd += 1
        }
        while valueEnd - 1 > keyLine, isBlankOrComment(lines[valueEnd - 1]) { valueEnd -= 1 }
        let old = lines[keyLine]
        let ending = old.hasSuffix("\r") ? "\r" : ""
        let prefix = String(old.prefix(keyIndent))
        let replaced = lines[keyLine..<valueEnd].joined(separator: "\n")
        lines.replaceSubrange(keyLine..<valueEnd, with: [prefix + "answer: " + JSONText.compact(gold) + ending])
        return Edit(text: lines.joined(separator: "\n"), replaced: replaced, line: keyLine + 1)
    }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}

/// Why the gold could not be rewritten in place.
public struct GoldEditError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
