// Bit-parallel Levenshtein distance and alignment on integer token ids (Myers 1999, in Hyyrö's
// 2003 formulation, with multi-word blocks and an Ukkonen band), reproducing exactly the
// alignment rapidfuzz 3.x `Levenshtein.editops` / `opcodes` returns.
//
// Notation: the pattern `a` (the reference in an alignment) has `m` tokens; the text `b` has
// `n`. `D[i][j]` is the distance between `a[..<i]` and `b[..<j]`. After text token `j` the
// vectors `VP`/`VN` hold, in bit `i - 1`, whether `D[i][j] - D[i - 1][j]` is +1 / −1
// (pattern-direction deltas, block `w` holding rows `64w + 1 … 64w + 64`).
//
// Banding. When `k` is an upper bound of the distance, every cell of an optimal path satisfies
// `|i − j| + |(m − i) − (n − j)| ≤ k` (a lower bound of the cost before plus one of the cost after
// the cell), i.e. at column `j` the rows `min(j, j + Δ) − c … max(j, j + Δ) + c` with
// `Δ = m − n`, `c = ⌊(k − |Δ|) / 2⌋`. Only the blocks covering those rows (widened by one row on
// each side) are computed; a block that leaves the band at the top is replaced by a boundary
// growing by one per column, and a block entering at the bottom starts from vertical deltas +1.
// Both overestimate, so every computed value is ≥ the true one, and it is exact for every cell
// on a path of cost ≤ `k` (all of its cells are inside the band). Consequences used below:
// any band's computed distance is an upper bound, and exact when it is ≤ `k`; the minimisers of
// Hirschberg's split cost are the same as with the full matrix (a minimiser lies on an optimal
// path, so both halves are exact there; elsewhere the computed cost is ≥ the true one, which
// exceeds the minimum); and rapidfuzz's backtrace reads the same bits as on the full matrix (it
// only visits cells of optimal paths and compares each with a neighbour that is on an optimal
// path whenever the comparison can succeed).

/// A contiguous scratch allocation that only grows (contents are not kept when it grows).
struct ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    /// Room for `count` elements (uninitialised when it had to grow).
    @inline(__always)
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if count > capacity { grow(count) }
        return base
    }

    private mutating func grow(_ count: Int) {
        base.deallocate()
        capacity = Swift.max(count, 2 * capacity)
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }
}

extension Transcription {
    /// One step of the alignment: rapidfuzz's `EditOp` (`src`, `dest` are positions in the full
    /// reference and hypothesis).
    struct RawOp {
        var kind: EditOperation
        var src: Int
        var dest: Int
    }

    /// Scratch memory and kernels for the distances and alignments of one call (reused across
    /// its sentence pairs). Not shared between threads.
    final class LevenshteinEngine {
        /// Token id → row of `pm` (1-based) while a pattern is prepared; 0 for every other id.
        private var slots: UnsafeMutablePointer<Int32>
        private var slotCapacity: Int
        /// Pattern-match masks: row 0 is all zeros, then one row of `blocks` words per distinct
        /// pattern token.
        private var pm = ScratchBuffer<UInt64>()
        private var vp = ScratchBuffer<UInt64>()
        private var vn = ScratchBuffer<UInt64>()
        /// Recorded `VP`/`VN` words of each text position (interleaved), `width` blocks per row,
        /// starting at block `rowFirst[j]`.
        private var matrix = ScratchBuffer<UInt64>()
        private var rowFirst = ScratchBuffer<Int32>()
        private var rowLast = ScratchBuffer<Int32>()
        /// Keys of the per-block hash tables when the pattern's rows are not dense.
        private var hashKeys = ScratchBuffer<Int32>()
        /// Whether the prepared pattern uses dense rows (`pm` indexed by `slots`).
        private var denseRows = true
        private var leftColumn = ScratchBuffer<Int>()
        private var rightColumn = ScratchBuffer<Int>()
        private let empty: UnsafeMutablePointer<Int32>
        /// Edit operations of the alignment being built.
        private(set) var ops: [RawOp] = []

