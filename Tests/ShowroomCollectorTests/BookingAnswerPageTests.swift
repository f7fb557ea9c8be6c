import Foundation
import Hummingbird
import HummingbirdTesting
import ShowroomTestSupport
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// The page a booking form sent without JavaScript gets back: in the site's own look (the frame its build wrote from
/// the `thanks` layout), and linking back to where the visitor was, in a preview as in production.
@Suite("Booking answer page")
struct BookingAnswerPageTests {
    /// A frame as the build writes it: the site's header and stylesheet, and the slot for the answer.
    static let frame = """
        <!doctype html>
        <html lang="en">
        <head>
        <title>Aurora – Aurora</title>
        <link rel="stylesheet" href="/assets/showroom-css.76eca926d570.css">
        </head>
        <body><header class="site-header">Lumen Aurora</header>
        <main><section class="booking-answer wrap">
        <!--showroom:booking-answer-->
        </section></main></body>
        </html>
        """
    static let framePath = "public/aurora-ev/booking/thanks/index.html"
    static let previewOrigin = "http://127.0.0.1:8081"

    @Test func theThankYouPageIsTheSitesOwnFrameNamingTheDealer() async throws {
        try await TestCollector.with(.live) { collector, client in
            try collector.workspace.write(Self.frame, to: Self.framePath)
            let posted = try await client.postBookingForm()
            let thanks = try await client.get(try #require(posted.headers[.location]))
            #expect(thanks.status == .ok)
            #expect(thanks.text.contains("<header class=\"site-header\">Lumen Aurora</header>"))
            #expect(thanks.text.contains("Lumen Space Hangzhou"))
            #expect(thanks.text.contains("<title>Thank you</title>"))
            #expect(!thanks.text.contains("<!--showroom:booking-answer-->"))
        }
    }

    @Test func theFramesStylesAndLinksResolveAgainstTheSitesAddressWhichAloneMayServeThem() async throws {
        try await TestCollector.with { collector, client in
            try collector.workspace.write(Self.frame, to: Self.framePath)
            let thanks = try await client.get(try #require(try await client.postBookingForm().headers[.location]))
            #expect(thanks.text.contains("<base href=\"https://aurora.lumen-motors.example/\">"))
            let policy = try #require(thanks.headers[.contentSecurityPolicy])
            #expect(policy.contains("style-src https://aurora.lumen-motors.example 'unsafe-inline'"))
            #expect(!policy.contains("script-src"))
        }
    }

    @Test func inAPreviewTheBackLinkLeadsToThePreviewNotToProduction() async throws {
        try await TestCollector.with(.live, allowsLoopbackOrigins: true) { collector, client in
            try collector.workspace.write(Self.frame, to: Self.framePath)
            let posted = try await client.postBookingForm(origin: Self.previewOrigin)
            let location = try #require(posted.headers[.location])
            #expect(location.contains("from=http://127.0.0.1:8081") || location.contains("from=http%3A%2F%2F127.0.0.1%3A8081"))
            let thanks = try await client.get(location)
            #expect(thanks.text.contains("href=\"http://127.0.0.1:8081/specs/\""))
            #expect(thanks.text.contains("<base href=\"http://127.0.0.1:8081/\">"))
            #expect(!thanks.text.contains("https://aurora.lumen-motors.example/specs/"))
        }
    }

    @Test func aClaimedAddressThatIsNotTheSitesOwnIsIgnoredForTheSitesAddress() async throws {
        try await TestCollector.with { _, client in
            let thanks = try await client.get(
                "/bookings/thanks?site=aurora-ev&dealer=lumen-hangzhou&model=aurora&page=/specs/&from=https://phish.example")
            #expect(thanks.status == .ok)
            #expect(thanks.text.contains("href=\"https://aurora.lumen-motors.example/specs/\""))
            #expect(!thanks.text.contains("phish"))
        }
    }

    @Test func outsideAPreviewALoopbackAddressIsNotTrusted() async throws {
        try await TestCollector.with { _, client in
            let thanks = try await client.get(
                "/bookings/thanks?site=aurora-ev&dealer=lumen-hangzhou&page=/specs/&from=http://127.0.0.1:8081")
            #expect(thanks.text.contains("href=\"https://aurora.lumen-motors.example/specs/\""))
        }
    }

    @Test func thePageListingWhatToCorrectIsInTheSitesFrameToo() async throws {
        try await TestCollector.with(allowsLoopbackOrigins: true) { collector, client in
            try collector.workspace.write(Self.frame, to: Self.framePath)
            let refused = try await client.postBookingForm(bookingFields(["phone": "12345"]), origin: Self.previewOrigin)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("<header class=\"site-header\">Lumen Aurora</header>"))
            #expect(refused.text.contains("data-field=\"phone\""))
            #expect(refused.text.contains("href=\"http://127.0.0.1:8081/specs/\""))
        }
    }

    @Test func withoutAFrameTheAnswerIsAPlainPageThatStillLinksBackToThePreview() async throws {
        try await TestCollector.with(allowsLoopbackOrigins: true) { _, client in
            let posted = try await client.postBookingForm(origin: Self.previewOrigin)
            let thanks = try await client.get(try #require(posted.headers[.location]))
            #expect(thanks.text.contains("<style>body{"))
            #expect(thanks.text.contains("href=\"http://127.0.0.1:8081/specs/\""))
        }
    }

    @Test func theExampleFleetsBuildWritesTheFrameAndTheCollectorAnswersInTheSitesLook() async throws {
        let root = try ExampleFleet.copy(sites: ["aurora"])
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try ShowroomCommand.run(["build", "--site", "aurora", "--quiet", "--workspace", root.path])
        #expect(build.status == 0, "\(build.errors)")
        let sqlite = try SQLiteStore(path: root.appendingPathComponent(".showroom/collector.sqlite").path, policy: TestStores.patientPolicy)
        let settings = CollectorSettings(host: "127.0.0.1", port: 0, publicFolder: root.appendingPathComponent("public"), rateLimitPerMinute: 0,
                                         bookingRateLimitPerMinute: 0, allowsLoopbackOrigins: true, connectionLimits: TestCollector.patientLimits)
        let app = Collector.makeApplication(settings: settings, fleet: try Fleet.load(workspace: root), store: sqlite,
                                            logger: TestCollector.quietLogger)
        try await app.test(.live) { client in
            let posted = try await client.postBookingForm(
                bookingFields(["site": "aurora", "page": "/specs/", "model": "aurora", "city": "Shanghai"]), origin: Self.previewOrigin)
            #expect(posted.status == .seeOther)
            let thanks = try await client.get(try #require(posted.headers[.location]))
            #expect(thanks.status == .ok)
            #expect(thanks.text.contains("class=\"site-header") || thanks.text.contains("<header"))
            #expect(thanks.text.contains("/assets/showroom-css."))
            #expect(thanks.text.contains("Thank you, your request is on its way"))
            #expect(thanks.text.contains("href=\"http://127.0.0.1:8081/specs/\""))
            #expect(!thanks.text.contains("id=\"book\""))
        }
        try await sqlite.close()
    }
}
