import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// A page written as `<folder>/index.md` carries its own files, as a Hugo leaf bundle does.
@Suite struct PageBundleTests {
    private let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    @Test func aBundlesImagesAreCopiedBesideThePageAndTheirRelativeAddressesKept() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/launch/index.md", "---\ntitle: Launch\n---\n![The car](photo.png)\n\n[Map](./img/map.png)\n")
        try workspace.writeBytes("sites/store/content/offers/launch/photo.png", png)
        try workspace.writeBytes("sites/store/content/offers/launch/img/map.png", png)
        #expect(workspace.build(sites: ["store"]).succeeded)
        let page = try #require(workspace.output("store/offers/launch/index.html"))
        #expect(page.contains("src=\"photo.png\""))
        #expect(workspace.exists("store/offers/launch/photo.png"))
        #expect(workspace.exists("store/offers/launch/img/map.png"))
    }

    @Test func aBundleFileThatIsMissingIsAnErrorAtTheLink() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/launch/index.md", "---\ntitle: Launch\n---\nText.\n\n![The car](phot.png)\n")
        try workspace.writeBytes("sites/store/content/offers/launch/photo.png", png)
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "the page bundle has no file `phot.png`"))
        #expect(error.location == SourceLocation(file: "sites/store/content/offers/launch/index.md", line: 6, column: 1))
    }

    @Test func linksToOtherPagesAndSitesInABundleAreNotBundleFiles() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/launch/index.md",
                            "---\ntitle: Launch\n---\n[Spring](/offers/spring/) [Top](#top) [Mail](mailto:a@b.test) [Web](https://example.test/x.png)\n")
        #expect(workspace.build(sites: ["store"]).error(containing: "the page bundle") == nil)
    }

    @Test func aBundleIsListedInTheSectionAboveItsFolder() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/launch/index.md", "---\ntitle: Launch\n---\nText.\n")
        #expect(workspace.build(sites: ["store"]).succeeded)
        #expect(workspace.output("store/offers/index.html")?.contains("/offers/launch/") == true)
    }

    @Test func aBundleFileThatIsALinkInsideTheWorkspaceIsCopiedAsTheFileItLeadsTo() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/launch/index.md", "---\ntitle: Launch\n---\n![Logo](logo.png)\n")
        try FileManager.default.createSymbolicLink(at: workspace.root.appendingPathComponent("sites/store/content/offers/launch/logo.png"),
                                                   withDestinationURL: workspace.root.appendingPathComponent("assets/files/photos/logo.png"))
        #expect(workspace.build(sites: ["store"]).succeeded)
        let placed = workspace.root.appendingPathComponent("public/store/offers/launch/logo.png")
        let attributes = try FileManager.default.attributesOfItem(atPath: placed.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }
}
