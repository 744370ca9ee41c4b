import Foundation
import Grading
import Readiness

/// The pace-and-pay page: the calculator (a GET form), its answer beside the course's
/// figures, then pace and accuracy per kind and per test with a chart of accuracy per
/// attempt (drawn here as SVG, so it needs no script).
struct PayView {
    struct Option {
        let id: String
        let title: String
        let selected: Bool
    }

    struct FigureRow {
        let text: String
        let reached: Bool
        let missed: Bool
    }

    struct PaceRow {
        let title: String
        let summary: String
        let chartSVG: String?
        let chartLabel: String
    }

    let perTask: String
    let seconds: String
    let tests: [Option]
    let sentence: String?
    let figures: [FigureRow]
    let tradeOff: String?
    let accepted: String?
    let kinds: [PaceRow]
    let testsPace: [PaceRow]
    let empty: Bool

    init(_ body: PayPages.Body, query: PayPages.Query, tests: [Assessment], hiddenGold: Double?) {
        perTask = query.perTask.map { String($0) } ?? ""
        seconds = query.seconds.map { String($0) } ?? ""
        self.tests = tests.map { Option(id: $0.id, title: $0.title, selected: $0.id == query.test) }
        sentence = body.pay?.sentence
        figures = (body.pay?.figures ?? []).map { figure in
            var text = "\(HourlyRate.money(figure.threshold.hourly)) an hour: \(figure.threshold.label)"
            if let asOf = figure.threshold.asOf { text += " (\(asOf))" }
            if let budget = figure.timeBudgetSeconds { text += "; needs at most \(HourlyRate.duration(budget)) a task" }
            return FigureRow(text: text, reached: figure.reached == true, missed: figure.reached == false)
        }
        tradeOff = body.pay?.tradeOff
        if let pay = body.pay, let rate = pay.acceptedHourly, let accuracy = pay.accuracy, accuracy < 1 - 1e-9 {
            accepted =
                "At your accuracy of \(WebText.percent(accuracy)), if work that lost points were rejected unpaid: \(HourlyRate.money(rate)) an hour."
        } else {
            accepted = nil
        }
        kinds = body.pace.kinds.map { Self.row($0, hiddenGold: hiddenGold) }
        testsPace = body.pace.tests.map { Self.row($0, hiddenGold: hiddenGold) }
        empty = body.pace.kinds.isEmpty
    }

    static func row(_ line: PaceReport.Line, hiddenGold: Double?) -> PaceRow {
        let pace = line.medianSeconds.map { "\(HourlyRate.duration($0)) an item (median), " } ?? ""
        let summary = "\(pace)\(WebText.percent(line.accuracy)) accurate over \(line.items) item\(line.items == 1 ? "" : "s")."
        let accuracies = line.trend.map(\.accuracy)
        let times = line.trend.map { $0.medianSeconds.map { HourlyRate.duration($0) } ?? "no time" }
        let label =
            "Per attempt, oldest first: accuracy " + accuracies.map { WebText.percent($0) }.joined(separator: ", ")
            + "; median time " + times.joined(separator: ", ") + "."
        return PaceRow(
            title: line.title, summary: summary,
            chartSVG: accuracies.count > 1 ? HistoryView.chart(scores: accuracies, passMark: hiddenGold ?? 0.8) : nil, chartLabel: label)
    }
}
