import Testing

@testable import Courseware

struct PositionTests {
    private func firstLink(_ document: MarkdownDocument) -> MarkdownNode? {
        var found: MarkdownNode?
        document.root.forEach { node in
            if found == nil, case .link = node.kind { found = node }
        }
        return found
    }

    @Test func columnsCountCharactersNotBytes() {
        let document = parse("héllo wörld 日本 [x](y.md)\n")
        #expect(firstLink(document)?.position == SourcePosition(line: 1, column: 16))
    }

    @Test func emojiAndCombiningMarksCountAsScalars() {
        // "e\u{301}" is two scalars; "👍" is one.
        let document = parse("e\u{301}👍 [x](y.md)\n")
        #expect(firstLink(document)?.position == SourcePosition(line: 1, column: 5))
    }

    @Test func crlfLineEndingsKeepLinesAndColumns() {
        let document = parse("first\r\n\r\nsecond [x](y.md)\r\n")
        #expect(firstLink(document)?.position == SourcePosition(line: 3, column: 8))
    }

    @Test func aByteOrderMarkIsNotAColumn() {
        let source = SourceFile(path: "bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array("[x](y.md)\n".utf8))
        #expect(source.text == "[x](y.md)\n")
        #expect(firstLink(MarkdownDocument(source: source))?.position == SourcePosition(line: 1, column: 1))
    }

    @Test func invalidUTF8IsLocatedAndRepaired() {
        let bytes = Array("ok\nab".utf8) + [0xFF] + Array("cd\n".utf8)
        let source = SourceFile(path: "bad.md", bytes: bytes)
        #expect(source.invalidUTF8 == SourcePosition(line: 2, column: 3))
        #expect(source.text == "ok\nab\u{FFFD}cd\n")
    }

    @Test(
        arguments: [
            ([0xC0, 0x80], 1),  // overlong
            ([0xED, 0xA0, 0x80], 1),  // surrogate
            ([0x61, 0xE2, 0x82], 2),  // truncated at the end
            ([0xF4, 0x90, 0x80, 0x80], 1),  // beyond U+10FFFF
        ] as [([UInt8], Int)])
    func malformedSequencesAreFound(bytes: [UInt8], column: Int) {
        #expect(SourceFile(path: "x", bytes: bytes).invalidUTF8 == SourcePosition(line: 1, column: column))
    }

    /// Lines are indexed eight bytes at a time; this checks it against a plain byte loop on
    /// texts whose line breaks and non-ASCII bytes fall everywhere in those eight.
    @Test func lineIndexMatchesAByteByByteScan() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", "\n", "\r\n", "é", "日", "        ", "\n\n"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let source = SourceFile(path: "x", text: text)
            var starts = [0]
            var ascii = [true]
            for (offset, byte) in text.utf8.enumerated() {
                if byte == UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                    ascii.append(true)
                } else if byte >= 0x80 {
                    ascii[ascii.count - 1] = false
                }
            }
            #expect(source.lineStarts == starts && source.asciiLines == ascii, "\(Array(text.utf8))")
        }
    }

    /// Columns on non-ASCII lines are counted from a checkpoint every 64 bytes; this checks
    /// them against counting every character from the line's start, on lines long enough to
    /// cross several checkpoints.
    @Test func characterColumnsMatchCountingFromTheLineStart() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", "\n", "é", "日", "👍", "        "]
        for _ in 0..<100 {
            let text = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let source = SourceFile(path: "x", text: text)
            var found: [Int] = []
            var expected: [Int] = []
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var byteColumn = 1
                for (character, scalar) in line.unicodeScalars.enumerated() {
                    found.append(source.characterColumn(line: index + 1, byteColumn: byteColumn))
                    expected.append(character + 1)
                    byteColumn += String(scalar).utf8.count
                }
            }
            #expect(found == expected, "\(Array(text.utf8))")
        }
    }

    @Test func validMultiByteTextHasNoInvalidPosition() {
        #expect(SourceFile(path: "x", bytes: Array("日本語 ü 👍".utf8)).invalidUTF8 == nil)
    }

    @Test func positionsInsideSpecialBlocksPointIntoTheFile() {
        let document = parse("Intro\n\n- item\n\n  ```tip\n  See [x](y.md) here\n  ```\n")
        #expect(firstLink(document)?.position == SourcePosition(line: 6, column: 7))
    }

    @Test func byteOffsetsMapToPositions() {
        let source = SourceFile(path: "x", text: "ab\nçd\n")
        #expect(source.position(ofByteOffset: 0) == SourcePosition(line: 1, column: 1))
        #expect(source.position(ofByteOffset: 6) == SourcePosition(line: 2, column: 3))
    }
}
