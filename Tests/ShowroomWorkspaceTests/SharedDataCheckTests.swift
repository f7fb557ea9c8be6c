import Foundation
import ShowroomCore
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// The shared data is read against its schema when the workspace loads: every wrong value is an error at its
/// line with a fix, placeholders and missing translations are warnings.
@Suite struct SharedDataCheckTests {
    /// The diagnostics of the fixture workspace after `files` (path → text) are written into it.
    static func diagnostics(_ files: [String: String]) throws -> [Diagnostic] {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        for (path, text) in files { try workspace.write(path, text) }
        return Workspace.load(root: workspace.root).1
    }

    static func error(_ text: String, in files: [String: String]) throws -> Diagnostic {
        try #require(try diagnostics(files).errors.first { $0.message.contains(text) })
    }

    static let cities = "- city: Shanghai\n  province: Shanghai\n- city: Beijing\n  province: Beijing\n"

    @Test func thePricesOfTheExampleFleetAndEveryOtherValueFollowTheSchema() throws {
        let (_, diagnostics) = Workspace.load(root: ExampleFleet.repository)
        #expect(diagnostics.filter { $0.location?.file.hasPrefix("shared/") ?? false } == [])
    }

    @Test func aPriceWithThousandsSeparatorsAndACurrencyIsAnErrorThatSaysWhatToWrite() throws {
        let error = try Self.error("`fromPrice` must be a number", in: [
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  fromPrice: 189,800 CNY\n  brand: lumen\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 3, column: 14))
        #expect(error.message.contains("found `189,800 CNY`"))
        #expect(error.hint?.hasPrefix("write 189800") == true)
    }

