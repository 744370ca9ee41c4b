import Grading

/// How fast and how well the learner works, per item kind and per test, from the active
/// seconds the gradebook records for every answer (report format 3's `secondsSpent`).
///
/// Figures (docs/readiness.md, "Pace and pay"): the **median** active seconds per item, not
/// the mean, so one item left open during a phone call does not make the learner look slow;
/// **accuracy** is the mean item score (partial credit as a fraction). Items without a
/// recorded time (results stored before format 3) count for accuracy but not for pace.
public struct PaceReport: Sendable, Encodable {
    /// Pace and accuracy over one group of items.
    public struct Line: Sendable, Encodable, Equatable {
        /// The item kind's name or the test's id.
        public var id: String
        public var title: String
        public var items: Int
        /// Items with a recorded time.
        public var timedItems: Int
        public var medianSeconds: Double?
        public var accuracy: Double
        /// Per attempt, oldest first: the attempt's median seconds per item and accuracy.
        public var trend: [TrendPoint]
    }

    public struct TrendPoint: Sendable, Encodable, Equatable {
        public var attemptID: Int64
        public var medianSeconds: Double?
        public var accuracy: Double
    }

    public var kinds: [Line]
    public var tests: [Line]
    /// Every item at once: the pace a per-task price is compared with by default.
    public var overall: Line?

    /// The report over `evidence` (newest first, as ``ItemEvidence/collect(from:catalog:)``
    /// gives it); `titles` names tests by id.
    public init(evidence: [ItemEvidence], titles: [String: String] = [:]) {
        let kindGroups = Dictionary(grouping: evidence, by: \.kind)
        kinds = ItemKind.allCases.compactMap { kind in
            kindGroups[kind].map { Self.line(id: kind.rawValue, title: kind.rawValue, $0) }
        }
        let testGroups = Dictionary(grouping: evidence, by: \.assessmentID)
        tests = testGroups.keys.sorted().map { id in Self.line(id: id, title: titles[id] ?? id, testGroups[id] ?? []) }
        overall = evidence.isEmpty ? nil : Self.line(id: "all", title: "All items", evidence)
    }

    static func line(id: String, title: String, _ items: [ItemEvidence]) -> Line {
        var order: [Int64] = []
        for item in items.reversed() where !order.contains(item.attemptID) { order.append(item.attemptID) }
        let trend = order.map { attempt in
            let mine = items.filter { $0.attemptID == attempt }
            return TrendPoint(attemptID: attempt, medianSeconds: median(mine.compactMap(\.secondsSpent)), accuracy: accuracy(mine))
        }
        let times = items.compactMap(\.secondsSpent)
        return Line(
            id: id, title: title, items: items.count, timedItems: times.count, medianSeconds: median(times), accuracy: accuracy(items),
            trend: trend)
    }

    static func accuracy(_ items: [ItemEvidence]) -> Double {
        items.isEmpty ? 0 : items.reduce(0) { $0 + $1.score } / Double(items.count)
    }

    /// The middle value, or the mean of the two middle values (numpy.median's definition).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
