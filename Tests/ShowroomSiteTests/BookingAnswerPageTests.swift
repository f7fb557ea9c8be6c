import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// The frame of the collector's no-JavaScript booking answer: built from the `thanks` layout for every booking site,
/// overridable like any layout, and refused when it leaves no place for the answer.
@Suite struct BookingAnswerPageTests {
    static let thanks = "{{<layout}}{{$main}}<section class=\"booking-answer\">\n<!--showroom:booking-answer-->\n</section>{{/main}}{{/layout}}\n"

    @Test func aBookingSiteGetsTheFrameFromTheThanksLayout() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("templates/base/thanks.mustache", Self.thanks)

        let report = workspace.build()

        #expect(report.allDiagnostics.errors.isEmpty, "\(report.allDiagnostics)")
        let frame = try #require(workspace.output("aurora/booking/thanks/index.html"))
        #expect(frame.contains("<section class=\"booking-answer\">\n<!--showroom:booking-answer-->\n</section>"))
    }

    @Test func aSiteOverridesTheThanksLayoutLikeAnyOther() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("templates/base/thanks.mustache", Self.thanks)
        try workspace.write("sites/aurora/templates/thanks.mustache",
                            "{{<layout}}{{$main}}<div class=\"aurora-thanks\"><!--showroom:booking-answer--></div>{{/main}}{{/layout}}\n")

        _ = workspace.build()

        #expect(workspace.output("aurora/booking/thanks/index.html")?.contains("<div class=\"aurora-thanks\"><!--showroom:booking-answer--></div>") == true)
    }

    @Test func withoutAThanksLayoutNoFrameIsWrittenAndTheCollectorAnswersPlainly() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }

        let report = workspace.build()

        #expect(report.allDiagnostics.errors.isEmpty)
        #expect(!workspace.exists("aurora/booking/thanks/index.html"))
    }

    @Test func aThanksLayoutWithoutThePlaceForTheAnswerIsAnErrorAtTheLayout() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("templates/base/thanks.mustache", "{{<layout}}{{$main}}<p>Thanks!</p>{{/main}}{{/layout}}\n")

        let report = workspace.build()

        let error = try #require(report.error(containing: "the `thanks` layout has no place for the booking answer"))
        #expect(error.location?.file == "templates/base/thanks.mustache")
        #expect(error.hint?.contains("<!--showroom:booking-answer-->") == true)
    }
}