    @Test func aModelWithoutABrandIsAnErrorAtTheModel() throws {
        let error = try Self.error("has no `brand`", in: ["shared/data/models.yaml": "- id: aurora\n  name: Aurora\n"])
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 1, column: 3))
        #expect(error.message.contains("model `aurora`"))
    }

    @Test func aModelsBrandMustBeOneOfTheBrands() throws {
        let error = try Self.error("has no record with id `lumens`", in: [
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  brand: lumens\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 3, column: 10))
        #expect(error.hint?.contains("did you mean `lumen`?") == true)
    }

    @Test func aDealersCityMustBeOneOfTheCities() throws {
        let error = try Self.error("shared/data/cities.yaml has no record with city `Shenzen`", in: [
            "shared/data/cities.yaml": Self.cities,
            "shared/data/dealers.yaml": "- id: lumen-sz\n  name: Lumen Shenzhen\n  brand: lumen\n  city: Shenzen\n  province: Guangdong\n  phone: 0755-1\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/dealers.yaml", line: 4, column: 9))
    }

    @Test func aDealersCityWrittenAsAnotherNameOfACitySaysWhichCityToWrite() throws {
        let error = try Self.error("no record with city `Peking`", in: [
            "shared/data/cities.yaml": "- city: Beijing\n  province: Beijing\n  names: [北京, Peking]\n",
            "shared/data/dealers.yaml": "- id: lumen-bj\n  name: Lumen Beijing\n  brand: lumen\n  city: Peking\n  province: Beijing\n  phone: 010-1\n",
        ])
        #expect(error.hint?.hasPrefix("write `city: Beijing` (`Peking` is one of its `names`)") == true)
    }

    @Test func aPaintColourThatIsNotAColourIsAnError() throws {
        let error = try Self.error("`hex` must be a colour", in: [
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  brand: lumen\n  colours:\n  - name: Red\n    hex: '#zz0000'\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 6, column: 10))
    }

    @Test func aPresaleStartThatIsNotADateIsAnError() throws {
        let error = try Self.error("`start` must be a date", in: [
            "shared/data/presale.yaml": "title: Night presale\nmodel: aurora\nstart: 12 December, 22:00\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/presale.yaml", line: 3, column: 8))
    }

    @Test func thePresalesTrimMustBeATrimOfItsModel() throws {
        let error = try Self.error("has no trim with id `night`", in: [
            "shared/data/presale.yaml": "title: Night presale\nmodel: aurora\ntrim: night\nstart: 2026-12-12\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/presale.yaml", line: 3, column: 7))
    }

    @Test func anAssetMissingFromTheCatalogueIsAnErrorWithTheNearestId() throws {
        let error = try Self.error("no asset `aurora-heros`", in: [
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  brand: lumen\n  hero: asset:aurora-heros\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 4, column: 9))
        #expect(error.hint?.contains("did you mean `asset:aurora-hero`?") == true)
    }

    @Test func anAssetWrittenWithoutAssetColonIsAnErrorThatAddsIt() throws {
        let error = try Self.error("must be an asset written `asset:<id>`", in: [
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  brand: lumen\n  hero: aurora-hero\n",
        ])
        #expect(error.hint == "write `hero: asset:aurora-hero`")
    }

    @Test func twoModelsWithOneIdAreAnErrorAtTheSecond() throws {
        let error = try Self.error("a second model with id `aurora`", in: [
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  brand: lumen\n- id: aurora\n  name: Aurora 2\n  brand: lumen\n",
        ])
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 4, column: 7))
    }

    @Test func aKeyOneLetterAwayFromAKnownKeyIsAWarning() throws {
        let warning = try #require(try Self.diagnostics([
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  brand: lumen\n  fromPirce: 189800\n",
        ]).warnings.first { $0.message.contains("`fromPirce`") })
        #expect(warning.message.contains("did you mean `fromPrice`?"))
    }

    @Test func aValueStillHoldingAPlaceholderIsAWarningAtItsLine() throws {
        let models = try YAMLNode.parse("- id: orbit\n  name: Lumen Orbit\n  tagline: FILL IN the tagline\n", file: "shared/data/models.yaml")
        let warnings = SharedDataCheck.placeholders(in: ["models": models])
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location == SourceLocation(file: "shared/data/models.yaml", line: 3, column: 12))
        #expect(warnings.first?.message == "`tagline` of model `orbit` in shared/data/models.yaml still has a placeholder: `FILL IN the tagline`")
        #expect(warnings.first?.hint?.hasPrefix("replace it with") == true)
    }

    @Test func aPlaceholderInATrimNamesTheModelAndTheTrim() throws {
        let models = try YAMLNode.parse("- id: orbit\n  trims:\n  - id: comfort\n    power: FILL IN the power\n", file: "shared/data/models.yaml")
        #expect(SharedDataCheck.placeholders(in: ["models": models]).first?.message
            == "`power` of model `orbit` › `comfort` in shared/data/models.yaml still has a placeholder: `FILL IN the power`")
    }

    @Test func aPlaceholderIsReportedWhenTheWorkspaceLoads() throws {
        let diagnostics = try Self.diagnostics([
            "shared/data/models.yaml": "- id: aurora\n  name: Aurora\n  brand: lumen\n  tagline: FILL IN the tagline\n",
        ])
        #expect(diagnostics.warnings.contains { $0.message.contains("still has a placeholder") })
        #expect(!diagnostics.hasErrors)
    }

    @Test func aStringMissingFromTheTranslationOfASitesLocaleIsAWarning() throws {
        let diagnostics = try Self.diagnostics(["shared/i18n/en.yaml": "readMore: Read more\nbookTestDrive: Book a test drive\n"])
        let warning = try #require(diagnostics.first { $0.message.contains("`bookTestDrive` has no zh-CN translation") })
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "shared/i18n/zh-CN.yaml", line: 1, column: 1))
        #expect(warning.message.contains("the site aurora"))
    }

    @Test func aStringMissingFromALocaleNoSiteUsesIsNotReported() throws {
        let diagnostics = try Self.diagnostics([
            "shared/i18n/en.yaml": "readMore: Read more\nbookTestDrive: Book a test drive\n",
            "sites/aurora/site.yaml": try Fixture.text("basic/sites/aurora/site.yaml").replacingOccurrences(of: "locale: zh-CN", with: "locale: en"),
        ])
        #expect(!diagnostics.contains { $0.message.contains("translation") })
    }
}
