import Foundation
import ShowroomTestSupport
import Testing

/// The example fleet's raster photos as the built pages serve them: web sizes everywhere, the hero first.
@Suite struct FleetPhotoTests {
    /// Every `<img …>` tag of `html`.
    private func imageTags(_ html: String) -> [String] {
        html.components(separatedBy: "<img ").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    @Test func everyRasterPhotoOnTheFleetIsServedInWebSizesWithSrcset() throws {
        let fleet = try BuiltFleet.shared()
        let enumerator = FileManager.default.enumerator(at: fleet.output, includingPropertiesForKeys: nil)
        var checked = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html" else { continue }
            for tag in imageTags(try String(contentsOf: url, encoding: .utf8)) where tag.contains(".jpg\"") || tag.contains(".png\"") {
                #expect(tag.contains(" srcset=\"") && tag.contains(".480.jpg 480w"), "\(url.path): <img \(tag)> has web sizes")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func theHeroIsFetchedFirstAndTheGalleryLazily() throws {
        let home = try BuiltFleet.shared().page("aurora", "index.html")
        let tags = imageTags(home)
        let hero = try #require(tags.first { $0.contains("aurora-hero.") })
        #expect(hero.contains("fetchpriority=\"high\"") && !hero.contains("loading="))
        let night = try #require(tags.first { $0.contains("aurora-night.") })
        #expect(night.contains("loading=\"lazy\"") && !night.contains("fetchpriority"))
        #expect(home.contains("<source type=\"image/avif\" srcset=\"/assets/aurora-hero."))
    }
}