        /// `alphabet`: token ids are in `0..<alphabet` (see ``reserveAlphabet(_:)``).
        init(alphabet: Int) {
            slotCapacity = Swift.max(alphabet, 256)
            slots = .allocate(capacity: slotCapacity)
            slots.initialize(repeating: 0, count: slotCapacity)
            empty = .allocate(capacity: 1)
            empty.initialize(to: 0)
        }

        deinit {
            slots.deallocate()
            empty.deallocate()
            pm.free()
            hashKeys.free()
            vp.free()
            vn.free()
            matrix.free()
            rowFirst.free()
            rowLast.free()
            leftColumn.free()
            rightColumn.free()
        }

        /// Makes room for token ids in `0..<alphabet`.
        @inline(__always)
        func reserveAlphabet(_ alphabet: Int) {
            if alphabet > slotCapacity { growSlots(alphabet) }
        }

        private func growSlots(_ alphabet: Int) {
            let capacity = Swift.max(alphabet, 2 * slotCapacity)
            let fresh = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
            fresh.initialize(repeating: 0, count: capacity)
            slots.deallocate()
            slots = fresh
            slotCapacity = capacity
        }

        // MARK: Public entry points (token ids must be < the reserved alphabet)

        /// Levenshtein distance of two token sequences.
        func distance(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>) -> Int {
            var x = a.baseAddress ?? UnsafePointer(empty), y = b.baseAddress ?? UnsafePointer(empty)
            var m = a.count, n = b.count
            while m > 0 && n > 0 && x.pointee == y.pointee {
                x += 1
                y += 1
                m -= 1
                n -= 1
            }
            while m > 0 && n > 0 && x[m - 1] == y[n - 1] {
                m -= 1
                n -= 1
            }
            if m > n {
                swap(&x, &y)
                swap(&m, &n)
            }
            if m == 0 { return n }
            let blocks = preparePattern(x, step: 1, count: m)
            let d = preparedDistance(m: m, blocks: blocks, text: y, step: 1, count: n)
            releasePattern(x, step: 1, count: m)
            return d
        }

        /// rapidfuzz's alignment of `a` (reference) and `b` (hypothesis) as jiwer's chunks, with counts.
        func align(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>) -> EditAlignment {
            ops.removeAll(keepingCapacity: true)
            hirschberg(
                a.baseAddress ?? UnsafePointer(empty), a.count, b.baseAddress ?? UnsafePointer(empty), b.count,
                srcPos: 0, destPos: 0, max: Swift.max(a.count, b.count), exact: -1)
            let chunks = Transcription.opcodes(ops, srcLen: a.count, destLen: b.count)
            var h = 0, s = 0, d = 0, i = 0
            for c in chunks {
                switch c.operation {
                case .equal: h += c.referenceRange.count
                case .substitute: s += c.referenceRange.count
                case .delete: d += c.referenceRange.count
                case .insert: i += c.hypothesisRange.count
                }
            }
            return EditAlignment(chunks: chunks, hits: h, substitutions: s, deletions: d, insertions: i)
        }

        // MARK: Pattern

