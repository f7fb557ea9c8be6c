/// What a visitor did, as the tracking snippet reports it.
///
/// The booking steps form the funnel that shows where visitors give up on the test-drive form.
public enum EventType: String, Sendable, Hashable, CaseIterable, Codable {
    case pageview
    case downloadClick = "download_click"
    case outboundClick = "outbound_click"
    case bookingShown = "booking_shown"
    case bookingStarted = "booking_started"
    case bookingFieldError = "booking_field_error"
    case bookingSubmitted = "booking_submitted"

    /// The steps of the booking form, in the order a visitor goes through them.
    public static let bookingFunnel: [EventType] = [.bookingShown, .bookingStarted, .bookingFieldError, .bookingSubmitted]
}
