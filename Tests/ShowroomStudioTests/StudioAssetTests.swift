import Foundation
import ShowroomTestSupport
import Testing

/// Uploads into the asset library and the library screen, over real HTTP on loopback, against a copy of the
/// example fleet's Vega product site.
@Suite("showroom studio: asset library", .serialized)
struct StudioAssetTests {
    private let fleet = ["vega"]

    /// The smallest PNG there is: one transparent pixel.
    private static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// The upload form's fields for a new photo `id`.
    private func record(_ id: String, cost: String = "250000") -> [(String, String)] {
        [("id", id), ("title", "Vega at the harbour"), ("kind", "photo"), ("cost", cost), ("currency", "CNY"),
         ("owner", "Northlight Studio"), ("licenceExpiry", "2031-06-30"), ("altEn", "A Vega at the harbour at dusk"), ("altZh", "")]
    }

    /// A multipart POST of the upload form, as the browser sends it, with `file` named `name`.
    private func upload(_ browser: StudioStage.Browser, _ stage: StudioStage, fields: [(String, String)], file: [UInt8], name: String,
                        csrf: Bool = true) async throws -> Loopback.Response {
        let boundary = "----studio-test-boundary"
        var body = Data()
        for (key, value) in fields + (csrf ? [("csrf", browser.csrf)] : []) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: image/png\r\n\r\n".utf8))
        body.append(Data(file))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await Loopback.send("POST", port: stage.port, path: "/_studio/assets/add", headers: [
            ("Host", stage.authority), ("Cookie", browser.cookies), ("Origin", "http://\(stage.authority)"),
            ("Content-Type", "multipart/form-data; boundary=\(boundary)"),
        ], body: body)
    }

