import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// Raster photos in the build: web sizes in the output and the pages, the cache, and bad pictures as located errors
/// at their catalogue record (the fixture's `aurora-hero` is written at line 6 of assets/catalog.yaml).
@Suite struct PhotoVariantTests {
    private static let heroRecord = "assets/catalog.yaml"

    /// The fixture with the real `picture` partial, so its pages write pictures as the example fleet does.
    private func workspaceWithPicturePartial() throws -> FixtureWorkspace {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/picture.mustache",
                            String(contentsOf: ExampleFleet.repository.appendingPathComponent("templates/base/partials/picture.mustache"), encoding: .utf8))
        return workspace
    }

    private func heroError(_ report: BuildReport) throws -> Diagnostic {
        let error = try #require(report.allDiagnostics.errors.first { $0.message.contains("asset `aurora-hero`") })
        #expect(error.location?.file == Self.heroRecord)
        #expect(error.location?.line == 7)
        #expect(error.hint?.isEmpty == false)
        return error
    }

    @Test func aPhotosWebSizesArePlacedBesideTheOriginal() throws {
        let workspace = try FixtureWorkspace()
        try workspace.writeBytes("assets/files/photos/aurora-hero.png", TestPhotos.png(width: 1000, height: 560))
        #expect(workspace.build().succeeded)
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("public/aurora/assets").path)
        for name in ["480.avif", "480.webp", "480.jpg", "800.webp", "1000.avif", "1000.jpg"] {
            #expect(files.contains { $0.hasPrefix("aurora-hero.") && $0.hasSuffix(".\(name)") }, "\(name) is placed")
        }
        #expect(!files.contains { $0.hasSuffix(".1200.webp") }, "no web size is wider than the photo")
    }

    @Test func aSecondBuildWithAWarmCacheDoesNoImageWork() throws {
        let workspace = try FixtureWorkspace()
        let first = workspace.build()
        let second = workspace.build()
        #expect(first.photosMade > 0)
        #expect(second.photosMade == 0)
        #expect(second.succeeded)
    }

    @Test func aMarkdownImageOfAPhotoIsWrittenAsAPictureWithItsWebSizes() throws {
        let workspace = try workspaceWithPicturePartial()
        #expect(workspace.build().succeeded)
        let html = try #require(workspace.output("aurora/index.html"))
        #expect(html.contains("<picture><source type=\"image/avif\" srcset=\"/assets/aurora-hero."))
        #expect(html.contains("<source type=\"image/webp\" srcset=\"/assets/aurora-hero."))
        #expect(html.contains("alt=\"Aurora\" width=\"64\" height=\"36\" loading=\"lazy\""))
    }

    @Test func theCountedDownloadStillServesTheOriginal() throws {
        let workspace = try FixtureWorkspace()
        let photo = TestPhotos.png(width: 1000, height: 560)
        try workspace.writeBytes("assets/files/photos/aurora-hero.png", photo)
        let report = workspace.build()
        let aurora = try #require(report.sites.first { $0.siteID == "aurora" })
        let file = try #require(aurora.assetFiles["aurora-hero"])
        #expect(file.hasSuffix(".png") && file.split(separator: ".").count == 3, "the download goes to \(file), the original")
        let placed = try Data(contentsOf: workspace.root.appendingPathComponent("public/aurora/assets/\(file)"))
        #expect(placed == Data(photo))
    }

    @Test func aTruncatedPhotoIsAnErrorAtItsCatalogueRecord() throws {
        let workspace = try FixtureWorkspace()
        let photo = TestPhotos.png(width: 900, height: 600)
        try workspace.writeBytes("assets/files/photos/aurora-hero.png", Array(photo.prefix(photo.count / 2)))
        let error = try heroError(workspace.build())
        #expect(error.message.contains("damaged or cut short"))
        #expect(!workspace.exists("aurora/index.html"), "nothing is written")
    }

    @Test func aPictureInAFormatTheWebCannotUseIsAnErrorAtItsCatalogueRecord() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("assets/catalog.yaml", try workspace.read("assets/catalog.yaml")
            .replacingOccurrences(of: "photos/aurora-hero.png", with: "photos/aurora-hero.bmp"))
        try workspace.writeBytes("assets/files/photos/aurora-hero.bmp", Array("BM".utf8) + [UInt8](repeating: 0, count: 64))
        try workspace.remove("assets/files/photos/aurora-hero.png")
        let error = try heroError(workspace.build())
        #expect(error.message.contains("`.bmp` pictures cannot be resized"))
        #expect(error.hint?.contains("export the picture as JPEG") == true)
    }

    @Test func aPictureOverThePixelLimitIsRefusedBeforeItIsDecoded() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("showroom.yaml", "collector: https://collect.example.test\nimages:\n  maxMegapixels: 1\n")
        try workspace.writeBytes("assets/files/photos/aurora-hero.png", TestPhotos.png(width: 1500, height: 1000))
        let error = try heroError(workspace.build())
        #expect(error.message.contains("1500 × 1000 pixels (1.5 megapixels), more than the limit of 1 megapixels"))
        #expect(error.hint?.contains("maxMegapixels") == true)
    }

    @Test func aFileWhoseContentIsNotWhatItsNameSaysIsAnErrorAtItsCatalogueRecord() throws {
        let workspace = try FixtureWorkspace()
        try workspace.writeBytes("assets/files/photos/aurora-hero.png", TestPhotos.jpeg(width: 300, height: 200))
        let error = try heroError(workspace.build())
        #expect(error.message.contains("named `.png` but holds a JPEG picture"))
        #expect(error.hint?.contains("`.jpg`") == true)
    }
}
