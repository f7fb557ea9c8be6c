import Foundation
import ShowroomCore

/// The frame a site's build writes for the collector's answers to a booking form sent without JavaScript:
/// `<output>/<site>/booking/thanks/index.html`, rendered from the site's `thanks` layout, so the thank-you page has
/// the site's header, footer and styles (docs/booking.md).
///
/// The collector serves the page itself, because only it knows which dealer will call; a static page could say so
/// only with JavaScript, which this visitor does not run. So the frame is filled here: the answer goes where the
/// layout left the slot, the title is the answer's, and a `<base>` points the page's site-relative links and
/// styles at the address the visitor sent the form from (a preview's or production's).
struct BookingAnswerFrame: Sendable {
    /// Where the build writes the frame, inside a site's output folder.
    static let path = "booking/thanks/index.html"
    /// Where the `thanks` layout leaves room for the answer (`BookingAnswerPage.answerSlot` in the build).
    static let slot = "<!--showroom:booking-answer-->"
    /// A frame larger than this is not a page the build wrote; it is ignored.
    static let maxBytes = 1 << 20

    let text: String

    /// The frame of `site` in the build output `publicFolder`; nil when the build wrote none (a site built before
    /// the layout existed, a workspace whose templates lack it, a collector run without the build output).
    init?(site: String, publicFolder: URL) {
        guard !site.isEmpty, !site.contains("/"), !site.hasPrefix(".") else { return nil }
        let url = publicFolder.appendingPathComponent(site).appendingPathComponent(Self.path)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber,
              size.intValue <= Self.maxBytes, let data = try? Data(contentsOf: url),
              let text = String(data: data, encoding: .utf8), text.contains(Self.slot), text.range(of: "<head>") != nil
        else { return nil }
        self.text = text
    }

    /// The page: `answer` (HTML) in the slot, `title` (text) as its title, and relative links resolved against
    /// `origin` (`https://aurora.example`, already checked to be the site's).
    func filled(title: String, answer: String, origin: String) -> String {
        var page = text.replacingOccurrences(of: Self.slot, with: answer)
        if let open = page.range(of: "<title>"), let close = page.range(of: "</title>", range: open.upperBound..<page.endIndex) {
            page.replaceSubrange(open.upperBound..<close.lowerBound, with: HTMLEscaping.escape(title))
        }
        if let head = page.range(of: "<head>") {
            page.insert(contentsOf: "\n<base href=\"\(HTMLEscaping.escape(origin))/\"><meta name=\"robots\" content=\"noindex\">",
                        at: head.upperBound)
        }
        return page
    }

    /// What the page may load: the site's own styles, pictures and fonts, and no script (the frame carries the
    /// tracking snippet, which must not count a page the collector served).
    static func contentSecurityPolicy(origin: String) -> String {
        "default-src 'none'; style-src \(origin) 'unsafe-inline'; img-src \(origin) data:; font-src \(origin); base-uri \(origin); "
            + "form-action 'none'; frame-ancestors 'none'"
    }
}
