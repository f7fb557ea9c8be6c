import Foundation
@testable import ShowroomCollector
@testable import ShowroomStorage

/// A tiny workspace in a temporary folder: two sites and a built asset manifest, as the collector reads them.
struct TestWorkspace {
    let root: URL
    var publicFolder: URL { root.appendingPathComponent("public") }
    var databasePath: String { root.appendingPathComponent(".showroom/collector.sqlite").path }

    static let sites: [(id: String, baseURL: String)] = [
        ("aurora-ev", "https://aurora.lumen-motors.example/"),
        ("lumen", "https://www.lumen-motors.example:8443/"),
    ]

    /// The manifest the build would write: `aurora-hero` on both sites, `aurora-brochure` on aurora-ev only.
    static let manifest = """
        {"assets": {
          "aurora-hero": {"file": "aurora-hero.3f2a9c1b.jpg", "sites": {
            "aurora-ev": "https://aurora.lumen-motors.example/assets/aurora-hero.3f2a9c1b.jpg",
            "lumen": "https://www.lumen-motors.example:8443/assets/aurora-hero.3f2a9c1b.jpg"}},
          "aurora-brochure": {"file": "aurora-brochure.77aa01fe.pdf", "sites": {
            "aurora-ev": "https://aurora.lumen-motors.example/assets/aurora-brochure.77aa01fe.pdf"}}
        }}
        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-collector-\(UUID().uuidString)")
        for (id, baseURL) in Self.sites {
            try write("title: \(id)\nkind: product\nbaseURL: \(baseURL)\n", to: "sites/\(id)/site.yaml")
        }
        try write(Self.manifest, to: "public/.showroom/assets.json")
        for (name, text) in Self.bookingData { try write(text, to: name) }
    }

    /// Two brands' models, their dealers and the cities between them: enough to route a lead every way.
    /// Lumen has dealers in Shanghai (its default), Shenzhen (Guangdong) and Hangzhou (Zhejiang);
    /// Meridian only in Shanghai (its default) and Beijing.
    static let bookingData = [
        ("shared/data/models.yaml", """
            - {id: aurora, name: Lumen Aurora, brand: lumen}
            - {id: vega, name: Meridian Vega, brand: meridian}
            """),
        ("shared/data/dealers.yaml", """
            - {id: lumen-shanghai, name: Lumen Space Shanghai, brand: lumen, city: Shanghai, province: Shanghai, phone: 021-61008104, brandDefault: true}
            - {id: lumen-shenzhen, name: Lumen Space Shenzhen, brand: lumen, city: Shenzhen, province: Guangdong, phone: 0755-61010130}
            - {id: lumen-hangzhou, name: Lumen Space Hangzhou, brand: lumen, city: Hangzhou, province: Zhejiang, phone: 0571-61011143}
            - {id: meridian-shanghai, name: Meridian Shanghai, brand: meridian, city: Shanghai, province: Shanghai, phone: 021-61001013, brandDefault: true}
            - {id: meridian-beijing, name: Meridian Beijing, brand: meridian, city: Beijing, province: Beijing, phone: 010-61002026}
            """),
        ("shared/data/cities.yaml", """
            - {city: Shanghai, province: Shanghai, names: [上海]}
            - {city: Shenzhen, province: Guangdong}
            - {city: Guangzhou, province: Guangdong, names: [广州, Canton]}
            - {city: Hangzhou, province: Zhejiang, names: [杭州, 杭州市]}
            - {city: Ningbo, province: Zhejiang}
            - {city: Wuhan, province: Hubei}
            """),
        ("shared/i18n/en.yaml", """
            bookingThanksTitle: Thank you
            bookingThanksText: "Your request has reached the authorised dealer who will call you:"
            bookingPhoneError: Please enter an 11-digit mainland mobile number.
            bookingBack: Back to the site
            """),
    ]

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `body` with this workspace and removes it afterwards.
    static func with<Result>(_ body: (TestWorkspace) async throws -> Result) async throws -> Result {
        let workspace = try TestWorkspace()
        defer { workspace.remove() }
        return try await body(workspace)
    }
}
