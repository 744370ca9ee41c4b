import Courseware
internal import Foundation

/// What ``GoldAgreement/analyze(_:for:)`` found: the coefficients and the items to settle.
public struct AgreementReport: Sendable, Equatable {
    /// A coefficient or why it is undefined ("fewer than two distinct values").
    public enum Value: Sendable, Equatable {
        case value(Double)
        case undefined(String)

        public var number: Double? {
            if case .value(let x) = self { return x }
            return nil
        }
    }

    public struct Figure: Sendable, Equatable {
        /// Units (label items, or options of multiple-choice items) it was computed over.
        public var units: Int
        public var value: Value
    }

    public struct PairFigure: Sendable, Equatable {
        public var a: String
        public var b: String
        public var units: Int
        public var value: Value
    }

    /// An object or span item: the item's own score between every pair of mentors.
    public struct ItemAgreement: Sendable, Equatable {
        public var item: String
        public var kind: ItemKind
        /// "object F1" or "span F1".
        public var measure: String
        public var pairs: Int
        public var meanScore: Double
        public var lowestScore: Double
        /// Mean IoU of the matched object pairs that count; nil for spans or when none counts.
        public var meanIoU: Double?
    }

    public struct MentorAnswer: Sendable, Equatable {
        public var mentor: String
        /// The answer in answers-JSON shape; nil when the mentor left the item out.
        public var value: JSONValue?
        /// The answer as compact JSON.
        public var answer: String? { value.map(JSONText.compact) }
    }

    public struct Disagreement: Sendable, Equatable {
        public var item: String
        public var kind: ItemKind
        public var answers: [MentorAnswer]
        /// For object and span items: the lowest pairwise score.
        public var lowestPairScore: Double?
    }

    public var assessment: String
    public var title: String
    public var mentors: [String]
    public var labelUnits = 0
    public var cohen: [PairFigure] = []
    public var fleiss = Figure(units: 0, value: .undefined("no label items"))
    public var alphaNominal = Figure(units: 0, value: .undefined("no label items"))
    public var alphaOrdinal = Figure(units: 0, value: .undefined("no rating items"))
    public var alphaInterval = Figure(units: 0, value: .undefined("no rating or numeric items"))
    public var items: [ItemAgreement] = []
    public var disagreements: [Disagreement] = []

    init(assessment: String, title: String, mentors: [String]) {
        self.assessment = assessment
        self.title = title
        self.mentors = mentors
    }

    /// The coefficients with their names, in the order every view lists them.
    var coefficients: [(id: String, name: String, figure: Figure)] {
        [
            ("fleiss_kappa", "Fleiss' kappa", fleiss),
            ("krippendorff_alpha_nominal", "Krippendorff's alpha (nominal)", alphaNominal),
            ("krippendorff_alpha_ordinal", "Krippendorff's alpha (ordinal)", alphaOrdinal),
            ("krippendorff_alpha_interval", "Krippendorff's alpha (interval)", alphaInterval),
        ]
    }

