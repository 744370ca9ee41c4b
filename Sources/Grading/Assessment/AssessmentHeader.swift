import Courseware
internal import Foundation

/// The front matter and body of `assessment.md`, read key by key.
struct AssessmentHeader {
    static let keys = ["id", "title", "platform", "pass-mark", "time-limit", "sections", "policy"]
    static let policyKeys = [
        "mode", "show-reasons", "attempts", "retake-delay", "shuffle", "shuffle-options", "sample", "removal-below", "removal-after",
        "wrong-answer-penalty", "requires", "critical-items", "navigation",
    ]

    var id: String
    var title: String
    var platform: PlatformStyle
    var passMark: Double
    var timeLimitMinutes: Double?
    var sections: [Section]
    var policy: AssessmentPolicy
    var criticalItems: [Located<String>]
    /// `requires:` entries with their positions, for the checker.
    var requirements: [Located<String>] = []
    var policyPosition: SourcePosition?
    var instructions: String
    var passMarkPosition: SourcePosition?

    static func parse(_ source: SourceFile, folder: String?, sink: inout DiagnosticSink) -> AssessmentHeader? {
        let front = FrontMatter(splitting: source)
        for problem in front.diagnostics {
            sink.report(.yamlSyntax, at: problem.position, problem.message)
        }
        guard let yaml = front.yamlText else {
            if front.diagnostics.isEmpty {
                sink.report(
                    .missingKey, at: SourcePosition(line: 1, column: 1),
                    "assessment.md has no front matter; start it with a '---' line, then 'title:' and 'pass-mark:', then '---'")
            }
            return nil
        }
        guard let root = YAMLParser.parse(yaml, firstLine: front.yamlFirstLine, sink: &sink) else { return nil }
        guard var fields = YAMLFields(root, context: "the front matter", sink: &sink) else { return nil }
        let defaultID = folder.map { ($0 as NSString).lastPathComponent } ?? "assessment"
        var header = AssessmentHeader(
            id: defaultID, title: defaultID, platform: .generic, passMark: 0.8, timeLimitMinutes: nil,
            sections: [], policy: AssessmentPolicy(), criticalItems: [], instructions: front.markdown)
        if let id = fields.string("id", sink: &sink) {
            if Self.isValidID(id.value) {
                header.id = id.value
            } else {
                sink.report(
                    .invalidValue, at: id.position, "id \(Quote.text(id.value)) must be letters, digits, '-', '_' or '.' with no spaces")
            }
        }
        if let title = fields.requiredString("title", hint: "give the assessment a title, e.g. title: Sentiment basics", sink: &sink) {
            header.title = title.value
        }
        if let platform = fields.string("platform", sink: &sink) {
            if let style = PlatformStyle(rawValue: platform.value.lowercased()) {
                header.platform = style
            } else {
                sink.report(
                    .invalidValue, at: platform.position,
                    "platform \(Quote.text(platform.value)) is not known\(Suggestion.hint(for: platform.value, in: PlatformStyle.allCases.map(\.rawValue)))"
                )
            }
        }
        if !fields.has("pass-mark") {
            fields.reportMissing("pass-mark", "give the score needed to pass, e.g. pass-mark: 80%", sink: &sink)
        }
        if let mark = fields.node("pass-mark") {
            header.passMarkPosition = mark.position
            let raw = mark.text?.trimmingWhitespace ?? ""
            if let value = Self.percentage(raw), value > 1 {
                sink.report(
                    .passMarkUnreachable, at: mark.position, "pass mark \(raw) can never be reached: scores go up to 100%; lower it")
            } else if let value = YAMLFields.fraction(mark, what: "'pass-mark'", sink: &sink) {
                header.passMark = value.value
            }
        }
        if let limit = fields.node("time-limit") {
            header.timeLimitMinutes = duration(
                limit, "'time-limit'", upTo: GradingLimits.maximumTimeLimitMinutes, example: "20m, 1h30m or 45 (minutes)", sink: &sink)
            if header.timeLimitMinutes == 0 {
                header.timeLimitMinutes = nil
                sink.report(.invalidValue, at: limit.position, "'time-limit' must be longer than 0; remove it for no time limit")
            }
        }
        if let node = fields.node("sections") {
            header.sections = parseSections(node, sink: &sink)
        }
        if let node = fields.node("policy") {
            (header.policy, header.criticalItems) = parsePolicy(node, requirements: &header.requirements, sink: &sink)
            header.policyPosition = node.position
        }
        fields.finish(allowed: keys, sink: &sink)
        return header
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
    }

    /// `85%` → 0.85 (without range checks), nil when not a percentage.
    static func percentage(_ raw: String) -> Double? {
        guard raw.hasSuffix("%"), let value = Double(raw.dropLast().trimmingWhitespace) else { return nil }
        return value / 100
    }

    /// A duration no longer than `maximum` minutes (a time limit or a delay), reported with
    /// its range when it is not one: larger values would overflow the clock's arithmetic.
    static func duration(
        _ node: YAMLNode, _ what: String, upTo maximum: Double, example: String, sink: inout DiagnosticSink
    ) -> Double? {
        guard let text = node.text, let minutes = minutes(text), minutes >= 0 else {
            sink.report(.invalidValue, at: node.position, "\(what) must be a duration such as \(example), got \(node.typeDescription)")
            return nil
        }
        guard minutes <= maximum else {
            YAMLFields.reportOutOfRange(node, text, range: "0 to \(Assessment.duration(minutes: maximum))", what: what, sink: &sink)
            return nil
        }
        return minutes
    }

