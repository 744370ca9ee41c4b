internal import GroundworkMetrics

/// Item analysis of a cohort: which items work, which confuse, which may have bad gold.
///
/// Every learner's sheet is graded with ``Grader``; the scored items' raw scores (in [0, 1],
/// before weights and negative marking) form the learners × items matrix that
/// ``GroundworkMetrics/ItemStatistics`` analyses. Items that are not scored (`gold: false`
/// work rows) are left out. An item a sheet does not answer scores 0, as in `grade`.
public enum CohortStatistics {
    /// Facility above this: nearly everyone gets it, so it tells learners apart poorly.
    public static let easyAbove = 0.95
    /// Facility below this: nearly everyone misses it; check its gold and wording.
    public static let hardBelow = 0.2
    /// Share of learners scoring 0 at or above which an item is "missed by nearly everyone".
    public static let missedShare = 0.8
    /// Fewer learners than this give figures that move a lot with one learner.
    public static let stableCohort = 20

    /// Analyses `sheets` (one per learner) against `assessment`.
    ///
    /// - Throws: ``CohortError`` with fewer than 2 learners or 2 scored items, which the
    ///   statistics need.
    public static func analyze(_ sheets: [AnswerSheet], for assessment: Assessment) throws(CohortError) -> CohortReport {
        let items = assessment.items.filter(\.isGold)
        guard sheets.count >= 2 else {
            throw CohortError("item analysis needs answers from at least 2 learners, got \(sheets.count)")
        }
        guard items.count >= 2 else {
            throw CohortError("item analysis needs at least 2 scored items; '\(assessment.id)' has \(items.count)")
        }
        let results = sheets.map { Grader().grade($0, for: assessment) }
        let scores = sheets.map { sheet in items.map { $0.score(sheet.responses[$0.id]).score } }
        let analysis: ItemAnalysis
        do {
            analysis = try ItemStatistics.analyze(scores)
        } catch {
            throw CohortError("item analysis failed: \(error)")
        }
        let totals = results.map(\.score)
        var rows: [CohortReport.ItemRow] = []
        for (j, item) in items.enumerated() {
            let column = scores.map { $0[j] }
            var row = CohortReport.ItemRow(
                id: item.id, kind: item.kind, section: item.section, facility: analysis.facility[j],
                discrimination: analysis.discrimination[j], itemTotal: analysis.correctedItemTotal[j],
                uncorrectedItemTotal: analysis.itemTotal[j],
                missedBy: Double(column.filter { $0 == 0 }.count) / Double(column.count),
                choices: choices(item, sheets: sheets, totals: totals))
            row.flags = flags(row)
            rows.append(row)
        }
        let concepts = Set(items.flatMap(\.concepts)).sorted().map { concept in
            let members = items.indices.filter { items[$0].concepts.contains(concept) }
            let mean = members.reduce(0) { $0 + rows[$1].facility } / Double(members.count)
            return CohortReport.ConceptRow(concept: concept, items: members.map { items[$0].id }, meanScore: mean)
        }
        return CohortReport(
            assessment: assessment.id, title: assessment.title, learners: sheets.count, groupSize: analysis.groupSize,
            cronbachAlpha: analysis.cronbachAlpha, kr20: analysis.kr20, meanScore: totals.reduce(0, +) / Double(totals.count),
            passed: results.filter(\.passed).count, items: rows, concepts: concepts)
    }

    static func flags(_ row: CohortReport.ItemRow) -> [CohortReport.Flag] {
        var flags: [CohortReport.Flag] = []
        if row.discrimination < 0 || row.itemTotal < 0 { flags.append(.negativeDiscrimination) }
        if row.facility > easyAbove { flags.append(.tooEasy) }
        if row.facility < hardBelow { flags.append(.tooHard) }
        return flags
    }

    /// Who chose what, for a choice item: each option (and no answer) with its count and the
    /// mean total of the learners who chose it. A distractor whose choosers score higher
    /// overall than the key's is a sign the key or the option is wrong.
    static func choices(_ item: Item, sheets: [AnswerSheet], totals: [Double]) -> [CohortReport.ChoiceRow]? {
        let options: [ChoiceTask.Option]
        let gold: Set<String>
        switch item.content {
        case .singleChoice(let task, let key):
            options = task.options
            gold = Set(key.bestOptions(task))
        case .multipleChoice(let task, let key):
            options = task.options
            gold = key.goldAnswer()
        default:
            return nil
        }
        func chosen(_ sheet: AnswerSheet) -> Set<String>? {
            switch sheet.responses[item.id] {
            case .singleChoice(let id)?: return [id]
            case .multipleChoice(let ids)?: return ids
            default: return nil
            }
        }
        func row(_ option: String?, text: String?, _ who: [Int]) -> CohortReport.ChoiceRow {
            CohortReport.ChoiceRow(
                option: option, text: text, gold: option.map(gold.contains) ?? false, count: who.count,
                share: Double(who.count) / Double(sheets.count),
                meanTotal: who.isEmpty ? nil : who.reduce(0) { $0 + totals[$1] } / Double(who.count))
        }
        var rows = options.map { option in
            row(option.id, text: option.text, sheets.indices.filter { chosen(sheets[$0])?.contains(option.id) ?? false })
        }
        rows.append(row(nil, text: nil, sheets.indices.filter { chosen(sheets[$0]) == nil }))
        return rows
    }
}

/// Why a cohort could not be analysed.
public struct CohortError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
