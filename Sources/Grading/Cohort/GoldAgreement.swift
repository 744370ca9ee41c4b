internal import GroundworkMetrics

/// How far several mentors' gold answers for one test agree, to settle before it is
/// published. Each mentor's answer sheet is one rater.
///
/// - **Label items** (single choice, rating; each option of a multiple-choice item as a
///   yes/no unit; the categories are the labels as written, pooled over units): Cohen's kappa for every pair of mentors over the units both answered,
///   Fleiss' kappa over the units every mentor answered, and Krippendorff's alpha (nominal
///   over every label unit; ordinal over rating items; interval over rating and numeric
///   items), missing answers allowed.
/// - **Objects** (boxes, polygons, time segments) and **spans**: for every pair of mentors,
///   the item's own score of one mentor's answer with the other's as gold (object F1 at the
///   item's IoU threshold, span F1 with its matching), and for objects the mean IoU of the
///   pairs that count; the mean over pairs is reported per item.
/// - **Disagreements**: every item where the mentors' answers are not all the same (for
///   objects and spans: a pair scores below 1), or some mentor left it unanswered.
public enum GoldAgreement {
    public static func analyze(_ sheets: [(mentor: String, sheet: AnswerSheet)], for assessment: Assessment) throws(CohortError)
        -> AgreementReport
    {
        guard sheets.count >= 2 else { throw CohortError("agreement needs gold sheets from at least 2 mentors, got \(sheets.count)") }
        let mentors = sheets.map(\.mentor)
        var nominal: [(unit: String, values: [String?])] = []
        var ordinal: [[Double?]] = []
        var interval: [[Double?]] = []
        var objects: [AgreementReport.ItemAgreement] = []
        var disagreements: [AgreementReport.Disagreement] = []
        for item in assessment.items {
            let answers = sheets.map { $0.sheet.responses[item.id] }
            switch item.content {
            case .singleChoice:
                nominal.append((item.id, answers.map { if case .singleChoice(let id)? = $0 { id } else { nil } }))
            case .rating:
                let values = answers.map { response -> Double? in if case .rating(let v)? = response { Double(v) } else { nil } }
                nominal.append((item.id, values.map { $0.map { String(Int($0)) } }))
                ordinal.append(values)
                interval.append(values)
            case .numeric:
                interval.append(answers.map { if case .numeric(let v)? = $0 { v } else { nil } })
            case .multipleChoice(let task, _):
                for option in task.options {
                    nominal.append(
                        (
                            "\(item.id):\(option.id)",
                            answers.map { if case .multipleChoice(let ids)? = $0 { ids.contains(option.id) ? "yes" : "no" } else { nil } }
                        ))
                }
            default:
                if let agreement = pairwise(item, answers) { objects.append(agreement) }
            }
            if let disagreement = disagreement(item, answers, mentors: mentors, pairwise: objects.last { $0.item == item.id }) {
                disagreements.append(disagreement)
            }
        }
        var report = AgreementReport(assessment: assessment.id, title: assessment.title, mentors: mentors)
        report.labelUnits = nominal.count
        for a in 0..<mentors.count {
            for b in (a + 1)..<mentors.count {
                let both = nominal.compactMap { unit -> (String, String)? in
                    guard let x = unit.values[a], let y = unit.values[b] else { return nil }
                    return (x, y)
                }
                report.cohen.append(
                    AgreementReport.PairFigure(
                        a: mentors[a], b: mentors[b], units: both.count,
                        value: figure {
                            let labels = Array(Set(both.flatMap { [$0.0, $0.1] })).sorted()
                            return try Agreement.cohenKappa(both.map(\.0), both.map(\.1), labels: labels)
                        }))
            }
        }
        let complete = nominal.map { $0.values.compactMap { $0 } }.filter { $0.count == mentors.count }
        report.fleiss = AgreementReport.Figure(
            units: complete.count,
            value: figure { try Agreement.fleissKappa(ratings: complete, categories: Array(Set(complete.flatMap { $0 })).sorted()) })
        let coders = mentors.indices.map { m in nominal.map { $0.values[m] } }
        report.alphaNominal = AgreementReport.Figure(
            units: nominal.count, value: figure { try Agreement.krippendorffAlpha(nominal: coders) })
        func byCoder(_ units: [[Double?]]) -> [[Double?]] { mentors.indices.map { m in units.map { $0[m] } } }
        report.alphaOrdinal = AgreementReport.Figure(
            units: ordinal.count, value: figure { try Agreement.krippendorffAlpha(byCoder(ordinal), level: .ordinal) })
        report.alphaInterval = AgreementReport.Figure(
            units: interval.count, value: figure { try Agreement.krippendorffAlpha(byCoder(interval), level: .interval) })
        report.items = objects
        report.disagreements = disagreements
        return report
    }

    /// A coefficient, or why it is undefined for these data.
    static func figure(_ compute: () throws -> Double) -> AgreementReport.Value {
        do {
            let value = try compute()
            return value.isFinite ? .value(value) : .undefined("every answer is the same, so chance agreement is total")
        } catch let error as MetricsError {
            return .undefined(error.message)
        } catch {
            return .undefined("\(error)")
        }
    }

    /// The mean pairwise item score and mean IoU of an object or span item answered by at
    /// least two mentors.
    static func pairwise(_ item: Item, _ answers: [ItemResponse?]) -> AgreementReport.ItemAgreement? {
        var scores: [Double] = []
        var similarities: [Double] = []
        for a in answers.indices {
            for b in answers.indices where b > a {
                guard let x = answers[a], let y = answers[b], let scored = item.content.score(y, against: x) else { continue }
                scores.append(scored.score)
                if case .objects(let details)? = scored.details { similarities += details.pairs.filter(\.passes).map(\.similarity) }
                if case .segments(let details)? = scored.details { similarities += details.pairs.filter(\.passes).map(\.similarity) }
            }
        }
        guard !scores.isEmpty else { return nil }
        let measure = item.kind == .spans ? "span F1" : "object F1"
        return AgreementReport.ItemAgreement(
            item: item.id, kind: item.kind, measure: measure, pairs: scores.count, meanScore: scores.reduce(0, +) / Double(scores.count),
            lowestScore: scores.min() ?? 0,
            meanIoU: similarities.isEmpty ? nil : similarities.reduce(0, +) / Double(similarities.count))
    }

    static func disagreement(_ item: Item, _ answers: [ItemResponse?], mentors: [String], pairwise: AgreementReport.ItemAgreement?)
        -> AgreementReport.Disagreement?
    {
        let given = answers.map { $0.map { JSONText.compact($0.json) } }
        let missing = answers.contains { $0 == nil }
        let differ: Bool
        if let pairwise {
            differ = pairwise.lowestScore < 1 - 1e-9
        } else {
            differ = Set(given.compactMap { $0 }).count > 1
        }
        guard differ || (missing && given.contains { $0 != nil }) else { return nil }
        return AgreementReport.Disagreement(
            item: item.id, kind: item.kind,
            answers: zip(mentors, answers).map { AgreementReport.MentorAnswer(mentor: $0, value: $1?.json) },
            lowestPairScore: pairwise?.lowestScore)
    }
}
