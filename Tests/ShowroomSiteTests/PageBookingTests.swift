import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// `booking: false` in a page's front matter leaves the test-drive form off that page of a site that offers it.
@Suite struct PageBookingTests {
    private func productSite() throws -> FixtureWorkspace {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/aurora/templates/page.mustache",
                            "{{<layout}}{{$main}}<h1>{{page.title}}</h1>{{#page.booking}}<form id=\"booking-form\"></form>{{/page.booking}}{{/main}}{{/layout}}")
        return workspace
    }

    @Test func aPageThatSaysBookingFalseHasNoBookingForm() throws {
        let workspace = try productSite()
        try workspace.write("sites/aurora/content/warranty.md", "---\ntitle: Warranty\nbooking: false\n---\nText.\n")
        try workspace.write("sites/aurora/content/range.md", "---\ntitle: Range\n---\nText.\n")
        #expect(workspace.build(sites: ["aurora"]).succeeded)
        #expect(workspace.output("aurora/warranty/index.html")?.contains("booking-form") == false)
        #expect(workspace.output("aurora/range/index.html")?.contains("booking-form") == true)
    }

    @Test func aBookingValueThatIsNotTrueOrFalseIsAnErrorAtItsLine() throws {
        let workspace = try productSite()
        try workspace.write("sites/aurora/content/warranty.md", "---\ntitle: Warranty\nbooking: sometimes\n---\nText.\n")
        let error = try #require(workspace.build(sites: ["aurora"]).error(containing: "`booking` must be true or false"))
        #expect(error.location == SourceLocation(file: "sites/aurora/content/warranty.md", line: 3, column: 10))
    }
}
