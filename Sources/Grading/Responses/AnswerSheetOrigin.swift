public import Foundation

/// Which recorded attempt an exported answer sheet holds and when it was taken, so a folder
/// of exports says whose try each file is and which of a learner's tries is the latest.
///
/// In `answers.json` these are the optional keys `attempt` (the gradebook's attempt number),
/// `startedAt` and `finishedAt` (ISO 8601, UTC) and `purpose` (`exam` or `practice`).
public struct AnswerSheetOrigin: Sendable, Hashable {
    public var attempt: Int64
    public var startedAt: Date
    public var finishedAt: Date?
    public var purpose: AttemptPurpose

    public init(attempt: Int64, startedAt: Date, finishedAt: Date?, purpose: AttemptPurpose) {
        self.attempt = attempt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.purpose = purpose
    }

    /// The keys this adds to an answers file.
    static let keys = ["attempt", "startedAt", "finishedAt", "purpose"]

    /// Reads the keys from an answers file's top object; nil when `attempt` is absent. Every
    /// malformed value is added to `problems`, naming the key.
    static func decode(_ top: [String: JSONValue], problems: inout [String]) -> AnswerSheetOrigin? {
        guard let attemptValue = top["attempt"] else {
            for key in keys where top[key] != nil { problems.append("has \"\(key)\" without \"attempt\"; an export writes both") }
            return nil
        }
        guard case .number(let number) = attemptValue, number.isFinite, number == number.rounded(), number >= 1, number <= 1e15 else {
            problems.append("\"attempt\" must be a whole attempt number from 1, got \(attemptValue.typeDescription)")
            return nil
        }
        func date(_ key: String) -> Date?? {
            guard let value = top[key], value != .null else { return .some(nil) }
            guard case .string(let text) = value, let date = ISO8601DateFormatter().date(from: text) else {
                problems.append("\"\(key)\" must be an ISO 8601 time such as \"2026-01-05T09:00:00Z\", got \(value.typeDescription)")
                return nil
            }
            return .some(date)
        }
        let purpose: AttemptPurpose?
        switch top["purpose"] {
        case nil, .null?: purpose = .exam
        case .string(let text)?: purpose = AttemptPurpose(rawValue: text)
        case .some: purpose = nil
        }
        if purpose == nil { problems.append("\"purpose\" must be \"exam\" or \"practice\"") }
        guard let started = date("startedAt"), let finished = date("finishedAt"), let purpose else { return nil }
        guard let started else {
            problems.append("has \"attempt\" without \"startedAt\"; an export writes both")
            return nil
        }
        return AnswerSheetOrigin(attempt: Int64(number), startedAt: started, finishedAt: finished, purpose: purpose)
    }

    func encode(into top: inout [String: JSONValue]) {
        let format = ISO8601DateFormatter()
        top["attempt"] = .number(Double(attempt))
        top["startedAt"] = .string(format.string(from: startedAt))
        if let finishedAt { top["finishedAt"] = .string(format.string(from: finishedAt)) }
        top["purpose"] = .string(purpose.rawValue)
    }

    /// The moment that orders a learner's tries: when it finished, else when it started.
    public var moment: Date { finishedAt ?? startedAt }
}
