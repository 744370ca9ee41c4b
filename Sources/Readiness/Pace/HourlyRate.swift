import Foundation

/// Turns a price per task and a pace into an hourly rate, as the lesson "Your effective
/// hourly rate" teaches: tasks per hour = 3600 ÷ seconds per task, hourly rate = price ×
/// tasks per hour. A $0.10 task that takes 10 minutes pays 0.10 × 3600 ÷ 600 = $0.60 an hour.
public enum HourlyRate {
    /// Dollars (or any currency) an hour; nil for a pace of zero seconds, which no one has.
    public static func hourly(pricePerTask: Double, secondsPerTask: Double) -> Double? {
        guard secondsPerTask > 0, pricePerTask.isFinite, secondsPerTask.isFinite else { return nil }
        return pricePerTask * 3600 / secondsPerTask
    }

    /// The most seconds a task may take to pay at least `hourly`: the lesson's "time budget
    /// per item = price per item ÷ your minimum hourly rate".
    public static func timeBudget(pricePerTask: Double, hourly: Double) -> Double? {
        guard hourly > 0, pricePerTask.isFinite, hourly.isFinite else { return nil }
        return pricePerTask * 3600 / hourly
    }

    /// "10 minutes", "2.5 minutes", "45 seconds", "1.5 hours".
    public static func duration(_ seconds: Double) -> String {
        func number(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        if seconds < 90 { return "\(number(seconds)) second\(number(seconds) == "1" ? "" : "s")" }
        if seconds < 5400 { return "\(number(seconds / 60)) minutes" }
        return "\(number(seconds / 3600)) hours"
    }

    /// "$0.60", "$12.00": two decimals, as prices are written.
    public static func money(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        return "$\(cents / 100).\(String(format: "%02d", cents % 100))"
    }
}
