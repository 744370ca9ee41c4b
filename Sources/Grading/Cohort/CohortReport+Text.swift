import Courseware
internal import Foundation

extension CohortReport {
    /// The analysis for a terminal, every line wrapped at `width`: the cohort and its
    /// reliability, a warning for a small cohort, the items to review and why, the items
    /// nearly everyone misses, one row per item, concepts, then who chose what on each
    /// choice item. Names come from files, so the caller sanitises the text it prints.
    public func text(width: Int = 80) -> String {
        let wrapper = TerminalRenderer(width: max(width, 40))
        var out: [String] = []
        func say(_ line: String, indent: String = "") { out.append(wrapper.wrap(line, indent: indent)) }
        say("\(title): item analysis of \(Format.count(learners, "learner"))")
        say(
            "Mean score \(Format.precisePercent(meanScore)); \(passed) of \(learners) passed; Cronbach's alpha \(Self.number(cronbachAlpha))"
                + (kr20.map { ", KR-20 \(Self.number($0))" } ?? "") + "; upper and lower groups of \(groupSize).")
        if let smallCohortWarning { say(smallCohortWarning) }
        out.append("")
        if flagged.isEmpty {
            say("No item is flagged for review.")
        } else {
            say("Items to review:")
            for row in flagged {
                say("\(row.id): " + row.flags.map(\.explanation).joined(separator: "; ") + " " + Self.figures(row) + ".", indent: "  ")
            }
        }
        if !nearlyAllMiss.isEmpty {
            say(
                "Missed by nearly everyone (at least \(Format.percent(CohortStatistics.missedShare)) scored 0): "
                    + nearlyAllMiss.map { "\($0.id) (\(Format.percent($0.missedBy)))" }.joined(separator: ", ") + ".")
        }
        out.append("")
        let idWidth = max(4, items.map(\.id.count).max() ?? 0)
        // Table rows stay aligned when they fit; a terminal too narrow for them gets them wrapped.
        func row(_ line: String) { out.append(line.count <= wrapper.width ? line : wrapper.wrap(line)) }
        row(Self.pad("item", idWidth) + "  facility  upper-lower  item-total  uncorrected  scored 0")
        for item in items {
            row(
                Self.pad(item.id, idWidth) + "  " + Self.padLeft(Self.number(item.facility), 8) + "  "
                    + Self.padLeft(Self.number(item.discrimination), 11) + "  " + Self.padLeft(Self.number(item.itemTotal), 10) + "  "
                    + Self.padLeft(Self.number(item.uncorrectedItemTotal), 11) + "  " + Self.padLeft(Format.percent(item.missedBy), 8)
                    + (item.flags.isEmpty ? "" : "  !"))
        }
        if !flagged.isEmpty { say("! flagged for review (above)") }
        if !concepts.isEmpty {
            out += ["", "Concepts across the cohort (mean item score):"]
            for concept in concepts {
                say(
                    "\(concept.concept): \(Format.precisePercent(concept.meanScore)) over \(concept.items.joined(separator: ", "))",
                    indent: "  ")
            }
        }
        for row in items {
            guard let choices = row.choices else { continue }
            out += ["", "Who chose what on \(row.id):"]
            for choice in choices {
                let name = choice.option.map { ($0 == choice.text ? $0 : "\($0) '\(choice.text ?? "")'") } ?? "(no answer)"
                let mean = choice.meanTotal.map { ", their mean total \(Format.precisePercent($0))" } ?? ""
                say("\(name)\(choice.gold ? " (gold)" : ""): \(choice.count) (\(Format.percent(choice.share)))\(mean)", indent: "  ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// "(facility 0.12, upper–lower −0.40, item–total −0.31)".
    static func figures(_ row: ItemRow) -> String {
        "(facility \(number(row.facility)), upper-lower \(number(row.discrimination)), item-total \(number(row.itemTotal)))"
    }

    /// Two decimals, or "n/a" for an undefined figure.
    static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.2f", x == 0 ? 0 : x) : "n/a" }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Said when the cohort is small (``isSmall``); the CSV view, which has no place for it,
    /// prints it on standard error.
    public var smallCohortWarning: String? {
        guard isSmall else { return nil }
        return "Warning: \(Format.count(learners, "learner")) is a small cohort (under \(CohortStatistics.stableCohort)); "
            + "one learner more or less can change these figures a lot. Read them as hints."
    }
}
