/// The ids a report may use for a kind of number: stable snake_case strings (report JSON
/// keys, never free text), listed per kind in docs/grading.md ("Metrics by kind").
public protocol MeasureID: RawRepresentable<String>, Hashable, Sendable, CaseIterable {}

/// What a scorer measured about an answer. An undefined value (Kendall's tau of a constant
/// order, the mean IoU of no pairs) is NaN here and `null` in JSON, never left out.
public enum MetricID: String, MeasureID, Codable {
    case credit
    case jaccard
    case exactMatch = "exact_match"
    case f1, precision, recall
    case meanIOU = "mean_iou"
    case meanOKS = "mean_oks"
    case exactF1 = "exact_f1"
    case overlapF1 = "overlap_f1"
    case visibility
    case absoluteError = "absolute_error"
    case preference
    case ratingsWithinTolerance = "ratings_within_tolerance"
    case reason
    case pairwiseAgreement = "pairwise_agreement"
    case kendallTau = "kendall_tau"
    case spearmanRho = "spearman_rho"
    case ndcg
    case distance
    case wer, mer, wil
    /// Rubric: the share of the author's automatic checks passed, the share of rubric points
    /// (self- or mentor-graded), the answer's words and its Flesch–Kincaid grade.
    case checksPassed = "checks_passed"
    case rubric, words
    case readingGrade = "reading_grade"
}

/// A setting of the item's key that the score depended on: kept apart from measurements so
/// a reader never mistakes "allowed 10% WER" for something the learner did.
public enum SettingID: String, MeasureID, Codable {
    /// The IoU or OKS a pair needs to count (boxes, polygons, keypoints, time segments).
    case threshold
    /// Transcription: the WER still given full credit.
    case allowedWER = "allowed_wer"
    /// Keypoints: the share of the score that visibility flags carry.
    case visibilityWeight = "visibility_weight"
    /// Numeric: the tolerance of the accepted value the answer was compared with.
    case tolerance
}

/// A whole-number count behind a metric: the match counts of object and span kinds, the
/// alignment counts of transcription.
public enum CountID: String, MeasureID, Codable {
    case truePositives = "true_positives"
    case falsePositives = "false_positives"
    case falseNegatives = "false_negatives"
    case hits, substitutions, deletions, insertions
}

/// One named number.
public struct Measure<ID: MeasureID>: Sendable, Hashable {
    public var id: ID
    public var value: Double

    public init(_ id: ID, _ value: Double) {
        self.id = id
        self.value = value
    }

    /// Two undefined (NaN) values of one id are the same measurement.
    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(value.isNaN ? Double.infinity.nextDown : value)
    }
}

public typealias Metric = Measure<MetricID>
public typealias Setting = Measure<SettingID>
public typealias Tally = Measure<CountID>

/// Named numbers in a stable order, encoded as one JSON object keyed by id (non-finite
/// values as `null`).
public struct Measures<ID: MeasureID>: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral, Codable {
    public var list: [Measure<ID>]

    public init(_ list: [Measure<ID>]) { self.list = list }
    public init(arrayLiteral elements: Measure<ID>...) { list = elements }

    public var startIndex: Int { list.startIndex }
    public var endIndex: Int { list.endIndex }
    public subscript(position: Int) -> Measure<ID> { list[position] }

    /// The value of `id`, nil when it was not measured (NaN when measured but undefined).
    public subscript(id: ID) -> Double? { list.first { $0.id == id }?.value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for m in list {
            let key = AnyKey(m.id.rawValue)
            if m.value.isFinite { try container.encode(m.value, forKey: key) } else { try container.encodeNil(forKey: key) }
        }
    }

    /// Reads the object form; ids this version does not know are skipped, and the order is
    /// the ids' declaration order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        list = try ID.allCases.compactMap { id in
            let key = AnyKey(id.rawValue)
            guard container.contains(key) else { return nil }
            return Measure(id, try container.decodeIfPresent(Double.self, forKey: key) ?? .nan)
        }
    }
}

/// Where Groundwork's value deliberately differs from its reference library's convention
/// for the same input, so a reader comparing with that library sees both and why.
public struct Departure: Sendable, Hashable, Codable {
    public enum Rule: String, Sendable, Hashable, Codable {
        /// Gold and answer are both empty: the learner rightly marked nothing, and earns 1
        /// where scikit-learn, seqeval and nervaluate give 0 (zero_division=0).
        case bothEmpty = "both_empty"
    }

    public var metric: MetricID
    public var rule: Rule
    /// Groundwork's value, the one in `metrics` and behind the score.
    public var value: Double
    /// The reference library's value.
    public var reference: Double

    public init(metric: MetricID, rule: Rule, value: Double, reference: Double) {
        self.metric = metric
        self.rule = rule
        self.value = value
        self.reference = reference
    }
}

/// A string coding key, for objects keyed by data.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Measures {
    /// Report format 3 and earlier wrote every number as `{"name": "mean iou", "value": …}`
    /// in one `metrics` list; the names become ids by replacing spaces with underscores, and
    /// only those that are ids of this table are kept (settings and counts go to their own).
    init(legacy entries: [LegacyMetric]) {
        list = entries.compactMap { e in
            ID(rawValue: e.name.split(separator: " ").joined(separator: "_")).map { Measure($0, e.value ?? .nan) }
        }
    }
}

/// One entry of a format-3 (or older) `metrics` list.
struct LegacyMetric: Decodable {
    let name: String
    let value: Double?
}
