/// The text of one file, decoded once, with what is needed to report positions in it.
///
/// Loading never fails on content: a UTF-8 byte-order mark is dropped, invalid UTF-8 is
/// replaced by U+FFFD (and the first bad byte is remembered so a checker can report it),
/// and line starts are indexed so cmark's byte columns can be turned into character columns.
public struct SourceFile: Sendable {
    /// The path as the user named it, used verbatim in diagnostics.
    public let path: String
    /// The decoded text, without a byte-order mark.
    public let text: String
    /// Where the first invalid UTF-8 byte was, if any.
    public let invalidUTF8: SourcePosition?
    /// Byte offsets (into `text.utf8`) where each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]
    /// Lines made only of ASCII, whose byte columns are already character columns.
    let asciiLines: [Bool]
    /// For text with a non-ASCII line: how many characters start before each block of
    /// ``checkpointStride`` bytes, so a column is counted from the nearest block rather than
    /// from the line's start (a long non-ASCII line would otherwise be rescanned for every
    /// node on it, which is quadratic). Empty for ASCII text.
    private let checkpoints: [UInt32]
    private static let checkpointStride = 64

    /// Decodes `bytes` as UTF-8.
    public init(path: String, bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        self.init(path: path, byteCount: bytes.count) { buffer in buffer.initialize(fromContentsOf: bytes) }
    }

    /// Decodes text that `fill` writes straight into the string's own storage (a file read
    /// there needs no buffer of its own): `fill` gets room for `byteCount` bytes and returns
    /// how many it wrote.
    init(path: String, byteCount: Int, fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        self.path = path
        var index = LineIndex()
        var invalidUTF8: SourcePosition?
        let text = String(unsafeUninitializedCapacity: byteCount) { buffer in
            var count = fill(buffer)
            if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                count -= 3
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: buffer.baseAddress! + 3, byteCount: count)
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
            index = LineIndex(bytes)
            // Only text with non-ASCII bytes can be invalid; the string repairs what is.
            if index.asciiLines.contains(false) { invalidUTF8 = Self.firstInvalidByte(in: bytes) }
            return count
        }
        // Repairs change byte offsets, so repaired text is indexed again.
        if invalidUTF8 != nil {
            var repaired = text
            index = repaired.withUTF8 { LineIndex($0) }
        }
        self.text = text
        self.invalidUTF8 = invalidUTF8
        (lineStarts, asciiLines) = (index.starts, index.asciiLines)
        checkpoints = asciiLines.contains(false) ? Self.checkpoints(of: text) : []
    }

    /// Wraps text that is already a Swift string (so already valid Unicode).
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Number of lines (a final line without a newline counts; an empty file has one line).
    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its line ending.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end =
            number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
            end = utf8.index(before: end)
        }
        return text[start..<end]
    }

    /// Bytes in a 1-based line, without its line break.
    func lineByteCount(_ number: Int) -> Int {
        guard number >= 1, number <= lineStarts.count else { return 0 }
        let end = number < lineStarts.count ? lineStarts[number] - 1 : text.utf8.count
        return end - lineStarts[number - 1]
    }

    /// Converts a 1-based UTF-8 byte column (as cmark reports it) into a character column,
    /// in time bounded by ``checkpointStride`` whatever the line's length.
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        if asciiLines[line - 1] { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, text.utf8.count)
        return characters(before: end) - characters(before: start) + 1
    }

    /// Characters (UTF-8 sequences) that start before a byte offset: the block's checkpoint
    /// plus the lead bytes between the block's start and the offset.
    private func characters(before offset: Int) -> Int {
        let block = offset / Self.checkpointStride
        var count = Int(checkpoints[block])
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: block * Self.checkpointStride)
        for _ in block * Self.checkpointStride..<offset {
            if utf8[index] & 0xC0 != 0x80 { count += 1 }
            index = utf8.index(after: index)
        }
        return count
    }

    /// The characters before each block of ``checkpointStride`` bytes, one pass over the
    /// text's own bytes (iterating its `utf8` view, index by index, was the most expensive
    /// Swift function in the lesson pipeline's profile).
    private static func checkpoints(of text: String) -> [UInt32] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt32] = []
            result.reserveCapacity(bytes.count / checkpointStride + 1)
            var count: UInt32 = 0
            var start = 0
            while start < bytes.count {
                result.append(count)
                let end = min(start + checkpointStride, bytes.count)
                for byte in UnsafeBufferPointer(rebasing: bytes[start..<end]) where byte & 0xC0 != 0x80 { count += 1 }
                start = end
            }
            if bytes.count % checkpointStride == 0 { result.append(count) }
            return result
        }
    }

    /// The position of a UTF-8 byte offset into `text`.
    public func position(ofByteOffset offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourcePosition(
            line: low + 1,
            column: characterColumn(line: low + 1, byteColumn: offset - lineStarts[low] + 1))
    }

    /// Where lines start and which are pure ASCII, found eight bytes at a time: most words
    /// of a text hold no line break, and one test tells.
    private struct LineIndex {
        var starts = [0]
        var asciiLines = [true]

        init() {}

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            starts.reserveCapacity(bytes.count / 32 + 1)
            asciiLines.reserveCapacity(bytes.count / 32 + 1)
            let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            let lowBits: UInt64 = 0x0101_0101_0101_0101
            let highBits: UInt64 = 0x8080_8080_8080_8080
            var offset = 0
            var nonASCII: UInt64 = 0
            while offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                let xored = word ^ newlines
                if (xored &- lowBits) & ~xored & highBits == 0 {
                    nonASCII |= word & highBits
                } else {
                    for position in offset..<offset + 8 { add(bytes[position], at: position, nonASCII: &nonASCII) }
                }
                offset += 8
            }
            for position in offset..<bytes.count { add(bytes[position], at: position, nonASCII: &nonASCII) }
            asciiLines[asciiLines.count - 1] = nonASCII == 0
        }

        private mutating func add(_ byte: UInt8, at position: Int, nonASCII: inout UInt64) {
            if byte == UInt8(ascii: "\n") {
                asciiLines[asciiLines.count - 1] = nonASCII == 0
                starts.append(position + 1)
                asciiLines.append(true)
                nonASCII = 0
            } else {
                nonASCII |= UInt64(byte & 0x80)
            }
        }
    }

    /// Finds the first byte that does not belong to a valid UTF-8 sequence.
    private static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition? {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { return SourcePosition(line: line, column: column) }
            index += length
            column += 1
        }
        return nil
    }

    /// Length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid.
    private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (low, high) = offset == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
            if byte < low || byte > high { return 0 }
        }
        return length
    }
}
