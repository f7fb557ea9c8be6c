import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomWorkspace

/// `showroom assets add FILE --id … --title … …`: puts a new photo or document into the shared library.
struct AssetsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Copy a file into the asset library and write its record into assets/catalog.yaml.",
        discussion: """
            Every field but --model, the alt texts, --tag and --downloadable is required; all problems are listed at \
            once and nothing is written until there are none. The record goes after the model's other assets (else \
            at the end); the catalogue's comments and order stay as they are. See docs/workspace.md.
            """)

    @Argument(help: "The photo, brochure or other file to add.")
    var file: String

    @Option(help: "The id pages use it by (asset:<id>): lowercase letters, digits, dots and dashes.")
    var id: String?

    @Option(help: "The title reports show.")
    var title: String?

    @Option(help: "photo, brochure, video, logo or other.")
    var kind: String?

    @Option(help: "What it cost, digits only (1000000).")
    var cost: String?

    @Option(help: "The currency of --cost (CNY).")
    var currency: String?

    @Option(help: "Who answers for it: the studio, agency or team.")
    var owner: String?

    @Option(name: .customLong("licence-expiry"), help: "The last day it may be used (YYYY-MM-DD).")
    var licenceExpiry: String?

    @Option(help: "The model it shows (an id in shared/data/models.yaml); its file goes to assets/files/models/<model>/.")
    var model: String?

    @Option(name: .customLong("alt-en"), help: "What the picture shows, in English, for people who cannot see it.")
    var altEnglish: String?

    @Option(name: .customLong("alt-zh"), help: "What the picture shows, in Chinese.")
    var altChinese: String?

    @Option(name: .customLong("tag"), help: "A tag for finding it in reports; repeat for several.")
    var tags: [String] = []

    @Flag(help: "Pages offer it as a counted download (brochures, press photos, wallpapers).")
    var downloadable = false

    @Option(help: "The workspace folder (the one with assets/).")
    var workspace = "."

    func run() throws {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL
        let request = NewAsset(
            source: URL(fileURLWithPath: file).standardizedFileURL, id: id, title: title, kind: kind, cost: cost, currency: currency,
            owner: owner, licenceExpiry: licenceExpiry, model: model,
            alt: ["en": altEnglish, "zh-CN": altChinese].compactMapValues { $0 }, tags: tags, downloadable: downloadable)
        let (added, problems) = AssetCatalog.add(request, workspace: root)
        guard let added else {
            FileHandle.standardError.write(Data(problems.map { "\($0.description)\n" }.joined().utf8))
            FileHandle.standardError.write(Data("Nothing was added.\n".utf8))
            throw ExitCode.failure
        }
        print("Copied \(file) to assets/files/\(added.record.file)")
        print("Added `\(added.record.id)` to assets/catalog.yaml at line \(added.line)")
        let markdown = added.record.kind == .photo || added.record.kind == .logo
            ? "![\(added.record.alt["en"] ?? added.record.title)](\(added.reference))" : "[\(added.record.title)](\(added.reference))"
        print("Use it in Markdown as \(markdown), or as \(added.reference) in front matter and site.yaml")
    }
}
