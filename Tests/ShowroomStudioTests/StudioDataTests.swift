import Foundation
import ShowroomTestSupport
import Testing

/// The shared data tables over real HTTP on loopback, against a copy of the example fleet's Vega product site and
/// the Meridian brand site with all of the fleet's shared data.
@Suite("showroom studio: shared data", .serialized)
struct StudioDataTests {
    private let models = "shared/data/models.yaml"
    private let fleet = ["vega", "meridian"]

    /// The form field of the Vega Comfort trim's price (`    price: 119800`), from where it is in the file.
    private func comfortPrice(in text: String) throws -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let number = try #require(lines.firstIndex { $0.hasSuffix("    price: 119800") })
        let column = try #require(lines[number].range(of: "119800")).lowerBound.utf16Offset(in: lines[number]) + 1
        return "cell.\(number + 1).\(column)"
    }

    /// Opens the tables of the models and returns the page, the file's version and the Comfort price's field.
    private func open(_ stage: StudioStage, _ browser: StudioStage.Browser) async throws -> (page: String, version: String, price: String) {
        let page = try await browser.get("/_studio/data/edit?file=\(models)")
        #expect(page.status == 200)
        return (page.body, try #require(StudioStage.Browser.version(in: page.body)), try comfortPrice(in: stage.workspace.read(models)))
    }

    @Test func theModelsAreTablesWithEachPriceANumberCell() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let (page, _, price) = try await open(stage, StudioStage.Browser(stage))
            #expect(page.contains("<caption>models › Meridian Vega › trims</caption>"))
            #expect(page.contains("name=\"\(price)\" value=\"119800\" data-kind=\"integer\" aria-label=\"price, Comfort\" inputmode=\"numeric\""))
            #expect(page.contains("<caption>models</caption>"))
        }
    }

    @Test func aChangedPriceIsWrittenInPlaceAndEveryOtherCharacterOfTheFileStays() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(models)
            let (_, version, price) = try await open(stage, browser)
            let saved = try await browser.post("/_studio/data/save", [("file", models), ("version", version), (price, "123456")])
            #expect(saved.status == 200)
            #expect(saved.body.contains("Saved."))
            #expect(try stage.workspace.read(models) == before.replacingOccurrences(of: "    price: 119800\n", with: "    price: 123456\n"))
            #expect(before.hasPrefix("# Every model the group sells"))
        }
    }

    @Test func aPriceWrittenAsTextIsRefusedAtItsCellAndNothingIsWritten() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(models)
            let (_, version, price) = try await open(stage, browser)
            let refused = try await browser.post("/_studio/data/save", [("file", models), ("version", version), (price, "119,800 CNY")])
            #expect(refused.status == 422)
            #expect(refused.body.contains("`price` must be a whole number, found `119,800 CNY`"))
            #expect(refused.body.contains("without thousands separators, spaces or a currency sign, e.g. 119800"))
            #expect(refused.body.contains("name=\"\(price)\" value=\"119,800 CNY\""))
            #expect(refused.body.contains("aria-invalid=\"true\""))
            #expect(try stage.workspace.read(models) == before)
        }
    }

    @Test func thePreviewOfAPriceEditNamesThePagesItReachesAndShowsTheNewPrice() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(models)
            let (_, version, price) = try await open(stage, browser)
            let previewed = try await browser.post("/_studio/data/preview", [("file", models), ("version", version), (price, "123456")])
            #expect(previewed.status == 200)
            #expect(previewed.body.contains("<li><strong>vega</strong>"))
            #expect(!previewed.body.contains("<li><strong>meridian</strong>"))
            let frame = try #require(previewed.body.firstMatch(of: /<iframe name="data-preview" id="data-preview" title="Preview" src="([^"]+)"/)).1
            let page = try await browser.get(String(frame))
            #expect(page.body.contains("123,456"))
            #expect(try stage.workspace.read(models) == before)
        }
    }

    @Test func aDataSaveOfAFileChangedOnDiskSinceItWasOpenedIsRefusedWithBothVersions() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version, price) = try await open(stage, browser)
            let theirs = try stage.workspace.read(models).replacingOccurrences(of: "    price: 119800\n", with: "    price: 118800\n")
            try stage.workspace.write(models, theirs)
            let refused = try await browser.post("/_studio/data/save", [("file", models), ("version", version), (price, "123456")])
            #expect(refused.status == 409)
            #expect(refused.body.contains("price: 118800"))
            #expect(try stage.workspace.read(models) == theirs)
        }
    }

    @Test func aDataChangeWithoutTheCSRFTokenOrFromAForeignOriginIsRefused() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(models)
            let (_, version, price) = try await open(stage, browser)
            let fields = [("file", models), ("version", version), (price, "1")]
            #expect(try await browser.post("/_studio/data/save", fields, csrf: .some(nil)).status == 403)
            #expect(try await browser.post("/_studio/data/save", fields, origin: "http://evil.example").status == 403)
            #expect(try await browser.post("/_studio/data/preview", fields, origin: .some(nil)).status == 403)
            #expect(try stage.workspace.read(models) == before)
        }
    }

    @Test func theDataTablesRefuseAFileOutsideTheSharedData() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            #expect(try await browser.get("/_studio/data/edit?file=sites/vega/site.yaml").status == 403)
            #expect(try await browser.get("/_studio/data/edit?file=shared/data/../../showroom.yaml").status == 403)
            let before = try stage.workspace.read("sites/vega/site.yaml")
            _ = try await browser.get("/_studio/data")
            let written = try await browser.post("/_studio/data/save", [("file", "sites/vega/site.yaml"), ("version", ""), ("cell.1.5", "x")])
            #expect(written.status == 403)
            #expect(try stage.workspace.read("sites/vega/site.yaml") == before)
        }
    }

    private let dealers = "shared/data/dealers.yaml"

    /// Opens the dealers' table and returns the page and the file's version.
    private func openDealers(_ browser: StudioStage.Browser) async throws -> (page: String, version: String) {
        let page = try await browser.get("/_studio/data/edit?file=\(dealers)")
        #expect(page.status == 200)
        return (page.body, try #require(StudioStage.Browser.version(in: page.body)))
    }

    @Test func aNewDealerIsACopyOfTheLastOneAddedAfterItWithItsIdMarkedNew() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(dealers)
            let (page, version) = try await openDealers(browser)
            #expect(page.contains("name=\"add\" value=\"0\" id=\"add-0\">Add a row: dealers</button>"))
            let added = try await browser.post("/_studio/data/rows", [("file", dealers), ("version", version), ("add", "0")])
            #expect(added.status == 200)
            #expect(added.body.contains("Row added"))
            let last = try #require(before.range(of: "- id: harbor-ningbo\n"))
            let copy = String(before[last.lowerBound...]).replacingOccurrences(of: "- id: harbor-ningbo\n", with: "- id: harbor-ningbo-new\n")
                .replacingOccurrences(of: "  name: Harbor Motors Ningbo\n", with: "  name: Harbor Motors Ningbo (new)\n")
            #expect(try stage.workspace.read(dealers) == before + copy)
        }
    }

    @Test func aRemovedDealerTakesItsLinesAndEveryOtherLineStays() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(dealers)
            let (page, version) = try await openDealers(browser)
            #expect(page.contains("name=\"remove\" value=\"0.1\" aria-label=\"Remove: Meridian"))
            let removed = try await browser.post("/_studio/data/rows", [("file", dealers), ("version", version), ("remove", "0.1")])
            #expect(removed.status == 200)
            let second = try #require(before.range(of: "- id: meridian-beijing\n"))
            let third = try #require(before.range(of: "- id: meridian-guangzhou\n"))
            #expect(try stage.workspace.read(dealers) == before.replacingCharacters(in: second.lowerBound..<third.lowerBound, with: ""))
        }
    }

    @Test func aRowIsNotAddedWhileAValueOfTheTableIsChangedOrWhenTheFileChangedOnDisk() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(dealers)
            let (_, version) = try await openDealers(browser)
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            let city = try #require(lines.firstIndex { $0 == "  city: Shanghai" })
            let refused = try await browser.post("/_studio/data/rows", [("file", dealers), ("version", version), ("add", "0"),
                                                                        ("cell.\(city + 1).9", "Suzhou")])
            #expect(refused.status == 422)
            #expect(refused.body.contains("save or undo the values you changed first"))
            #expect(try stage.workspace.read(dealers) == before)
            try Data((before + "# edited elsewhere\n").utf8).write(to: stage.workspace.root.appendingPathComponent(dealers))
            let stale = try await browser.post("/_studio/data/rows", [("file", dealers), ("version", version), ("add", "0")])
            #expect(stale.status == 409)
            #expect(try stage.workspace.read(dealers) == before + "# edited elsewhere\n")
        }
    }

    @Test func aRowChangeWithoutTheCSRFTokenOrFromAForeignOriginIsRefused() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(dealers)
            let (_, version) = try await openDealers(browser)
            let fields = [("file", dealers), ("version", version), ("remove", "0.0")]
            #expect(try await browser.post("/_studio/data/rows", fields, csrf: .some(nil)).status == 403)
            #expect(try await browser.post("/_studio/data/rows", fields, origin: "http://evil.example").status == 403)
            #expect(try stage.workspace.read(dealers) == before)
        }
    }

    @Test func aCitysOtherNamesAreOneCellAndAChangedListIsWrittenInPlace() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let cities = "shared/data/cities.yaml"
            let before = try stage.workspace.read(cities)
            let page = try await browser.get("/_studio/data/edit?file=\(cities)")
            let version = try #require(StudioStage.Browser.version(in: page.body))
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.firstIndex { $0.hasSuffix("names: [北京, 北京市, Peking]") })
            let field = "cell.\(line + 1).\(try #require(lines[line].firstIndex(of: "[")).utf16Offset(in: lines[line]) + 1)"
            #expect(page.body.contains("name=\"\(field)\" value=\"北京, 北京市, Peking\" data-kind=\"list\""))
            let saved = try await browser.post("/_studio/data/save", [("file", cities), ("version", version), (field, "北京, 北京市, Peking, Beijing")])
            #expect(saved.status == 200)
            #expect(try stage.workspace.read(cities) == before.replacingOccurrences(of: "[北京, 北京市, Peking]", with: "[北京, 北京市, Peking, Beijing]"))
        }
    }
}
