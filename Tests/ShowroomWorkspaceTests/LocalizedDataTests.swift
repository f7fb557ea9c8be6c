import ShowroomCore
import ShowroomWorkspace
import Testing

/// Shared data in a site's language: `nameZh` beside `name` is what a zh-CN site shows as `name`.
@Suite struct LocalizedDataTests {
    static let brand = try! YAMLNode.parse("id: lumen\nname: Lumen\nnameZh: 流明\ntagline: Electric, effortlessly.\nkind: New energy\n",
                                           file: "shared/data/brands.yaml")

    @Test func aChineseSiteReadsTheChineseTextUnderThePlainKey() {
        let localized = Self.brand.localized(to: "zh-CN")
        #expect(localized["name"]?.scalarText == "流明")
        #expect(localized["name"]?.location == SourceLocation(file: "shared/data/brands.yaml", line: 3, column: 9))
    }

    @Test func aKeyWithoutATranslationKeepsItsEnglish() {
        #expect(Self.brand.localized(to: "zh-CN")["tagline"]?.scalarText == "Electric, effortlessly.")
    }

    @Test func anEnglishSiteReadsThePlainKeys() {
        #expect(Self.brand.localized(to: "en")["name"]?.scalarText == "Lumen")
    }
}
