public import CampaignStore
public import Foundation

extension EngineConfiguration {
    /// When `contact` may next be called, if its calling window is closed at `date`: the one
    /// calling-hours check, which ``ContactLifecycle/take(_:under:at:)`` makes for the run loop and
    /// `plan` alike. `nil` when it may be called now (the window is open, or no calling hours are set).
    /// - Parameters:
    ///   - contact: The contact, whose own time zone counts (else ``fallbackTimeZone``).
    ///   - date: The time of the question.
    public func windowOpening(for contact: DueContact, at date: Date) -> Date? {
        guard let hours = callingHours else { return nil }
        let zone = contact.timeZone.flatMap(TimeZone.init(identifier:)) ?? fallbackTimeZone
        return hours.isOpen(at: date, in: zone) ? nil : hours.nextOpening(after: date, in: zone)
    }
}