    /// For a terminal, wrapped at `width`; the caller sanitises it (names come from files).
    public func text(width: Int = 80) -> String {
        let wrapper = TerminalRenderer(width: max(width, 40))
        var out: [String] = []
        func say(_ line: String, indent: String = "") { out.append(wrapper.wrap(line, indent: indent)) }
        func show(_ value: Value) -> String {
            switch value {
            case .value(let x): return String(format: "%.3f", x)
            case .undefined(let why): return "n/a (\(why))"
            }
        }
        say("\(title): agreement of \(mentors.count) mentors' gold (\(mentors.joined(separator: ", ")))")
        out.append("")
        say("Label items (\(labelUnits) units: choice and rating items, each multiple-choice option as yes/no):")
        for (_, name, figure) in coefficients { say("\(name) over \(figure.units) units: \(show(figure.value))", indent: "  ") }
        for pair in cohen { say("Cohen's kappa \(pair.a) / \(pair.b) over \(pair.units) units: \(show(pair.value))", indent: "  ") }
        if !items.isEmpty {
            out += ["", "Objects and spans (mean over mentor pairs, the item's own threshold):"]
            for item in items {
                let iou = item.meanIoU.map { String(format: ", mean IoU %.3f", $0) } ?? ""
                say(
                    "\(item.item) (\(item.kind.rawValue)): \(item.measure) \(String(format: "%.3f", item.meanScore)), lowest \(String(format: "%.3f", item.lowestScore))\(iou)",
                    indent: "  ")
            }
        }
        out.append("")
        if disagreements.isEmpty {
            say("The mentors agree on every item.")
        } else {
            say("Items to settle before publishing (\(disagreements.count)):")
            for disagreement in disagreements {
                let low = disagreement.lowestPairScore.map { String(format: " (lowest pair score %.3f)", $0) } ?? ""
                say("\(disagreement.item) (\(disagreement.kind.rawValue))\(low):", indent: "  ")
                for answer in disagreement.answers { say("\(answer.mentor): \(answer.answer ?? "no answer")", indent: "      ") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per figure: `scope,measure,units,value,detail`. Scope is `test` for a
    /// coefficient, `A|B` for a pair of mentors, an item id for an item's figures and its
    /// disagreement (whose detail lists `mentor=answer` pairs); an undefined value is empty
    /// with the reason in detail.
    public func csv() -> String {
        var rows: [[String]] = [["scope", "measure", "units", "value", "detail"]]
        func cells(_ value: Value) -> (String, String) {
            switch value {
            case .value(let x): return (CohortReport.field(x), "")
            case .undefined(let why): return ("", why)
            }
        }
        for (id, _, figure) in coefficients {
            let (value, detail) = cells(figure.value)
            rows.append(["test", id, "\(figure.units)", value, detail])
        }
        for pair in cohen {
            let (value, detail) = cells(pair.value)
            rows.append(["\(pair.a)|\(pair.b)", "cohen_kappa", "\(pair.units)", value, detail])
        }
        for item in items {
            let measure = item.kind == .spans ? "span_f1" : "object_f1"
            rows.append([item.item, measure + "_mean", "\(item.pairs)", CohortReport.field(item.meanScore), ""])
            rows.append([item.item, measure + "_lowest", "\(item.pairs)", CohortReport.field(item.lowestScore), ""])
            if let iou = item.meanIoU { rows.append([item.item, "mean_iou", "\(item.pairs)", CohortReport.field(iou), ""]) }
        }
        for disagreement in disagreements {
            let detail = disagreement.answers.map { "\($0.mentor)=\($0.answer ?? "")" }.joined(separator: "; ")
            rows.append([disagreement.item, "disagreement", "\(disagreement.answers.count)", "", detail])
        }
        return rows.map { $0.map(CohortReport.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// As JSON (keys sorted); an undefined coefficient is `null` with a `why`.
    public func jsonText() -> String {
        func json(_ value: Value) -> [String: JSONValue] {
            switch value {
            case .value(let x): return ["value": .number(x)]
            case .undefined(let why): return ["value": .null, "why": .string(why)]
            }
        }
        var coefficientsJSON: [String: JSONValue] = [:]
        for (id, _, figure) in coefficients {
            coefficientsJSON[id] = .object(json(figure.value).merging(["units": .number(Double(figure.units))]) { $1 })
        }
        let top: [String: JSONValue] = [
            "assessment": .string(assessment), "title": .string(title), "mentors": .array(mentors.map(JSONValue.string)),
            "labelUnits": .number(Double(labelUnits)), "coefficients": .object(coefficientsJSON),
            "cohenKappa": .array(
                cohen.map {
                    .object(json($0.value).merging(["a": .string($0.a), "b": .string($0.b), "units": .number(Double($0.units))]) { $1 })
                }),
            "items": .array(
                items.map {
                    .object([
                        "item": .string($0.item), "kind": .string($0.kind.rawValue), "measure": .string($0.measure),
                        "pairs": .number(Double($0.pairs)), "meanScore": .number($0.meanScore), "lowestScore": .number($0.lowestScore),
                        "meanIoU": $0.meanIoU.map(JSONValue.number) ?? .null,
                    ])
                }),
            "disagreements": .array(
                disagreements.map {
                    .object([
                        "item": .string($0.item), "kind": .string($0.kind.rawValue),
                        "answers": .object(Dictionary($0.answers.map { ($0.mentor, $0.value ?? .null) }) { a, _ in a }),
                        "lowestPairScore": $0.lowestPairScore.map(JSONValue.number) ?? .null,
                    ])
                }),
        ]
        return JSONText.encode(JSONValue.object(top))
    }
}
