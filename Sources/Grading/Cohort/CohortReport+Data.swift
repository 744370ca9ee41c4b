internal import Foundation

extension CohortReport {
    /// One row per item for a spreadsheet: `item,kind,section,facility,discrimination,
    /// item_total,item_total_uncorrected,scored_zero,flags`; an undefined figure is an empty
    /// field. Fields are quoted as RFC 4180 asks.
    public func csv() -> String {
        var lines = ["item,kind,section,facility,discrimination,item_total,item_total_uncorrected,scored_zero,flags"]
        for row in items {
            let fields = [
                row.id, row.kind.rawValue, row.section ?? "", Self.field(row.facility), Self.field(row.discrimination),
                Self.field(row.itemTotal), Self.field(row.uncorrectedItemTotal), Self.field(row.missedBy),
                row.flags.map(\.rawValue).joined(separator: " "),
            ]
            lines.append(fields.map(Self.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole analysis as JSON (keys sorted); an undefined figure is `null`. Documented
    /// in docs/mentors.md.
    public func jsonText() -> String {
        func number(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .number($0) : .null } ?? .null }
        let rows: [JSONValue] = items.map { row in
            var object: [String: JSONValue] = [
                "id": .string(row.id), "kind": .string(row.kind.rawValue), "facility": number(row.facility),
                "discrimination": number(row.discrimination), "itemTotal": number(row.itemTotal),
                "itemTotalUncorrected": number(row.uncorrectedItemTotal), "scoredZero": number(row.missedBy),
                "flags": .array(row.flags.map { .string($0.rawValue) }),
            ]
            if let section = row.section { object["section"] = .string(section) }
            if let choices = row.choices {
                object["choices"] = .array(
                    choices.map { choice in
                        .object([
                            "option": choice.option.map(JSONValue.string) ?? .null, "gold": .bool(choice.gold),
                            "count": .number(Double(choice.count)), "share": .number(choice.share), "meanTotal": number(choice.meanTotal),
                        ])
                    })
            }
            return .object(object)
        }
        let top: [String: JSONValue] = [
            "assessment": .string(assessment), "title": .string(title), "learners": .number(Double(learners)),
            "smallCohort": .bool(isSmall), "groupSize": .number(Double(groupSize)), "cronbachAlpha": number(cronbachAlpha),
            "kr20": number(kr20), "meanScore": number(meanScore), "passed": .number(Double(passed)), "items": .array(rows),
            "nearlyAllMiss": .array(nearlyAllMiss.map { .string($0.id) }),
            "concepts": .array(
                concepts.map {
                    .object([
                        "concept": .string($0.concept), "items": .array($0.items.map(JSONValue.string)), "meanScore": .number($0.meanScore),
                    ])
                }),
        ]
        return JSONText.encode(JSONValue.object(top))
    }

    /// The shortest text that reads back as the same double; empty when undefined.
    public static func field(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }

    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
