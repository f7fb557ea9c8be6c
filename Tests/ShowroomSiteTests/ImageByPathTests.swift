import Foundation
import ShowroomCore
import ShowroomTestSupport
import Testing

/// A Markdown picture written as a file path instead of `asset:<id>` would be a broken image on the site: it is
/// an error at the image, naming the asset to write when the path is a file of the library.
@Suite struct ImageByPathTests {
    @Test func anImageByThePathOfALibraryFileIsAnErrorNamingTheAssetToWrite() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/x.md", "---\ntitle: X\n---\nThe car:\n\n![The car](../../assets/files/photos/aurora-hero.png)\n")
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "is a file path"))
        #expect(error.location == SourceLocation(file: "sites/store/content/x.md", line: 6, column: 1))
        #expect(error.hint?.contains("`![…](asset:aurora-hero)`") == true)
        #expect(!report.succeeded)
    }

    @Test func anImageByAPathThatIsNoLibraryFileSaysToUseAnAssetOrABundle() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/x.md", "---\ntitle: X\n---\n![Map](images/map.png)\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "the image `images/map.png` is a file path"))
        #expect(error.hint?.contains("`![…](asset:<id>)`") == true)
        #expect(error.hint?.contains("index.md") == true)
    }

    @Test func aBundlesPictureByThePathOfALibraryFileIsAnErrorToo() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/launch/index.md",
                            "---\ntitle: Launch\n---\n![The car](../../../../../assets/files/photos/aurora-hero.png)\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "is a file path"))
        #expect(error.hint?.contains("asset:aurora-hero") == true)
    }

    @Test func anImageOnTheWebIsNotAFilePath() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/x.md", "---\ntitle: X\n---\n![Map](https://maps.example.test/map.png)\n")
        #expect(workspace.build(sites: ["store"]).error(containing: "is a file path") == nil)
    }
}