        /// Fills the pattern-match masks for the pattern `p[i * step]`, `i ∈ 0..<m` (`m ≥ 1`);
        /// returns the number of 64-bit blocks. Dense rows (one per distinct token, `blocks`
        /// words each) when there are at most 255 distinct tokens or the rows fit in 16 MiB;
        /// otherwise one small hash table per block (≤ 64 distinct tokens each), so memory stays
        /// O(m). Undo with
        /// ``releasePattern(_:step:count:)``.
        private func preparePattern(_ p: UnsafePointer<Int32>, step: Int, count m: Int) -> Int {
            let blocks = (m + 63) >> 6
            let s = slots
            var rows: Int32 = 1
            var q = p
            for _ in 0..<m {
                let g = Int(q.pointee)
                if s[g] == 0 {
                    s[g] = rows
                    rows &+= 1
                }
                q += step
            }
            let total = Int(rows) * blocks
            denseRows = rows <= 256 || total <= 1 << 21
            if denseRows {
                let t = pm.reserve(total)
                t.update(repeating: 0, count: total)
                q = p
                for i in 0..<m {
                    t[Int(s[Int(q.pointee)]) &* blocks &+ (i >> 6)] |= 1 &<< UInt64(i & 63)
                    q += step
                }
            } else {
                let size = blocks * HashedPatternBits.slotsPerBlock
                let keys = hashKeys.reserve(size), bits = pm.reserve(size)
                keys.update(repeating: -1, count: size)
                q = p
                for i in 0..<m {
                    let t = q.pointee
                    let base = (i >> 6) &* HashedPatternBits.slotsPerBlock
                    var k = HashedPatternBits.slot(t)
                    while keys[base &+ k] != t && keys[base &+ k] >= 0 { k = (k &+ 1) & (HashedPatternBits.slotsPerBlock - 1) }
                    if keys[base &+ k] < 0 {
                        keys[base &+ k] = t
                        bits[base &+ k] = 0
                    }
                    bits[base &+ k] |= 1 &<< UInt64(i & 63)
                    q += step
                }
            }
            return blocks
        }

        private func releasePattern(_ p: UnsafePointer<Int32>, step: Int, count m: Int) {
            let s = slots
            var q = p
            for _ in 0..<m {
                s[Int(q.pointee)] = 0
                q += step
            }
        }

        // MARK: Kernels

        /// `D[m][n]` for a prepared pattern of at most 64 tokens (Hyyrö 2003, one word).
        private func distance64(m: Int, text t: UnsafePointer<Int32>, step: Int, count n: Int) -> Int {
            let s = slots, pmRows = pm.base
            var vp: UInt64 = ~0, vn: UInt64 = 0
            var d = m
            let lastBit = UInt64(m - 1)
            var q = t
            for _ in 0..<n {
                let x = pmRows[Int(s[Int(q.pointee)])]
                let d0 = (((x & vp) &+ vp) ^ vp) | x | vn
                var hp = vn | ~(d0 | vp)
                var hn = d0 & vp
                d = d &+ Int((hp &>> lastBit) & 1) &- Int((hn &>> lastBit) & 1)
                hp = (hp &<< 1) | 1
                hn = hn &<< 1
                vp = hn | ~(d0 | hp)
                vn = hp & d0
                q += step
            }
            return d
        }

        /// Records `VP`/`VN` after every text token for a prepared pattern of at most 64 tokens.
        private func record64(text t: UnsafePointer<Int32>, count n: Int) {
            let s = slots, pmRows = pm.base
            let out = matrix.reserve(2 * n), first = rowFirst.reserve(n), last = rowLast.reserve(n)
            var vp: UInt64 = ~0, vn: UInt64 = 0
            for j in 0..<n {
                let x = pmRows[Int(s[Int(t[j])])]
                let d0 = (((x & vp) &+ vp) ^ vp) | x | vn
                var hp = vn | ~(d0 | vp)
                var hn = d0 & vp
                hp = (hp &<< 1) | 1
                hn = hn &<< 1
                vp = hn | ~(d0 | hp)
                vn = hp & d0
                out[2 &* j] = vp
                out[2 &* j &+ 1] = vn
                first[j] = 0
                last[j] = 0
            }
        }

        /// Block count of a band row span (see ``runBlocks``), for the recording width.
        private static func bandWidth(blocks: Int, delta: Int, c: Int) -> Int {
            if c >= Int.max >> 3 { return blocks }
            return Swift.min(blocks, (abs(delta) + 2 * c + 2) / 64 + 2)
        }

