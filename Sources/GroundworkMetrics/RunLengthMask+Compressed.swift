extension RunLengthMask {
    /// A mask from COCO's compressed RLE (`{"size": [h, w], "counts": "…"}`), read as
    /// pycocotools' `rleFrString` reads it: each count after the second is stored as its
    /// difference from the count two before, in a LEB128-like code of 5 bits a character
    /// (characters `0` to `o`, bit 5 meaning "more follows", bit 4 of the last the sign).
    ///
    /// - Throws: ``MetricsError`` for a character outside `0`…`o`, a value cut off at the
    ///   end, a negative or oversized count, or counts that do not cover `height × width`.
    public init(compressed: String, height: Int, width: Int) throws(MetricsError) {
        try Self.checkSize(height: height, width: width)
        var counts: [UInt32] = []
        var value: Int64 = 0, shift: Int64 = 0
        for (position, byte) in compressed.utf8.enumerated() {
            guard byte >= 48, byte <= 111 else {
                throw MetricsError(
                    .invalidInput,
                    "compressed counts hold '\(Character(Unicode.Scalar(byte)))' at character \(position + 1); only 0 to o are used")
            }
            let c = Int64(byte) - 48
            guard shift < 35 else {
                throw MetricsError(
                    .invalidInput, "compressed counts hold a value too long to be a count, ending at character \(position + 1)")
            }
            value |= (c & 0x1f) << shift
            shift += 5
            if c & 0x20 != 0 { continue }
            if c & 0x10 != 0 { value |= -1 << shift }
            if counts.count > 2 { value += Int64(counts[counts.count - 2]) }
            guard value >= 0, value <= Int64(height * width) else {
                throw MetricsError(
                    .invalidInput, "compressed counts give run \(counts.count + 1) the length \(value), outside 0…\(height * width)")
            }
            counts.append(UInt32(value))
            value = 0
            shift = 0
        }
        guard shift == 0 else { throw MetricsError(.invalidInput, "compressed counts end in the middle of a value") }
        try self.init(height: height, width: width, counts: counts)
    }

    /// The counts in COCO's compressed form (`rleToString`), as pycocotools writes them.
    public var compressed: String {
        var bytes: [UInt8] = []
        for i in counts.indices {
            var x = Int64(counts[i])
            if i > 2 { x -= Int64(counts[i - 2]) }
            var more = true
            while more {
                var c = UInt8(truncatingIfNeeded: x & 0x1f)
                x >>= 5
                more = c & 0x10 != 0 ? x != -1 : x != 0
                if more { c |= 0x20 }
                bytes.append(c + 48)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
