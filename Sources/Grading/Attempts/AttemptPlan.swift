/// Which items an attempt asks, in which order, and in which order their options appear:
/// all derived from the assessment's policy and one recorded seed, so the same seed always
/// gives the same attempt (a resumed attempt sees what it saw before) and a new seed gives a
/// retake fresh items.
public struct AttemptPlan: Sendable, Hashable {
    public let seed: UInt64
    /// The items asked, in the order asked.
    public let itemIDs: [String]
    /// The items whose choice options this attempt shows in a shuffled order.
    let shuffledOptionItems: Set<String>

    /// Draws the plan for a new attempt: `sample` items (all when unset) drawn at random,
    /// shown in random order when `shuffle` is set and in the author's order otherwise.
    public init(assessment: Assessment, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var indices = Array(assessment.items.indices)
        generator.shuffle(&indices)
        if let sample = assessment.policy.sample { indices = Array(indices.prefix(sample)) }
        if !assessment.policy.shuffle { indices.sort() }
        self.init(seed: seed, itemIDs: indices.map { assessment.items[$0].id }, assessment: assessment)
    }

    /// The plan of an attempt already recorded.
    public init(seed: UInt64, itemIDs: [String], assessment: Assessment) {
        self.seed = seed
        self.itemIDs = itemIDs
        self.shuffledOptionItems = assessment.policy.shuffle ? Self.itemsWithShuffledOptions(assessment) : []
    }

    /// The items whose options `shuffle-options` lets a shuffled attempt move.
    static func itemsWithShuffledOptions(_ assessment: Assessment) -> Set<String> {
        let lists: [(id: String, options: [ChoiceTask.Option])] = assessment.items.compactMap { item in
            switch item.content.task {
            case .singleChoice(let task), .multipleChoice(let task): return (item.id, task.options)
            default: return nil
            }
        }
        switch assessment.policy.shuffleOptions {
        case .none: return []
        case .all: return Set(lists.map(\.id))
        case .content:
            var uses: [[ChoiceTask.Option]: Int] = [:]
            for list in lists { uses[list.options, default: 0] += 1 }
            return Set(
                lists.filter { list in
                    uses[list.options, default: 0] == 1 && list.options.contains { $0.text.contains(where: \.isWhitespace) }
                }.map(\.id))
        }
    }

    /// The options of a choice task in the order this attempt shows them.
    public func options(_ task: ChoiceTask, of itemID: String) -> [ChoiceTask.Option] {
        guard shuffledOptionItems.contains(itemID) else { return task.options }
        var generator = SeededGenerator(seed: seed ^ StableHash.fnv1a(itemID))
        var options = task.options
        generator.shuffle(&options)
        return options
    }
}

/// SplitMix64: small, fast and identical on every platform, which the system generator is not.
struct SeededGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Fisher–Yates written out, so a recorded seed gives the same order whatever the
    /// standard library's own shuffle does in a later release.
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
    }
}