        /// Runs the multi-block bit-parallel DP of the prepared pattern (`m` tokens, `blocks`
        /// words) over the text `t[j * step]`, `j ∈ 0..<n` (`n ≥ 1`), computing at column `j` only
        /// the blocks that cover rows `min(j, j + delta) − c − 1 … max(j, j + delta) + c + 1`
        /// (`c = Int.max >> 2`: every block). Leaves the last column's words in `vp`/`vn` and
        /// returns its first and last block and `D` at row `64 · first` (see the file comment
        /// for what is exact). With `record`, stores every column's words in `matrix` (`width`
        /// words per row, see ``bandWidth(blocks:delta:c:)``).
        private func runBlocks(
            m: Int, blocks: Int, text t: UnsafePointer<Int32>, step: Int, count n: Int,
            delta: Int, c: Int, record: Bool, width: Int
        ) -> (first: Int, last: Int, top: Int) {
            if denseRows {
                let bits = DensePatternBits(rows: pm.base, slots: slots, blocks: blocks)
                return runBlocks(
                    bits, m: m, blocks: blocks, text: t, step: step, count: n, delta: delta, c: c, record: record, width: width)
            }
            let bits = HashedPatternBits(keys: hashKeys.base, bits: pm.base)
            return runBlocks(
                bits, m: m, blocks: blocks, text: t, step: step, count: n, delta: delta, c: c, record: record, width: width)
        }

        @inline(__always)
        private func runBlocks<Bits: PatternBits>(
            _ pattern: Bits, m: Int, blocks: Int, text t: UnsafePointer<Int32>, step: Int, count n: Int,
            delta: Int, c: Int, record: Bool, width: Int
        ) -> (first: Int, last: Int, top: Int) {
            let vps = vp.reserve(blocks), vns = vn.reserve(blocks)
            let out = record ? matrix.reserve(2 * width * n) : matrix.base
            let firsts = record ? rowFirst.reserve(n) : rowFirst.base
            let lasts = record ? rowLast.reserve(n) : rowLast.base
            let lastBlock = blocks - 1
            var fb = 0, lb = -1, top = 0
            var q = t
            for j in 1...n {
                let lo = Swift.min(j, j &+ delta) &- c &- 1
                let hi = Swift.max(j, j &+ delta) &+ c &+ 1
                let nfb = lo <= 1 ? 0 : Swift.min((lo &- 1) &>> 6, lastBlock)
                let nlb = hi >= m ? lastBlock : (hi &- 1) &>> 6
                while fb < nfb {
                    top = top &+ vps[fb].nonzeroBitCount &- vns[fb].nonzeroBitCount
                    fb &+= 1
                }
                while lb < nlb {
                    lb &+= 1
                    vps[lb] = ~0
                    vns[lb] = 0
                }
                top &+= 1
                let row = pattern.column(q.pointee)
                var hpCarry: UInt64 = 1, hnCarry: UInt64 = 0
                if record {
                    let base = out + 2 &* width &* (j &- 1)
                    firsts[j &- 1] = Int32(truncatingIfNeeded: fb)
                    lasts[j &- 1] = Int32(truncatingIfNeeded: lb)
                    var w = fb
                    while w <= lb {
                        let x = pattern.word(row, w) | hnCarry
                        let v = vps[w], u = vns[w]
                        let d0 = (((x & v) &+ v) ^ v) | x | u
                        var hp = u | ~(d0 | v)
                        var hn = d0 & v
                        let hpOut = hp &>> 63, hnOut = hn &>> 63
                        hp = (hp &<< 1) | hpCarry
                        hn = (hn &<< 1) | hnCarry
                        let nv = hn | ~(d0 | hp), nu = hp & d0
                        vps[w] = nv
                        vns[w] = nu
                        base[2 &* (w &- fb)] = nv
                        base[2 &* (w &- fb) &+ 1] = nu
                        hpCarry = hpOut
                        hnCarry = hnOut
                        w &+= 1
                    }
                } else {
                    var w = fb
                    while w <= lb {
                        let x = pattern.word(row, w) | hnCarry
                        let v = vps[w], u = vns[w]
                        let d0 = (((x & v) &+ v) ^ v) | x | u
                        var hp = u | ~(d0 | v)
                        var hn = d0 & v
                        let hpOut = hp &>> 63, hnOut = hn &>> 63
                        hp = (hp &<< 1) | hpCarry
                        hn = (hn &<< 1) | hnCarry
                        vps[w] = hn | ~(d0 | hp)
                        vns[w] = hp & d0
                        hpCarry = hpOut
                        hnCarry = hnOut
                        w &+= 1
                    }
                }
                q += step
            }
            return (fb, lb, top)
        }

