import Foundation
import Hummingbird
import ShowroomCore

/// The small HTML pages the collector answers a booking form with when the page has no JavaScript: the
/// thank-you page naming the dealer who will call, and the page listing what to correct.
///
/// Written in the site's language with its strings from `shared/i18n`, in the site's own look when its build wrote
/// a `BookingAnswerFrame` (else as a small plain page), and linking back to the page the form was on at the address
/// the visitor sent it from (`origin`: a fleet site's, or a preview's; checked by the caller, never anything else).
struct BookingPage {
    let directory: BookingDirectory
    let site: String
    /// `scheme://host[:port]` the visitor sent the form from, without a trailing slash.
    let origin: String
    /// The site's frame, when its build wrote one.
    let frame: BookingAnswerFrame?

    /// The thank-you page: who will call, and how to reach them.
    func thanks(dealer: Dealer, model: BookingDirectory.Model?, page: String) -> Response {
        var body = "<h1>\(escape(text("bookingThanksTitle", "Thank you")))</h1>\n"
        body += "<p>\(escape(text("bookingThanksText", "Your request has reached the authorised dealer who will call you to arrange the test drive:")))</p>\n"
        body += "<p class=\"dealer\"><strong data-dealer=\"\(escape(dealer.id))\">\(escape(dealer.name))</strong>"
        if !dealer.address.isEmpty { body += "<br>\(escape(dealer.address))" }
        if !dealer.phone.isEmpty { body += "<br><a href=\"tel:\(escape(dealer.phone))\">\(escape(dealer.phone))</a>" }
        body += "</p>\n"
        if let model { body += "<p>\(escape(text("model", "Model"))): \(escape(model.name))</p>\n" }
        return respond(.ok, title: text("bookingThanksTitle", "Thank you"), body: body + backLink(page))
    }

    /// The page listing what to correct, in the site's words, with a link back to the form.
    func problems(_ rejections: [BookingRejection], page: String) -> Response {
        var body = "<h1>\(escape(text("bookingErrorTitle", "Please check the form")))</h1>\n<ul>\n"
        for rejection in rejections {
            body += "<li data-field=\"\(escape(rejection.field?.rawValue ?? ""))\">\(escape(message(for: rejection)))</li>\n"
        }
        body += "</ul>\n"
        return respond(.badRequest, title: text("bookingErrorTitle", "Please check the form"), body: body + backLink(page))
    }

    /// The sentence a visitor sees for a refused field: the form's own string when there is one.
    func message(for rejection: BookingRejection) -> String {
        let key = switch rejection.field {
        case .name: "bookingNameError"
        case .phone: "bookingPhoneError"
        case .model: "bookingModelError"
        case .city: "bookingCityError"
        case .consent: "bookingConsentError"
        default: "bookingError"
        }
        return text(key, rejection.message)
    }

    private func text(_ key: String, _ fallback: String) -> String {
        directory.text(key, site: site, fallback: fallback)
    }

    private func backLink(_ page: String) -> String {
        guard directory.sites[site] != nil else { return "" }
        let path = EventRules.isValidPage(page) ? page : "/"
        return "<p class=\"booking-back\"><a class=\"btn btn-primary\" href=\"\(escape(origin + path))\">\(escape(text("bookingBack", "Back to the site")))</a></p>\n"
    }

    private func respond(_ status: HTTPResponse.Status, title: String, body: String) -> Response {
        if let frame {
            let html = frame.filled(title: title, answer: body, origin: origin)
            var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
            response.headers[.contentType] = "text/html; charset=utf-8"
            response.headers[.cacheControl] = "no-store"
            response.headers[.contentSecurityPolicy] = BookingAnswerFrame.contentSecurityPolicy(origin: origin)
            response.headers[.xContentTypeOptions] = "nosniff"
            return response
        }
        let locale = directory.sites[site]?.locale ?? "en"
        let html = """
            <!doctype html>
            <html lang="\(escape(locale))">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#111}
            .dealer{font-size:1.15rem}a{color:#0b3d91}</style></head>
            <body>
            \(body)</body>
            </html>

            """
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentType] = "text/html; charset=utf-8"
        response.headers[.cacheControl] = "no-store"
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }

    private func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
