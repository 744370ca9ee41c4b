import Courseware

/// Number formatting for feedback and reports, identical on every platform (no locale).
enum Format {
    /// `x` rounded to `decimals` places without trailing zeros: 14.0 → "14", 0.625 → "0.63".
    static func number(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        var rounded = (x * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }  // no "-0"
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return "\(rounded)"
    }

    /// Seconds as a learner reads a time spent: "42 s", "3 min 5 s", "1 h 2 min".
    static func duration(seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min" + (total % 60 > 0 ? " \(total % 60) s" : "") }
        return "\(total / 3600) h \(total / 60 % 60) min"
    }

    /// A fraction as a whole percentage: 0.875 → "88%" (rounded half away from zero).
    static func percent(_ x: Double) -> String {
        "\(number(x * 100, decimals: 0))%"
    }

    /// A fraction as a percentage with one decimal when it is not whole: 0.8125 → "81.3%".
    static func precisePercent(_ x: Double) -> String {
        "\(number(x * 100, decimals: 1))%"
    }

    /// "1 box" / "3 boxes".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// Quotes text for a message, shortened to `limit` characters (Courseware's ``Quote``).
    static func quote(_ text: String, limit: Int = Quote.maximumLength) -> String {
        Quote.text(text, limit: limit)
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
