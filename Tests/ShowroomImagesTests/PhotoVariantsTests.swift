import Foundation
import ShowroomTestSupport
import Testing
@testable import ShowroomImages

/// Making a photo's web sizes: widths, formats, the cache, stripped metadata.
@Suite struct PhotoVariantsTests {
    private func make(_ bytes: [UInt8], named name: String = "photo.jpg", recipe: VariantRecipe = VariantRecipe(),
                      in folder: TemporaryFolder) throws -> (variants: PhotoVariants, madeNow: Bool) {
        let source = folder.url.appendingPathComponent(name)
        try Data(bytes).write(to: source)
        return try PhotoVariants.make(source: source, sha256: "a1b2c3", recipe: recipe, cache: folder.url.appendingPathComponent("cache")).get()
    }

    @Test func noVariantIsWiderThanTheOriginal() throws {
        let folder = try TemporaryFolder("photo")
        let made = try make(TestPhotos.jpeg(width: 1000, height: 500), in: folder).variants
        #expect(Set(made.variants.map(\.width)) == [480, 800, 1000])
        #expect(made.variants(in: .jpeg).last?.height == 500)
    }

    @Test func everyWidthComesInAVIFWebPAndAJPEGFallback() throws {
        let folder = try TemporaryFolder("photo")
        let made = try make(TestPhotos.jpeg(width: 900, height: 600), in: folder).variants
        #expect(made.formats == [.avif, .webp, .jpeg])
        #expect(made.variants(in: .avif).map(\.width) == made.variants(in: .jpeg).map(\.width))
        let first = try #require(made.variants(in: .avif).first)
        let bytes = try Data(contentsOf: PhotoVariants.folder(sha256: "a1b2c3", recipe: VariantRecipe(), in: folder.url.appendingPathComponent("cache"))
            .appendingPathComponent(first.file))
        #expect(String(decoding: bytes.prefix(12).suffix(4), as: UTF8.self) == "avif")
    }

    @Test func aPictureWithTransparencyFallsBackToPNG() throws {
        let folder = try TemporaryFolder("photo")
        let made = try make(TestPhotos.png(width: 600, height: 400, alpha: true), named: "badge.png", in: folder).variants
        #expect(made.fallbackFormat == .png)
        #expect(made.formats == [.avif, .webp, .png])
    }

    @Test func theWidthsComeFromTheRecipe() throws {
        let folder = try TemporaryFolder("photo")
        let made = try make(TestPhotos.jpeg(width: 1000, height: 500), recipe: VariantRecipe(widths: [300, 600], avif: false), in: folder).variants
        #expect(made.variants.map(\.width) == [300, 300, 600, 600])
        #expect(made.formats == [.webp, .jpeg])
    }

    @Test func aSecondMakeReadsTheCacheAndDoesNoImageWork() throws {
        let folder = try TemporaryFolder("photo")
        let first = try make(TestPhotos.jpeg(width: 700, height: 400), in: folder)
        let second = try make(TestPhotos.jpeg(width: 700, height: 400), in: folder)
        #expect(first.madeNow && !second.madeNow)
        #expect(first.variants == second.variants)
    }

    @Test func thePlaceholderIsThePhotosAverageColour() throws {
        let folder = try TemporaryFolder("photo")
        let made = try make(TestPhotos.jpeg(width: 600, height: 400), in: folder).variants
        // Grey noise around 128 averages to a mid grey.
        let red = Int(made.placeholder.dropFirst().prefix(2), radix: 16) ?? 0
        #expect(made.placeholder.count == 7 && (110...146).contains(red))
    }

    @Test func gpsPositionsAndCameraSerialsNeverReachTheVariants() throws {
        let folder = try TemporaryFolder("photo")
        let source = folder.url.appendingPathComponent("press.jpg")
        try Data(TestPhotos.jpegWithGPS()).write(to: source)
        #expect(TestPhotos.has("exif-ifd3-GPSLatitude", in: source.path), "the test photo carries a GPS position")
        let cache = folder.url.appendingPathComponent("cache")
        let made = try PhotoVariants.make(source: source, sha256: "9f9f", recipe: VariantRecipe(), cache: cache).get().variants
        let variantFolder = PhotoVariants.folder(sha256: "9f9f", recipe: VariantRecipe(), in: cache)
        for variant in made.variants {
            let path = variantFolder.appendingPathComponent(variant.file).path
            #expect(!TestPhotos.has("exif-ifd3-GPSLatitude", in: path), "\(variant.file) has no GPS position")
            #expect(!TestPhotos.has("exif-data", in: path), "\(variant.file) has no EXIF block")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data(TestPhotos.cameraSerial.utf8)) == nil, "\(variant.file) has no camera serial")
        }
    }
}
