/// Draws for the item generators, written out over ``SeededGenerator`` (SplitMix64) so that
/// one seed makes the same item on every platform and in every Swift release; the standard
/// library's `random(in:using:)` promises neither.
extension SeededGenerator {
    /// A generator for one part of a larger draw: the same `seed` and `part` always give
    /// the same stream, and different parts give unrelated ones.
    init(seed: UInt64, part: String) {
        self.init(seed: seed ^ StableHash.fnv1a(part))
        _ = next()
    }

    /// An integer in `range`, both ends included.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// A fraction in [0, 1) with 53 random bits.
    mutating func fraction() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// One element of a non-empty list.
    mutating func pick<T>(_ values: [T]) -> T {
        values[int(0...(values.count - 1))]
    }

    /// `count` different elements of `values`, in drawn order.
    mutating func sample<T>(_ values: [T], count: Int) -> [T] {
        var pool = values
        shuffle(&pool)
        return Array(pool.prefix(count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { fraction() < p }
}
