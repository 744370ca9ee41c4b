/// Numbers the distinct finite doubles it is given 0, 1, 2, … in order of first appearance,
/// by hashing the value: equal under `==` means the same number, so −0 and 0 share one.
///
/// Krippendorff's alpha codes every rating this way. Ratings are usually a few small integers,
/// which a linear search finds quickly, but its exit branch mispredicts on random values; a
/// hash probe costs the same for any value, integer or not, however many there are.
final class FiniteValueCodes {
    /// The distinct values, at their codes.
    private(set) var inOrderOfAppearance: [Double] = []
    /// Open addressing: the bit pattern of a value and its code (−1: empty slot).
    private var keys: UnsafeMutablePointer<UInt64>
    private var slots: UnsafeMutablePointer<Int32>
    private var shift: UInt64
    private var capacity: Int

    init() {
        capacity = 64
        shift = 64 - 6
        keys = .allocate(capacity: capacity)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1, count: capacity)
    }

    deinit {
        keys.deallocate()
        slots.deallocate()
    }

    /// The code of `x` (finite), a new one if it was never seen.
    @inline(__always)
    func code(_ x: Double) -> Int32 {
        // + 0 turns −0 into +0; other finite values are equal exactly when their bits are
        let bits = (x + 0).bitPattern
        var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) &>> shift)
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if keys[slot] == bits { return code }
            slot = (slot &+ 1) & (capacity &- 1)
        }
        let code = Int32(truncatingIfNeeded: inOrderOfAppearance.count)
        keys[slot] = bits
        slots[slot] = code
        inOrderOfAppearance.append(x + 0)
        if 2 * inOrderOfAppearance.count > capacity { grow() }
        return code
    }

    /// Doubles the table (load factor at most 1/2), placing every value again.
    private func grow() {
        let oldKeys = keys, oldSlots = slots, oldCapacity = capacity
        capacity *= 2
        shift -= 1
        keys = .allocate(capacity: capacity)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1, count: capacity)
        for i in 0..<oldCapacity where oldSlots[i] >= 0 {
            var slot = Int(truncatingIfNeeded: (oldKeys[i] &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            while slots[slot] >= 0 { slot = (slot &+ 1) & (capacity &- 1) }
            keys[slot] = oldKeys[i]
            slots[slot] = oldSlots[i]
        }
        oldKeys.deallocate()
        oldSlots.deallocate()
    }
}
