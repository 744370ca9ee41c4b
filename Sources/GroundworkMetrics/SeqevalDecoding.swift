/// Splits prefix tags (`B-PER`, `I-LOC`, `O`, …) into seqeval's marker and type, each
/// distinct tag once: a corpus has a handful of distinct tags repeated over every token, and
/// string slicing per token dominated ``SpanScoring/seqevalEntities(_:)``.
///
/// Tags are recognised by their UTF-8 bytes (up to 16 bytes, packed into two integers), so
/// two tags share a decoding only when their code points are equal, as in Python; longer
/// tags, and tags beyond the first ``cacheLimit`` distinct ones, are decoded every time. The
/// known tags are searched linearly: hashing the packed bytes was 40% of seqeval's time.
/// Types get integer ids interned by String equality, the comparison seqeval's chunk rules
/// use here.
struct PrefixTagDecoder {
    /// One decoded tag: its first code point, its type (`"_"` when empty) and the type's id.
    struct Tag {
        var marker: Unicode.Scalar
        var type: String
        var typeID: Int
    }

    /// Up to 16 UTF-8 bytes of a tag, little-endian, with its length.
    private struct PackedTag: Hashable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

    /// Distinct tags remembered; a corpus has a handful.
    static let cacheLimit = 64

    private var knownKeys: [PackedTag] = []
    private var knownTags: [Tag] = []
    private var typeIDs: [String: Int] = [:]

    /// The marker and type of `tag`.
    ///
    /// - Throws: ``MetricsError`` if the tag is empty (seqeval raises IndexError), naming
    ///   `position` in the concatenated sequence.
    mutating func decode(_ tag: String, position: Int) throws(MetricsError) -> Tag {
        guard let key = Self.pack(tag) else { return try split(tag, position: position) }
        if let n = knownKeys.firstIndex(of: key) { return knownTags[n] }
        let decoded = try split(tag, position: position)
        if knownKeys.count < Self.cacheLimit {
            knownKeys.append(key)
            knownTags.append(decoded)
        }
        return decoded
    }

    private static func pack(_ tag: String) -> PackedTag? {
        var key = PackedTag(low: 0, high: 0, count: 0)
        for byte in tag.utf8 {
            if key.count == 16 { return nil }
            if key.count < 8 {
                key.low |= UInt64(byte) << (8 * UInt64(key.count))
            } else {
                key.high |= UInt64(byte) << (8 * UInt64(key.count - 8))
            }
            key.count += 1
        }
        return key
    }

    /// seqeval's split: the first code point, then the text after the first `-` that follows
    /// it (the whole rest if there is none).
    private mutating func split(_ tag: String, position: Int) throws(MetricsError) -> Tag {
        let scalars = tag.unicodeScalars
        guard let marker = scalars.first else {
            throw MetricsError(.invalidInput, "empty tag at position \(position) of the concatenated sequence")
        }
        let rest = scalars.dropFirst()
        var type = String(rest.firstIndex(of: "-").map { rest[rest.index(after: $0)...] } ?? rest)
        if type.isEmpty { type = "_" }
        let id = typeIDs[type] ?? typeIDs.count
        if id == typeIDs.count { typeIDs[type] = id }
        return Tag(marker: marker, type: type, typeID: id)
    }
}

/// The (first, last) bounds of one type's entities, sorted and distinct, so that seqeval's
/// set intersection of gold and predicted entities is a merge of two sorted lists instead of
/// hashing two-element arrays into Sets.
struct EntityBounds {
    private(set) var firsts: [Int] = []
    private(set) var lasts: [Int] = []

    var count: Int { firsts.count }

    /// The entities of each type. Decoded entities come in order and never repeat; any that
    /// do not are sorted and deduplicated here, keeping set semantics.
    static func byType(_ entities: [TagEntity]) -> [String: EntityBounds] {
        var byType: [String: EntityBounds] = [:]
        for e in entities {
            byType[e.type, default: EntityBounds()].append(e.first, e.last)
        }
        for (type, bounds) in byType where !bounds.isStrictlyIncreasing {
            byType[type] = bounds.sortedDistinct()
        }
        return byType
    }

    private mutating func append(_ first: Int, _ last: Int) {
        firsts.append(first)
        lasts.append(last)
    }

    private static func less(_ a: (Int, Int), _ b: (Int, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    private var isStrictlyIncreasing: Bool {
        var n = 1
        while n < count {
            if !Self.less((firsts[n - 1], lasts[n - 1]), (firsts[n], lasts[n])) { return false }
            n += 1
        }
        return true
    }

    private func sortedDistinct() -> EntityBounds {
        var result = EntityBounds()
        for (f, l) in zip(firsts, lasts).sorted(by: Self.less)
        where result.count == 0 || (result.firsts.last!, result.lasts.last!) != (f, l) {
            result.append(f, l)
        }
        return result
    }

    /// The number of bounds in both lists.
    func intersectionCount(_ other: EntityBounds) -> Int {
        var tp = 0, a = 0, b = 0
        while a < count && b < other.count {
            let x = (firsts[a], lasts[a]), y = (other.firsts[b], other.lasts[b])
            if x == y {
                tp += 1
                a += 1
                b += 1
            } else if Self.less(x, y) {
                a += 1
            } else {
                b += 1
            }
        }
        return tp
    }
}