        /// `D[m][n]` from the last column left by ``runBlocks`` (whose band reaches row `m`).
        private func finalScore(m: Int, blocks: Int, first: Int, top: Int) -> Int {
            let vps = vp.base, vns = vn.base
            let lastBlock = blocks - 1
            var d = top
            var w = first
            while w < lastBlock {
                d = d &+ vps[w].nonzeroBitCount &- vns[w].nonzeroBitCount
                w &+= 1
            }
            let mask: UInt64 = m & 63 == 0 ? ~0 : (1 &<< UInt64(m & 63)) &- 1
            return d &+ (vps[lastBlock] & mask).nonzeroBitCount &- (vns[lastBlock] & mask).nonzeroBitCount
        }

        /// Writes `D[i][n]` for the rows `i` of the last column left by ``runBlocks``
        /// (`64 · first … min(m, 64 · (last + 1))`) to `buffer`; returns the first row and the count.
        private func finalColumn(
            m: Int, first: Int, last: Int, top: Int, into buffer: inout ScratchBuffer<Int>
        ) -> (start: Int, count: Int) {
            let vps = vp.base, vns = vn.base
            let start = first &* 64
            let end = Swift.min(m, (last &+ 1) &* 64)
            let out = buffer.reserve(end &- start &+ 1)
            var v = top
            out[0] = v
            var k = 1
            for w in first...last {
                let x = vps[w], y = vns[w]
                let bits = Swift.min(64, end &- w &* 64)
                var bit: UInt64 = 0
                while bit < UInt64(bits) {
                    v = v &+ Int((x &>> bit) & 1) &- Int((y &>> bit) & 1)
                    out[k] = v
                    k &+= 1
                    bit &+= 1
                }
            }
            return (start, end &- start &+ 1)
        }

        /// Half-width beyond the `Δ` strip of the first, narrow band (see ``narrowBound``).
        private static let narrowBand = 128

        /// An upper bound of `D[m][n]` for a prepared pattern from one narrow band (every computed
        /// value is ≥ the true one), flagged exact when it lies within the band; nil when such a
        /// band would not be much cheaper than the full matrix. On natural text the optimal
        /// paths stay near the diagonal and the bound is usually the distance itself.
        private func narrowBound(
            m: Int, blocks: Int, text t: UnsafePointer<Int32>, step: Int, count n: Int
        ) -> (bound: Int, exact: Bool)? {
            let delta = m - n, c = Self.narrowBand
            if Self.bandWidth(blocks: blocks, delta: delta, c: c) * 3 > blocks { return nil }
            let r = runBlocks(m: m, blocks: blocks, text: t, step: step, count: n, delta: delta, c: c, record: false, width: 0)
            let u = finalScore(m: m, blocks: blocks, first: r.first, top: r.top)
            return (u, u <= abs(delta) + 2 * c)
        }

        /// The band half-width `c` for an upper bound `k` of the distance, or the full matrix
        /// (`Int.max >> 2`) when the band would not be much narrower.
        private static func bandFor(bound k: Int, blocks: Int, delta: Int) -> Int {
            let c = (k - abs(delta)) / 2
            return bandWidth(blocks: blocks, delta: delta, c: c) * 4 < blocks * 3 ? c : Int.max >> 2
        }

