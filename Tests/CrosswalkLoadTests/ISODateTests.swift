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
