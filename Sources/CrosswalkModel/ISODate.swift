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

    /// `date` plus `days` (negative to go back), as YYYY-MM-DD; nil when `date` is not a real date.
    /// Pure calendar arithmetic (days since 1970-01-01 and back), no time zones.
    public static func adding(_ days: Int, to date: String) -> String? {
        guard isValid(date) else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        return format(dayNumber(year: parts[0], month: parts[1], day: parts[2]) + days)
    }

    /// Days from 1970-01-01 to a Gregorian date (H. Hinnant's days_from_civil).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (days from 1970-01-01), as YYYY-MM-DD.
    public static func format(_ dayNumber: Int) -> String {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }
}
