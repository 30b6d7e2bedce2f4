import Foundation
import CrosswalkModel
import Testing

/// Dates are read from options, CSV, YAML and scope files through `ISODate`: only real days pass.
@Suite("calendar dates")
struct ISODateTests {
    @Test("real days pass, including February 29 of leap years", arguments: ["2026-01-31", "2024-02-29", "2000-02-29", "2026-04-30", "2026-12-31"])
    func realDays(_ text: String) {
        #expect(ISODate.isValid(text))
        #expect(ISODate.problem(text) == nil)
    }

    @Test(
        "impossible days say why",
        arguments: [
            ("2026-02-30", "is not a day of the calendar: February 2026 has 28 days"),
            ("2026-02-29", "is not a day of the calendar: February 2026 has 28 days"),
            ("2100-02-29", "is not a day of the calendar: February 2100 has 28 days"),
            ("2026-04-31", "is not a day of the calendar: April 2026 has 30 days"),
            ("2026-00-10", "is not a day of the calendar: there is no month 0"),
            ("2026-06-00", "is not a day of the calendar: June 2026 has 30 days"),
            ("2026-6-01", "is not a date of the form YYYY-MM-DD"),
            ("2026-+6-01", "is not a date of the form YYYY-MM-DD"),
            ("", "is not a date of the form YYYY-MM-DD"),
        ])
    func impossibleDays(_ text: String, _ problem: String) {
        #expect(!ISODate.isValid(text))
        #expect(ISODate.problem(text) == problem)
    }
}

extension ISODateTests {
    @Test(
        "adding days crosses months, years and February 29",
        arguments: [
            ("2026-09-30", 92, "2026-12-31"), ("2026-09-30", 1, "2026-10-01"), ("2024-02-28", 1, "2024-02-29"),
            ("2026-02-28", 1, "2026-03-01"), ("2026-12-31", 366, "2028-01-01"), ("2000-03-01", -1, "2000-02-29"),
            ("1970-01-01", 0, "1970-01-01"), ("2099-12-31", 1, "2100-01-01"),
        ])
    func adding(_ date: String, _ days: Int, _ expected: String) {
        #expect(ISODate.adding(days, to: date) == expected)
    }

    @Test("adding agrees with Foundation's calendar over ten years of days")
    func addingAgreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        var date = formatter.date(from: "2020-01-01")!
        for offset in 0..<3653 {
            let text = formatter.string(from: date)
            #expect(ISODate.adding(offset, to: "2020-01-01") == text)
            #expect(ISODate.format(ISODate.dayNumber(year: Int(text.prefix(4))!, month: Int(text.dropFirst(5).prefix(2))!, day: Int(text.suffix(2))!)) == text)
            date = date.addingTimeInterval(86_400)
        }
    }
}
