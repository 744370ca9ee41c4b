public import TestSupport

/// Makes hostile variants of a real file: the mutations that found crashes, hangs and
/// quadratic time in Groundwork's parsers (byte flips, splices, truncation, deep nesting,
/// huge numbers, invalid UTF-8, control characters).
///
/// Every mutation is drawn from the generator it is given, so an input is fully determined
/// by the seed that made the generator.
public struct Mutator {
    public enum Mutation: String, CaseIterable, Sendable {
        case flipBytes, splice, truncate, nest, hugeNumber, invalidUTF8, controls, repeatSlice
    }

    /// Texts to splice from and nest with: the other seeds of the same format.
    let donors: [[UInt8]]

    public init(donors: [[UInt8]]) {
        self.donors = donors
    }

    /// `seed` with one to four mutations applied.
    public func mutate(_ seed: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0...generator.int(4) {
            let mutation = Mutation.allCases[generator.int(Mutation.allCases.count)]
            apply(mutation, to: &bytes, using: &generator)
        }
        return bytes
    }

    func apply(_ mutation: Mutation, to bytes: inout [UInt8], using generator: inout SplitMix64) {
        let at = bytes.isEmpty ? 0 : generator.int(bytes.count + 1)
        switch mutation {
        case .flipBytes:
            for _ in 0...generator.int(8) where !bytes.isEmpty {
                bytes[generator.int(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << generator.int(8))
            }
        case .splice:
            guard let donor = donors.isEmpty ? nil : donors[generator.int(donors.count)], !donor.isEmpty else { return }
            let start = generator.int(donor.count)
            let end = min(donor.count, start + 1 + generator.int(400))
            bytes.insert(contentsOf: donor[start..<end], at: at)
        case .truncate:
            bytes.removeSubrange(at..<bytes.count)
        case .nest:
            let opener = Self.openers[generator.int(Self.openers.count)]
            let depth = 1 << (4 + generator.int(11))  // 16 … 16,384 levels
            var prefix: [UInt8] = []
            prefix.reserveCapacity(opener.count * depth)
            for _ in 0..<depth { prefix += opener }
            bytes.insert(contentsOf: prefix, at: lineStart(before: at, in: bytes))
        case .hugeNumber:
            let number = Self.numbers[generator.int(Self.numbers.count)]
            if let digits = digitRun(near: at, in: bytes) {
                bytes.replaceSubrange(digits, with: number)
            } else {
                bytes.insert(contentsOf: number, at: at)
            }
        case .invalidUTF8:
            let broken = Self.brokenUTF8[generator.int(Self.brokenUTF8.count)]
            bytes.insert(contentsOf: broken, at: at)
        case .controls:
            let control = Self.controls[generator.int(Self.controls.count)]
            bytes.insert(contentsOf: control, at: at)
        case .repeatSlice:
            guard !bytes.isEmpty else { return }
            let start = generator.int(bytes.count)
            let slice = Array(bytes[start..<min(bytes.count, start + 1 + generator.int(40))])
            let times = 1 << generator.int(13)  // up to 4,096 copies
            var run: [UInt8] = []
            for _ in 0..<times { run += slice }
            bytes.insert(contentsOf: run, at: start)
        }
    }

    /// What nests in Markdown, YAML and JSON.
    static let openers: [[UInt8]] = ["> ", "- ", "1. ", "*", "_", "[", "![", "`", "  ", "{\"a\": ", "{a: ", "- - ", "&a ", "*a "]
        .map { Array($0.utf8) }

    static let numbers: [[UInt8]] = [
        "1e19", "1e308", "1.7e308", "-1e308", "1e400", "99999999999999999999", "-9223372036854775808", "9223372036854775807",
        "0", "-0", "NaN", ".nan", ".inf", "-.inf", "1e-400", "0x7fffffff", "100000", "1e20%", "99999999999999999999d",
    ].map { Array($0.utf8) }

    static let brokenUTF8: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]

    static let controls: [[UInt8]] = ["\u{1B}[2J", "\u{1B}]0;x\u{07}", "\u{0}", "\r", "\u{9B}", "\u{202E}", "\t", "\u{FEFF}"]
        .map { Array($0.utf8) }

    private func lineStart(before index: Int, in bytes: [UInt8]) -> Int {
        var start = min(index, bytes.count)
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return start
    }

    /// The run of digits at or after `index` on the same line, if any.
    private func digitRun(near index: Int, in bytes: [UInt8]) -> Range<Int>? {
        var start = index
        while start < bytes.count, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start]) {
            if bytes[start] == UInt8(ascii: "\n") { return nil }
            start += 1
        }
        guard start < bytes.count else { return nil }
        var end = start
        while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) || bytes[end] == UInt8(ascii: ".") {
            end += 1
        }
        return start..<end
    }
}
