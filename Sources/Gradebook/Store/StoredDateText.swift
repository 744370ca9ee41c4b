import Foundation
import GRDB

/// Dates as SQLite files hold them: the UTC text `yyyy-MM-dd HH:mm:ss.SSS` that GRDB writes
/// (and reads back in its shorter forms `yyyy-MM-dd`, `yyyy-MM-dd HH:mm`, with `T` for the
/// space), so gradebooks written before the storage seam read exactly as they did.
enum StoredDateText {
    /// The date of a stored text; nil when it is not one of GRDB's forms.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 45, bytes[7] == 45, let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = days(year: year, month: month, day: day) * 86400
        var fraction = 0.0
        if bytes.count > 10 {
            guard bytes[10] == 32 || bytes[10] == 84, bytes.count >= 16, bytes[13] == 58, let hour = number(11..<13),
                let minute = number(14..<16)
            else { return nil }
            seconds += hour * 3600 + minute * 60
            var index = 16
            if bytes.count > 16 {
                guard bytes[16] == 58, let second = number(17..<19) else { return nil }
                seconds += second
                index = 19
                if bytes.count > 19, bytes[19] == 46 {
                    var digits: Int64 = 0
                    var scale: Int64 = 1
                    index = 20
                    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, scale < 1_000_000_000 {
                        digits = digits * 10 + Int64(bytes[index] - 48)
                        scale *= 10
                        index += 1
                    }
                    fraction = Double(digits) / Double(scale)
                }
            }
            if index < bytes.count, bytes[index] == 90 { index += 1 }
            guard index == bytes.count else { return nil }
        }
        // The instant is GRDB's own reading of the text, so files written before the seam read
        // bit for bit as they did: computed here it differs by one unit in the last place for
        // about 1 date in 60,000 (Foundation's calendar rounds in another order). The text was
        // checked above; the computed instant stands only for a form GRDB would not read.
        let sinceReference = Double(seconds - 978_307_200)
        return Date.fromDatabaseValue(text.databaseValue) ?? Date(timeIntervalSinceReferenceDate: sinceReference + fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}