        /// Exact `D[m][n]` for a prepared pattern: one word; or a narrow band giving an upper bound
        /// `u`, then (unless already exact) the band of `u`, which holds every optimal path; or
        /// the full matrix.
        private func preparedDistance(m: Int, blocks: Int, text t: UnsafePointer<Int32>, step: Int, count n: Int) -> Int {
            if m <= 64 { return distance64(m: m, text: t, step: step, count: n) }
            let delta = m - n
            var c = Int.max >> 2
            if let nb = narrowBound(m: m, blocks: blocks, text: t, step: step, count: n) {
                if nb.exact { return nb.bound }
                c = Self.bandFor(bound: nb.bound, blocks: blocks, delta: delta)
            }
            let r = runBlocks(m: m, blocks: blocks, text: t, step: step, count: n, delta: delta, c: c, record: false, width: 0)
            return finalScore(m: m, blocks: blocks, first: r.first, top: r.top)
        }

        /// Band half-width for an alignment step: from the known distance, else from a narrow
        /// band's upper bound, else the full matrix. Returns the bound too (−1: none).
        private func alignmentBand(
            m: Int, blocks: Int, text t: UnsafePointer<Int32>, count n: Int, exact: Int
        ) -> (c: Int, bound: Int) {
            let bound: Int
            if exact >= 0 {
                bound = exact
            } else if let nb = narrowBound(m: m, blocks: blocks, text: t, step: 1, count: n) {
                bound = nb.bound
            } else {
                return (Int.max >> 2, -1)
            }
            return (Self.bandFor(bound: bound, blocks: blocks, delta: m - n), bound)
        }

        // MARK: Alignment (rapidfuzz's levenshtein_align_hirschberg)

        /// rapidfuzz strips the common prefix and suffix; aligns with the full matrix when
        /// `2 · band · len2 / 8 < 2²⁰` (band = `min(len1, 2 · max + 1)`) or `len1 < 65` or
        /// `len2 < 10`; otherwise splits at the middle hypothesis token and the smallest reference
        /// position minimising the cost through it (Hirschberg), recursing with each half's cost
        /// as `max`. `exact` is the distance of the pair when known (−1 otherwise).
        private func hirschberg(
            _ aIn: UnsafePointer<Int32>, _ len1In: Int, _ bIn: UnsafePointer<Int32>, _ len2In: Int,
            srcPos srcIn: Int, destPos destIn: Int, max maxIn: Int, exact: Int
        ) {
            var a = aIn, b = bIn, len1 = len1In, len2 = len2In
            var prefix = 0
            while prefix < len1 && prefix < len2 && a[prefix] == b[prefix] { prefix += 1 }
            a += prefix
            b += prefix
            len1 -= prefix
            len2 -= prefix
            while len1 > 0 && len2 > 0 && a[len1 - 1] == b[len2 - 1] {
                len1 -= 1
                len2 -= 1
            }
            let srcPos = srcIn + prefix, destPos = destIn + prefix
            let maxD = Swift.min(maxIn, Swift.max(len1, len2))
            let fullBand = Swift.min(len1, 2 * maxD + 1)
            let matrixSize = 2 * fullBand * len2 / 8
            if matrixSize < 1024 * 1024 || len1 < 65 || len2 < 10 {
                alignLeaf(a, len1, b, len2, srcPos: srcPos, destPos: destPos, exact: exact)
                return
            }
            let leftSize = len2 / 2
            let blocks = preparePattern(a, step: 1, count: len1)
            let delta = len1 - len2
            let (c, bound) = alignmentBand(m: len1, blocks: blocks, text: b, count: len2, exact: exact)
            // left[i] = D(a[..<i], b[..<leftSize])
            let l = runBlocks(
                m: len1, blocks: blocks, text: b, step: 1, count: leftSize, delta: delta, c: c, record: false, width: 0)
            let left = finalColumn(m: len1, first: l.first, last: l.last, top: l.top, into: &leftColumn)
            releasePattern(a, step: 1, count: len1)
            // right[i'] = D(a[(len1 - i')...], b[leftSize...]), on the reversed sequences
            _ = preparePattern(a + (len1 - 1), step: -1, count: len1)
            let r = runBlocks(
                m: len1, blocks: blocks, text: b + (len2 - 1), step: -1, count: len2 - leftSize,
                delta: delta, c: c, record: false, width: 0)
            let right = finalColumn(m: len1, first: r.first, last: r.last, top: r.top, into: &rightColumn)
            releasePattern(a + (len1 - 1), step: -1, count: len1)

            // smallest s1Mid in 0...len1 minimising left[s1Mid] + right[len1 - s1Mid]
            let lo = Swift.max(left.start, len1 - (right.start + right.count - 1))
            let hi = Swift.min(left.start + left.count - 1, len1 - right.start)
            let lv = leftColumn.base, rv = rightColumn.base
            var best = Int.max, mid = lo, leftScore = 0, rightScore = 0
            if lo <= hi {
                for s1Mid in lo...hi {
                    let ls = lv[s1Mid - left.start], rs = rv[len1 - s1Mid - right.start]
                    if ls + rs < best {
                        best = ls + rs
                        mid = s1Mid
                        leftScore = ls
                        rightScore = rs
                    }
                }
            }
            assert(lo <= hi && (bound < 0 || best <= bound), "Hirschberg split cost \(best) exceeds the bound \(bound)")
            hirschberg(a, mid, b, leftSize, srcPos: srcPos, destPos: destPos, max: leftScore, exact: leftScore)
            hirschberg(
                a + mid, len1 - mid, b + leftSize, len2 - leftSize, srcPos: srcPos + mid, destPos: destPos + leftSize,
                max: rightScore, exact: rightScore)
        }

