/// Calendar dates as the catalogues, mappings, evidence and reports write them: `YYYY-MM-DD`.
public enum ISODate {
    /// Whether `text` is a real `YYYY-MM-DD` date of the Gregorian calendar (2026-02-30 is not).
    public static func isValid(_ text: String) -> Bool { problem(text) == nil }

    /// Why `text` is not a real `YYYY-MM-DD` date, as a phrase that follows the quoted value
    /// ("is not a date of the form YYYY-MM-DD", "is not a day of the calendar: February 2026 has 28
    /// days"), or nil when it is one.
    public static func problem(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return "is not a date of the form YYYY-MM-DD" }
        guard (1...12).contains(month) else { return "is not a day of the calendar: there is no month \(month)" }
        let length = days(inMonth: month, of: year)
        guard (1...length).contains(day) else {
            return "is not a day of the calendar: \(monthNames[month - 1]) \(year) has \(length) days"
        }
        return nil
    }

    /// The number of days in a month (1–12) of a Gregorian year.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Leap years of the Gregorian calendar: every fourth year, but not centuries unless divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}
