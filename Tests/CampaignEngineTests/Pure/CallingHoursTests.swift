import CampaignStore
import CampaignEngine
import Foundation
import Testing

@Suite("Calling hours")
struct CallingHoursTests {
    let kolkata = TimeZone(identifier: "Asia/Kolkata")!
    let newYork = TimeZone(identifier: "America/New_York")!

    /// The instant of a wall-clock time in a zone.
    func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test("parses hours and day lists")
    func parsing() throws {
        let hours = try CallingHours(parsingHours: "09:00-21:00", days: "mon-sat")
        #expect(hours.startMinute == 540)
        #expect(hours.endMinute == 1260)
        #expect(hours.days == [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday])
        #expect(hours.hoursDescription == "09:00-21:00")
        #expect(hours.daysDescription == "mon,tue,wed,thu,fri,sat")
        #expect(try CallingHours.parseDays("fri-mon") == [.friday, .saturday, .sunday, .monday])
        #expect(try CallingHours.parseDays("Mon, wed ,FRIDAY") == [.monday, .wednesday, .friday])
        #expect(try CallingHours.parseDays("weekdays").count == 5)
        #expect(try CallingHours(parsingHours: "9:30-24:00").endMinute == 1440)
    }

    @Test("bad windows and days say what is wrong", arguments: [
        ("9-21", nil, "calling_hours: \"9-21\" is not a window like 09:00-21:00"),
        ("09:00-09:00", nil, "calling_hours: the window must open and close at different times, e.g. 09:00-21:00"),
        ("25:00-26:00", nil, "calling_hours: \"25:00-26:00\" is not a window like 09:00-21:00"),
        ("09:00-21:00", "mon-funday", "days: \"mon-funday\" is not a day list like mon-sat or mon,wed,fri"),
        ("09:00-21:00", "", "days: \"\" is not a day list like mon-sat or mon,wed,fri"),
    ] as [(String, String?, String)])
    func badInput(hours: String, days: String?, message: String) {
        #expect(throws: CampaignSettingsError.self) { try CallingHours(parsingHours: hours, days: days) }
        do {
            _ = try CallingHours(parsingHours: hours, days: days)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("open and closed in the contact's own time zone")
    func openClosed() throws {
        let hours = try CallingHours(parsingHours: "09:00-21:00", days: "mon-sat")
        // Wednesday 2026-03-04.
        #expect(hours.isOpen(at: date(2026, 3, 4, 9, 0, in: kolkata), in: kolkata))
        #expect(hours.isOpen(at: date(2026, 3, 4, 20, 59, in: kolkata), in: kolkata))
        #expect(!hours.isOpen(at: date(2026, 3, 4, 21, 0, in: kolkata), in: kolkata))
        #expect(!hours.isOpen(at: date(2026, 3, 4, 8, 59, in: kolkata), in: kolkata))
        // The same instant is 23:30 in Kolkata and 13:00 in New York.
        let instant = date(2026, 3, 4, 23, 30, in: kolkata)
        #expect(!hours.isOpen(at: instant, in: kolkata))
        #expect(hours.isOpen(at: instant, in: newYork))
        // Sunday is not a calling day.
        #expect(!hours.isOpen(at: date(2026, 3, 8, 12, 0, in: kolkata), in: kolkata))
    }

    @Test("the next opening is the next start on an allowed day")
    func nextOpening() throws {
        let hours = try CallingHours(parsingHours: "09:00-21:00", days: "mon-sat")
        let open = date(2026, 3, 4, 10, 0, in: kolkata)
        #expect(hours.nextOpening(after: open, in: kolkata) == open)
        #expect(hours.nextOpening(after: date(2026, 3, 4, 6, 0, in: kolkata), in: kolkata) == date(2026, 3, 4, 9, 0, in: kolkata))
        #expect(hours.nextOpening(after: date(2026, 3, 4, 22, 0, in: kolkata), in: kolkata) == date(2026, 3, 5, 9, 0, in: kolkata))
        // Saturday evening → Monday morning, skipping Sunday.
        #expect(hours.nextOpening(after: date(2026, 3, 7, 21, 30, in: kolkata), in: kolkata) == date(2026, 3, 9, 9, 0, in: kolkata))
    }

    @Test("daylight saving: the window follows the wall clock across the change")
    func daylightSaving() throws {
        let hours = try CallingHours(parsingHours: "09:00-21:00")
        // US clocks spring forward on Sunday 2026-03-08 at 02:00.
        let saturdayNight = date(2026, 3, 7, 22, 0, in: newYork)
        let opening = hours.nextOpening(after: saturdayNight, in: newYork)
        #expect(opening == date(2026, 3, 8, 9, 0, in: newYork))
        // 09:00 EDT is 13:00 UTC; the day before, 09:00 EST was 14:00 UTC.
        #expect(Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: opening).hour == 13)
        #expect(opening.timeIntervalSince(saturdayNight) == 10 * 3600)
    }

    @Test("a window that opens at a time skipped by daylight saving opens right after the jump")
    func skippedWallTime() throws {
        let hours = try CallingHours(parsingHours: "02:30-04:00")
        let opening = hours.nextOpening(after: date(2026, 3, 8, 0, 0, in: newYork), in: newYork)
        #expect(opening == date(2026, 3, 8, 3, 0, in: newYork))
        #expect(hours.isOpen(at: opening, in: newYork))
    }

    @Test("a window past midnight belongs to the day it opens on")
    func overnight() throws {
        let hours = try CallingHours(parsingHours: "21:00-02:00", days: "fri")
        // Friday 2026-03-06 23:00 and Saturday 01:00 are open; Saturday 23:00 is not.
        #expect(hours.isOpen(at: date(2026, 3, 6, 23, 0, in: kolkata), in: kolkata))
        #expect(hours.isOpen(at: date(2026, 3, 7, 1, 0, in: kolkata), in: kolkata))
        #expect(!hours.isOpen(at: date(2026, 3, 7, 23, 0, in: kolkata), in: kolkata))
        #expect(!hours.isOpen(at: date(2026, 3, 6, 1, 0, in: kolkata), in: kolkata))
        #expect(hours.nextOpening(after: date(2026, 3, 7, 3, 0, in: kolkata), in: kolkata) == date(2026, 3, 13, 21, 0, in: kolkata))
    }
}