    /// `20m`, `1h30m`, `45s`, `1.5h`, `2d` or a bare number of minutes.
    static func minutes(_ raw: String) -> Double? {
        let text = raw.trimmingWhitespace.lowercased()
        if let bare = Double(text) { return bare.isFinite ? bare : nil }
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in text where character != " " {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "d": total += value * 1440
            case "h": total += value * 60
            case "m": total += value
            case "s": total += value / 60
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }

    private static func parseSections(_ node: YAMLNode, sink: inout DiagnosticSink) -> [Section] {
        guard case .sequence(let entries) = node.value else {
            sink.report(.invalidValue, at: node.position, "'sections' must be a list, e.g. [{id: text, title: Text tasks}]")
            return []
        }
        var sections: [Section] = []
        for (index, entry) in entries.enumerated() {
            if let id = entry.text {
                sections.append(Section(id: id, title: id, passMark: nil))
                continue
            }
            guard var fields = YAMLFields(entry, context: "section \(index + 1)", sink: &sink) else { continue }
            let id = fields.requiredString("id", hint: "give it an id that items name in 'section:'", sink: &sink)
            let title = fields.string("title", sink: &sink)
            var passMark: Double?
            if let mark = fields.node("pass-mark") {
                if let value = percentage(mark.text ?? ""), value > 1 {
                    sink.report(
                        .passMarkUnreachable, at: mark.position,
                        "pass mark \(mark.text ?? "") of section \(index + 1) can never be reached; lower it")
                } else {
                    passMark = YAMLFields.fraction(mark, what: "'pass-mark' of section \(index + 1)", sink: &sink)?.value
                }
            }
            fields.finish(allowed: ["id", "title", "pass-mark"], sink: &sink)
            guard let id else { continue }
            if sections.contains(where: { $0.id == id.value }) {
                sink.report(
                    .duplicateID, at: id.position, "section \(Quote.text(id.value)) is declared twice; give each section its own id")
                continue
            }
            sections.append(Section(id: id.value, title: title?.value ?? id.value, passMark: passMark))
        }
        return sections
    }

    private static func parsePolicy(
        _ node: YAMLNode, requirements: inout [Located<String>], sink: inout DiagnosticSink
    ) -> (AssessmentPolicy, [Located<String>]) {
        var policy = AssessmentPolicy()
        guard var fields = YAMLFields(node, context: "'policy'", sink: &sink) else { return (policy, []) }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, _ sink: inout DiagnosticSink) -> T?
        where T.RawValue == String {
            guard let value = fields.string(key, sink: &sink) else { return nil }
            if let parsed = T(rawValue: value.value) { return parsed }
            sink.report(
                .invalidValue, at: value.position,
                "'\(key)' is \(Quote.text(value.value))\(Suggestion.hint(for: value.value, in: T.allCases.map(\.rawValue)))")
            return nil
        }
        if let mode = choice("mode", AssessmentPolicy.Mode.self, &sink) { policy.mode = mode }
        if let timing = choice("show-reasons", AssessmentPolicy.ReasonTiming.self, &sink) { policy.showReasons = timing }
        var attemptsGiven = false
        if let node = fields.node("attempts") {
            attemptsGiven = true
            if node.text == "unlimited" {
                policy.attemptLimit = nil
            } else if let attempts = YAMLFields.integer(node, what: "'attempts' (a number or unlimited)", sink: &sink) {
                if attempts.value >= 1 {
                    policy.attemptLimit = attempts.value
                } else {
                    sink.report(.invalidValue, at: attempts.position, "'attempts' must be at least 1, or unlimited")
                }
            }
        }
        if let delay = fields.node("retake-delay") {
            policy.retakeDelayMinutes = duration(
                delay, "'retake-delay'", upTo: GradingLimits.maximumRetakeDelayMinutes, example: "24h or 7d", sink: &sink)
        }
        // Mechanical Turk: without a retry delay a qualification is taken once.
        if !attemptsGiven { policy.attemptLimit = policy.retakeDelayMinutes == nil ? 1 : nil }
        if let shuffle = fields.bool("shuffle", sink: &sink) { policy.shuffle = shuffle }
        if let options = choice("shuffle-options", AssessmentPolicy.OptionShuffle.self, &sink) { policy.shuffleOptions = options }
        if let navigation = choice("navigation", AssessmentPolicy.Navigation.self, &sink) { policy.navigation = navigation }
        if let sample = fields.integer("sample", sink: &sink) {
            if sample.value >= 1 {
                policy.sample = sample.value
            } else {
                sink.report(.invalidValue, at: sample.position, "'sample' must be at least 1")
            }
        }
        if let removal = fields.fraction("removal-below", sink: &sink) { policy.removalBelow = removal.value }
        if let after = fields.integer("removal-after", sink: &sink) {
            if after.value >= 1 {
                policy.removalAfter = after.value
            } else {
                sink.report(.invalidValue, at: after.position, "'removal-after' must be at least 1 gold item")
            }
        }
        if let penalty = fields.fraction("wrong-answer-penalty", sink: &sink) { policy.wrongAnswerPenalty = penalty.value }
        requirements = fields.strings("requires", sink: &sink) ?? []
        policy.requires = requirements.map(\.value)
        let critical = fields.strings("critical-items", sink: &sink) ?? []
        policy.criticalItems = critical.map(\.value)
        fields.finish(allowed: policyKeys, sink: &sink)
        return (policy, critical)
    }
}