        /// rapidfuzz's `levenshtein_align` + `recover_alignment`: backtrace from the end
        /// preferring a deletion when `D[col][row] − D[col−1][row] = +1`, else an insertion when
        /// `D[col][row−1] − D[col−1][row−1] = −1`, else the diagonal (a substitution if the
        /// tokens differ). The bits are those of the full matrix (banded when `exact` is known or
        /// the pattern is long, see the file comment).
        private func alignLeaf(
            _ a: UnsafePointer<Int32>, _ len1: Int, _ b: UnsafePointer<Int32>, _ len2: Int,
            srcPos: Int, destPos: Int, exact: Int
        ) {
            if len1 == 0 {
                for row in 0..<len2 { ops.append(RawOp(kind: .insert, src: srcPos, dest: destPos + row)) }
                return
            }
            if len2 == 0 {
                for col in 0..<len1 { ops.append(RawOp(kind: .delete, src: srcPos + col, dest: destPos)) }
                return
            }
            let blocks = preparePattern(a, step: 1, count: len1)
            let width: Int
            if len1 <= 64 {
                record64(text: b, count: len2)
                width = 1
            } else {
                let delta = len1 - len2
                let c = alignmentBand(m: len1, blocks: blocks, text: b, count: len2, exact: exact).c
                width = Self.bandWidth(blocks: blocks, delta: delta, c: c)
                _ = runBlocks(
                    m: len1, blocks: blocks, text: b, step: 1, count: len2, delta: delta, c: c, record: true, width: width)
            }
            releasePattern(a, step: 1, count: len1)

            let words = UnsafePointer(matrix.base), firsts = UnsafePointer(rowFirst.base)
            let lasts = UnsafePointer(rowLast.base)
            /// The (VP, VN) words holding bit `col − 1` after text token `row` (both ≥ 1).
            @inline(__always)
            func cell(_ col: Int, _ row: Int) -> (vp: UInt64, vn: UInt64, bit: UInt64) {
                let block = (col &- 1) &>> 6
                let first = Int(firsts[row &- 1])
                assert(block >= first && block <= Int(lasts[row &- 1]), "backtrace left the band")
                let k = 2 &* (width &* (row &- 1) &+ block &- first)
                return (words[k], words[k &+ 1], UInt64((col &- 1) & 63))
            }
            let start = ops.count
            var col = len1, row = len2
            while row != 0 && col != 0 {
                let here = cell(col, row)
                if (here.vp &>> here.bit) & 1 != 0 {
                    col -= 1
                    ops.append(RawOp(kind: .delete, src: col + srcPos, dest: row + destPos))
                } else {
                    row -= 1
                    var insertion = false
                    if row != 0 {
                        let up = cell(col, row)
                        insertion = (up.vn &>> up.bit) & 1 != 0
                    }
                    if insertion {
                        ops.append(RawOp(kind: .insert, src: col + srcPos, dest: row + destPos))
                    } else {
                        col -= 1
                        if a[col] != b[row] {
                            ops.append(RawOp(kind: .substitute, src: col + srcPos, dest: row + destPos))
                        }
                    }
                }
            }
            while col != 0 {
                col -= 1
                ops.append(RawOp(kind: .delete, src: col + srcPos, dest: row + destPos))
            }
            while row != 0 {
                row -= 1
                ops.append(RawOp(kind: .insert, src: col + srcPos, dest: row + destPos))
            }
            ops[start...].reverse()
        }
    }

