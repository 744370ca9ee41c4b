/// Positions of labels in a label list, looked up once per value, so that the scoring loops
/// that follow index flat arrays instead of hashing generic labels.
///
/// The public scorers are generic and called from other modules, where they run
/// unspecialised: every hash, comparison and iteration of a `Label` goes through witness
/// tables and metadata lookups. The common label types (String, Int) are therefore routed to
/// specialised code here. Short label lists are searched linearly, and strings are first
/// compared byte for byte: equal bytes mean equal strings, and a value whose bytes match no
/// label is looked up in the index, which applies String's full (canonical) equality.
enum LabelCodes {
    /// Label lists up to this long are searched linearly.
    static let linearSearchLimit = 12

    /// The position in `labels` of every value, and the offset of the first value that is not
    /// in `labels` (nil if none; the codes are then incomplete). `index` must map each label
    /// to its position (``Classification/labelIndex(_:)``).
    static func encode<Label: Hashable>(_ values: [Label], labels: [Label], index: [Label: Int]) -> (codes: [Int], unknown: Int?) {
        if Label.self == String.self {
            return StringLookup(labels: unsafeBitCast(labels, to: [String].self), index: unsafeBitCast(index, to: [String: Int].self))
                .encode(unsafeBitCast(values, to: [String].self))
        }
        if Label.self == Int.self {
            return Lookup(labels: unsafeBitCast(labels, to: [Int].self), index: unsafeBitCast(index, to: [Int: Int].self))
                .encode(unsafeBitCast(values, to: [Int].self))
        }
        return Lookup(labels: labels, index: index).encode(values)
    }

    /// ``encode(_:labels:index:)`` of answers that may be missing: `nil` gets the code
    /// `labels.count`, one past the last label, and is never unknown.
    static func encode<Label: Hashable>(answers: [Label?], labels: [Label], index: [Label: Int]) -> (codes: [Int], unknown: Int?) {
        if Label.self == String.self {
            return StringLookup(labels: unsafeBitCast(labels, to: [String].self), index: unsafeBitCast(index, to: [String: Int].self))
                .encode(answers: unsafeBitCast(answers, to: [String?].self), missing: labels.count)
        }
        if Label.self == Int.self {
            return Lookup(labels: unsafeBitCast(labels, to: [Int].self), index: unsafeBitCast(index, to: [Int: Int].self))
                .encode(answers: unsafeBitCast(answers, to: [Int?].self), missing: labels.count)
        }
        return Lookup(labels: labels, index: index).encode(answers: answers, missing: labels.count)
    }

    /// How often each label occurs in each row — `table[r · labels.count + c]` counts row `r`'s
    /// values equal to `labels[c]` — with the length of every row, and the offset (counting
    /// across rows, in order) of the first value not in `labels` (nil if none; the table is
    /// then incomplete).
    static func countRows<Label: Hashable>(
        _ rows: [[Label]], labels: [Label], index: [Label: Int]
    ) -> (table: [Int], lengths: [Int], unknown: Int?) {
        if Label.self == String.self {
            return StringLookup(labels: unsafeBitCast(labels, to: [String].self), index: unsafeBitCast(index, to: [String: Int].self))
                .countRows(unsafeBitCast(rows, to: [[String]].self), labels: labels.count)
        }
        if Label.self == Int.self {
            return Lookup(labels: unsafeBitCast(labels, to: [Int].self), index: unsafeBitCast(index, to: [Int: Int].self))
                .countRows(unsafeBitCast(rows, to: [[Int]].self), labels: labels.count)
        }
        return Lookup(labels: labels, index: index).countRows(rows, labels: labels.count)
    }

    /// Each set as a bit set over the positions in `labels` (at most 64 labels), and the
    /// first set holding a label outside `labels` (nil if none).
    static func bitSets<Label: Hashable>(_ sets: [Set<Label>], labels: [Label], index: [Label: Int]) -> (sets: [UInt64], unknown: Int?) {
        precondition(labels.count <= 64, "bit sets hold at most 64 labels")
        if Label.self == String.self {
            return StringLookup(labels: unsafeBitCast(labels, to: [String].self), index: unsafeBitCast(index, to: [String: Int].self))
                .bitSets(unsafeBitCast(sets, to: [Set<String>].self))
        }
        if Label.self == Int.self {
            return Lookup(labels: unsafeBitCast(labels, to: [Int].self), index: unsafeBitCast(index, to: [Int: Int].self))
                .bitSets(unsafeBitCast(sets, to: [Set<Int>].self))
        }
        return Lookup(labels: labels, index: index).bitSets(sets)
    }
}

/// Finds a value's position in a label list.
private protocol PositionLookup {
    associatedtype Label: Hashable
    func position(_ value: Label) -> Int?
}

/// Linear search in short lists, the index otherwise.
private struct Lookup<Label: Hashable>: PositionLookup {
    let labels: [Label]
    let index: [Label: Int]

    @inline(__always)
    func position(_ value: Label) -> Int? {
        if labels.count > LabelCodes.linearSearchLimit { return index[value] }
        var c = 0
        while c < labels.count {
            if labels[c] == value { return c }
            c += 1
        }
        return nil
    }
}

/// Byte comparison with every label first, the index (String's own equality) when no label
/// has the same bytes.
private struct StringLookup: PositionLookup {
    let index: [String: Int]
    /// Every label's UTF-8 bytes, one after the other; label `c` ends at `ends[c]`.
    let bytes: [UInt8]
    let ends: [Int]

