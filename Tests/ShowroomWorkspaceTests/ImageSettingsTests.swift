import ShowroomCore
import Testing
@testable import ShowroomWorkspace

/// `images:` in showroom.yaml: the widths and limits photos' web sizes are made with.
@Suite struct ImageSettingsTests {
    private func read(_ text: String) throws -> (FleetConfig, [Diagnostic]) {
        FleetConfig.read(try YAMLNode.parse(text, file: "showroom.yaml"))
    }

    @Test func withoutImagesThePhotosGetTheDefaultWidths() throws {
        let (config, diagnostics) = try read("output: public\n")
        #expect(config.images == .default)
        #expect(config.images.widths == [480, 800, 1200, 1600, 2400])
        #expect(diagnostics.isEmpty)
    }

    @Test func theWidthsAvifAndPixelLimitAreRead() throws {
        let (config, diagnostics) = try read("images:\n  widths: [1200, 400, 800]\n  avif: false\n  maxMegapixels: 50\n")
        #expect(config.images.widths == [400, 800, 1200])
        #expect(config.images.avif == false)
        #expect(config.images.maxMegapixels == 50)
        #expect(diagnostics.isEmpty)
    }

    @Test func aWidthThatIsNotANumberOfPixelsIsAnErrorAtItsPlace() throws {
        let (_, diagnostics) = try read("images:\n  widths: [480, wide]\n")
        let error = try #require(diagnostics.errors.first)
        #expect(error.location == SourceLocation(file: "showroom.yaml", line: 2, column: 17))
        #expect(error.message.contains("found `wide`"))
    }
}