    @Test func theLibraryListsEveryAssetWithItsKindItsUsesAndWhetherItIsNeverUsed() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let page = try await StudioStage.Browser(stage).get("/_studio/assets")
            #expect(page.status == 200)
            #expect(page.body.contains("<tr id=\"asset-vega-hero\">"))
            #expect(page.body.contains("/_studio/assets/file?id=vega-hero"))
            #expect(page.body.contains("vega</td>"))
            #expect(page.body.contains("never used"))
            #expect(page.body.contains("Downloads are not shown: the collector"))
            #expect(page.body.contains("there is no store at .showroom/collector.sqlite"))
        }
    }

    @Test func anUploadedPhotoIsAddedToTheLibraryThroughAssetsAdd() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/assets")
            let added = try await upload(browser, stage, fields: record("vega-harbour"), file: Self.png, name: "../../evil name.png")
            #expect(added.status == 200)
            #expect(added.body.contains("asset:vega-harbour"))
            let file = stage.workspace.root.appendingPathComponent("assets/files/photos/vega-harbour.png")
            #expect(try Data(contentsOf: file) == Data(Self.png))
            #expect(try stage.workspace.read("assets/catalog.yaml").contains("vega-harbour:"))
        }
    }

    @Test func aFileThatIsNotOfAnAcceptedTypeIsRefusedAndNothingIsWritten() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/assets")
            let catalog = try stage.workspace.read("assets/catalog.yaml")
            let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)
            let refusedSVG = try await upload(browser, stage, fields: record("vega-drawing"), file: svg, name: "drawing.png")
            #expect(refusedSVG.status == 415)
            #expect(refusedSVG.body.contains("SVG drawings are not taken"))
            let refusedText = try await upload(browser, stage, fields: record("vega-text"), file: Array("just text".utf8), name: "photo.jpg")
            #expect(refusedText.status == 415)
            #expect(try stage.workspace.read("assets/catalog.yaml") == catalog)
            #expect(!FileManager.default.fileExists(atPath: stage.workspace.root.appendingPathComponent("assets/files/photos/vega-drawing.png").path))
        }
    }

    @Test func anUploadWithAFieldTheEngineRefusesWritesNothingAndSaysWhy() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/assets")
            let catalog = try stage.workspace.read("assets/catalog.yaml")
            let refused = try await upload(browser, stage, fields: record("vega-harbour", cost: "250,000"), file: Self.png, name: "a.png")
            #expect(refused.status == 422)
            #expect(refused.body.contains("`--cost` must be a number, found `250,000`"))
            #expect(try stage.workspace.read("assets/catalog.yaml") == catalog)
            #expect(!FileManager.default.fileExists(atPath: stage.workspace.root.appendingPathComponent("assets/files/photos/vega-harbour.png").path))
        }
    }

    @Test func anUploadWithoutTheCSRFTokenOrOverTheSizeLimitIsRefused() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/assets")
            let catalog = try stage.workspace.read("assets/catalog.yaml")
            #expect(try await upload(browser, stage, fields: record("vega-forged"), file: Self.png, name: "a.png", csrf: false).status == 403)
            let huge = Self.png + [UInt8](repeating: 0, count: 51 * 1024 * 1024)
            #expect(try await upload(browser, stage, fields: record("vega-huge"), file: huge, name: "a.png").status == 413)
            #expect(try stage.workspace.read("assets/catalog.yaml") == catalog)
        }
    }

    @Test func anUploadWithItsModelTagsAndDownloadBoxIsFiledUnderTheModel() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let form = try await browser.get("/_studio/assets")
            #expect(form.body.contains("<select id=\"a-model\" name=\"model\">"))
            let fields = record("vega-harbour") + [("model", "vega"), ("tags", "harbour, dusk"), ("downloadable", "true")]
            let added = try await upload(browser, stage, fields: fields, file: Self.png, name: "a.png")
            #expect(added.status == 200)
            #expect(FileManager.default.fileExists(atPath: stage.workspace.root.appendingPathComponent("assets/files/models/vega/vega-harbour.png").path))
            let catalog = try stage.workspace.read("assets/catalog.yaml")
            let record = try #require(catalog.range(of: "vega-harbour:\n")).upperBound
            let block = String(catalog[record...].prefix { _ in true }.split(separator: "\n").prefix { $0.hasPrefix("  ") }.joined(separator: "\n"))
            #expect(block.contains("  model: vega"))
            #expect(block.contains("  tags:\n  - harbour\n  - dusk"))
            #expect(block.contains("  downloadable: true"))
        }
    }

    /// The ids of the assets the library screen at `path` lists.
    private func listed(_ browser: StudioStage.Browser, _ path: String) async throws -> [String] {
        let page = try await browser.get(path)
        #expect(page.status == 200)
        return page.body.matches(of: /<tr id="asset-([a-z0-9-]+)">/).map { String($0.1) }
    }

    @Test func theLibraryFiltersByKindAndByModel() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let logos = try await listed(browser, "/_studio/assets?kind=logo")
            #expect(logos.contains("meridian-logo"))
            #expect(!logos.contains("vega-hero"))
            let vega = try await listed(browser, "/_studio/assets?kind=&model=vega")
            #expect(vega.contains("vega-hero"))
            #expect(!vega.contains("atlas-hero"))
            #expect(!vega.contains("meridian-logo"))
        }
    }

    @Test func theLibraryShowsTheAssetsWhoseLicenceEndsWithinNinetyDays() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let soon = Calendar.current.date(byAdding: .day, value: 10, to: Date())!
            let day = soon.formatted(.iso8601.year().month().day())
            let catalog = try stage.workspace.read("assets/catalog.yaml")
            let hero = try #require(catalog.range(of: "vega-hero:\n"))
            let expiry = try #require(catalog.range(of: "  licenceExpiry: '2029-06-30'", range: hero.upperBound..<catalog.endIndex))
            try Data(catalog.replacingCharacters(in: expiry, with: "  licenceExpiry: '\(day)'").utf8)
                .write(to: stage.workspace.root.appendingPathComponent("assets/catalog.yaml"))
            let browser = StudioStage.Browser(stage)
            #expect(try await listed(browser, "/_studio/assets?licence=soon") == ["vega-hero"])
        }
    }

    @Test func theLibraryShowsOnlyTheNeverUsedAssetsWhenAsked() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let all = try await listed(browser, "/_studio/assets")
            let unused = try await listed(browser, "/_studio/assets?unused=1")
            #expect(!unused.isEmpty)
            #expect(!unused.contains("vega-hero"))
            #expect(unused.count < all.count)
        }
    }

    @Test func aPhotoUsedOnOnePageIsSaidToBeUsedOnOnePage() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let photo = try #require(try await listed(browser, "/_studio/assets?kind=photo&unused=1").first)
            let page = "sites/vega/content/_index.md"
            let editor = try await browser.get("/_studio/edit?site=vega&file=\(page)")
            let version = try #require(StudioStage.Browser.version(in: editor.body))
            let text = try stage.workspace.read(page) + "\n![A photo](asset:\(photo))\n"
            #expect(try await browser.post("/_studio/save", [("site", "vega"), ("file", page), ("version", version), ("text", text)]).status == 303)
            let counted = await Loopback.poll("http://localhost:\(stage.port)/_studio/assets?kind=photo", timeout: .seconds(120)) { response in
                guard let row = response.body.range(of: "<tr id=\"asset-\(photo)\">") else { return false }
                return response.body[row.upperBound...].prefix { $0 != "\n" }.contains("<td>1 page: vega</td>")
            }
            #expect(counted != nil, "the library counts the new use once the site is rebuilt")
        }
    }
}