    init(labels: [String], index: [String: Int]) {
        self.index = index
        var bytes: [UInt8] = [], ends: [Int] = []
        if labels.count <= LabelCodes.linearSearchLimit {
            for l in labels {
                bytes.append(contentsOf: l.utf8)
                ends.append(bytes.count)
            }
        }
        self.bytes = bytes
        self.ends = ends
    }

    @inline(__always)
    func position(_ value: String) -> Int? {
        if !ends.isEmpty {
            // Native and small strings are contiguous UTF-8; others go to the index.
            let found = value.utf8.withContiguousStorageIfAvailable { v -> Int? in
                bytes.withUnsafeBufferPointer { b in
                    var start = 0
                    for (c, end) in ends.enumerated() {
                        if end - start == v.count {
                            var i = 0
                            while i < v.count && b[start + i] == v[i] { i += 1 }
                            if i == v.count { return c }
                        }
                        start = end
                    }
                    return nil
                }
            }
            if let found = found ?? nil { return found }
        }
        return index[value]
    }
}

extension PositionLookup {
    @inline(__always)
    func encode(_ values: [Label]) -> (codes: [Int], unknown: Int?) {
        var codes = [Int](repeating: 0, count: values.count)
        for n in values.indices {
            guard let c = position(values[n]) else { return (codes, n) }
            codes[n] = c
        }
        return (codes, nil)
    }

    @inline(__always)
    func encode(answers: [Label?], missing: Int) -> (codes: [Int], unknown: Int?) {
        var codes = [Int](repeating: missing, count: answers.count)
        for n in answers.indices {
            guard let v = answers[n] else { continue }
            guard let c = position(v) else { return (codes, n) }
            codes[n] = c
        }
        return (codes, nil)
    }

    @inline(__always)
    func countRows(_ rows: [[Label]], labels k: Int) -> (table: [Int], lengths: [Int], unknown: Int?) {
        var table = [Int](repeating: 0, count: rows.count * k)
        var lengths = [Int](repeating: 0, count: rows.count)
        var unknown: Int?
        table.withUnsafeMutableBufferPointer { t in
            rows.withUnsafeBufferPointer { rows in
                var offset = 0
                for r in 0..<rows.count {
                    lengths[r] = rows[r].count
                    let complete = rows[r].withUnsafeBufferPointer { row in
                        for v in row {
                            guard let c = position(v) else { return false }
                            t[r * k + c] += 1
                            offset += 1
                        }
                        return true
                    }
                    if !complete {
                        unknown = offset
                        return
                    }
                }
            }
        }
        return (table, lengths, unknown)
    }

    @inline(__always)
    func bitSets(_ sets: [Set<Label>]) -> (sets: [UInt64], unknown: Int?) {
        var bits = [UInt64](repeating: 0, count: sets.count)
        for n in sets.indices {
            var b: UInt64 = 0
            for v in sets[n] {
                guard let c = position(v) else { return (bits, n) }
                b |= 1 << UInt64(c)
            }
            bits[n] = b
        }
        return (bits, nil)
    }
}

extension Classification {
    /// The positions in `labels` of two parallel lists of values (see ``LabelCodes``).
    ///
    /// - Throws: ``MetricsError`` naming the first offset where either list holds a value
    ///   outside `labels` (the first list's value when both do), as `name[offset]`.
    static func codes<Label: Hashable>(
        _ a: [Label], _ b: [Label], labels: [Label], index: [Label: Int], names: (String, String)
    ) throws(MetricsError) -> ([Int], [Int]) {
        let x = LabelCodes.encode(a, labels: labels, index: index)
        let y = LabelCodes.encode(b, labels: labels, index: index)
        try requireKnown(x.unknown, y.unknown, names) {
            "\(a[$0])"
        } second: {
            "\(b[$0])"
        }
        return (x.codes, y.codes)
    }

    /// ``codes(_:_:labels:index:names:)`` of gold labels and answers that may be missing: an
    /// unanswered sample (`nil`) gets the code `labels.count`, one past the last label.
    ///
    /// - Throws: ``MetricsError`` naming the first offset where gold or an answer is outside
    ///   `labels` (gold's when both are), as `gold[offset]` or `predicted[offset]`.
    static func codes<Label: Hashable>(
        _ gold: [Label], answers: [Label?], labels: [Label], index: [Label: Int]
    ) throws(MetricsError) -> ([Int], [Int]) {
        let x = LabelCodes.encode(gold, labels: labels, index: index)
        let y = LabelCodes.encode(answers: answers, labels: labels, index: index)
        try requireKnown(x.unknown, y.unknown, ("gold", "predicted")) {
            "\(gold[$0])"
        } second: {
            "\(answers[$0]!)"
        }
        return (x.codes, y.codes)
    }

    /// Throws for the earlier of two offsets of unknown values (the first list's on a tie).
    private static func requireKnown(
        _ x: Int?, _ y: Int?, _ names: (String, String), first: (Int) -> String, second: (Int) -> String
    ) throws(MetricsError) {
        if let n = x, n <= y ?? Int.max { throw MetricsError(.unknownLabel, "\(names.0)[\(n)] = \(first(n)) is not in labels") }
        if let n = y { throw MetricsError(.unknownLabel, "\(names.1)[\(n)] = \(second(n)) is not in labels") }
    }
}
