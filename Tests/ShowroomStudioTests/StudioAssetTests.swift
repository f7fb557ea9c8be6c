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
}