    /// Pattern-match masks of a prepared pattern: `word(column(t), w)` is block `w` of the mask
    /// of token `t` (bit `i` set when pattern token `64w + i` is `t`).
    protocol PatternBits {
        associatedtype Column
        func column(_ token: Int32) -> Column
        func word(_ column: Column, _ block: Int) -> UInt64
    }

    /// Dense rows: `rows[slots[t] · blocks + w]` (row 0 is all zeros).
    struct DensePatternBits: PatternBits {
        let rows: UnsafeMutablePointer<UInt64>
        let slots: UnsafeMutablePointer<Int32>
        let blocks: Int

        @inline(__always)
        func column(_ token: Int32) -> UnsafeMutablePointer<UInt64> { rows + Int(slots[Int(token)]) &* blocks }

        @inline(__always)
        func word(_ column: UnsafeMutablePointer<UInt64>, _ block: Int) -> UInt64 { column[block] }
    }

    /// One open-addressing table of `slotsPerBlock` entries per block (keys −1 when empty).
    struct HashedPatternBits: PatternBits {
        static let slotsPerBlock = 128
        let keys: UnsafeMutablePointer<Int32>
        let bits: UnsafeMutablePointer<UInt64>

        @inline(__always)
        static func slot(_ token: Int32) -> Int { Int((UInt32(bitPattern: token) &* 0x9E37_79B1) >> 25) }

        @inline(__always)
        func column(_ token: Int32) -> Int32 { token }

        @inline(__always)
        func word(_ token: Int32, _ block: Int) -> UInt64 {
            let base = block &* Self.slotsPerBlock
            var k = Self.slot(token)
            while true {
                let key = keys[base &+ k]
                if key == token { return bits[base &+ k] }
                if key < 0 { return 0 }
                k = (k &+ 1) & (Self.slotsPerBlock - 1)
            }
        }
    }

    /// rapidfuzz's `Editops.as_opcodes()`.
    static func opcodes(_ ops: [RawOp], srcLen: Int, destLen: Int) -> [AlignmentChunk] {
        var blocks: [AlignmentChunk] = []
        var src = 0, dest = 0, i = 0
        while i < ops.count {
            if src < ops[i].src || dest < ops[i].dest {
                blocks.append(AlignmentChunk(.equal, reference: src..<ops[i].src, hypothesis: dest..<ops[i].dest))
                src = ops[i].src
                dest = ops[i].dest
            }
            let srcBegin = src, destBegin = dest, kind = ops[i].kind
            while i < ops.count && ops[i].kind == kind && src == ops[i].src && dest == ops[i].dest {
                switch kind {
                case .substitute:
                    src += 1
                    dest += 1
                case .insert: dest += 1
                case .delete: src += 1
                case .equal: break
                }
                i += 1
            }
            blocks.append(AlignmentChunk(kind, reference: srcBegin..<src, hypothesis: destBegin..<dest))
        }
        if src < srcLen || dest < destLen {
            blocks.append(AlignmentChunk(.equal, reference: src..<srcLen, hypothesis: dest..<destLen))
        }
        return blocks
    }
}
