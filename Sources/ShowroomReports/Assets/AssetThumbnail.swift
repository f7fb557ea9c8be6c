import Foundation
import ShowroomWorkspace

/// The pictures the HTML assets report shows beside each image asset, so a marketing lead sees which photo a line is
/// about without opening the library.
///
/// The report is one self-contained file that may be mailed on, so a picture up to `embeddedBytes` is embedded as a
/// `data:` URI (the library's SVGs and web-sized photos). A larger file (a print-resolution shoot) would make the page
/// tens of megabytes: it is shown from the library by its `file:` URL instead, which works on the machine that made
/// the report and leaves an empty frame elsewhere.
enum AssetThumbnail {
    /// The largest file embedded in the page.
    static let embeddedBytes = 256 * 1024

    /// Media types of the image files a browser shows in an `<img>`, by extension.
    static let imageTypes = [
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
        "gif": "image/gif", "avif": "image/avif",
    ]

    /// An `<img>` source for every image asset of `assets` whose file is under `filesFolder`, by asset id.
    static func sources(for assets: some Sequence<Asset>, filesFolder: URL) -> [String: String] {
        var sources: [String: String] = [:]
        for asset in assets {
            let url = filesFolder.appendingPathComponent(asset.file)
            guard let type = imageTypes[url.pathExtension.lowercased()],
                  let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber
            else { continue }
            if size.intValue <= embeddedBytes, let data = try? Data(contentsOf: url) {
                sources[asset.id] = "data:\(type);base64,\(data.base64EncodedString())"
            } else {
                sources[asset.id] = url.absoluteString
            }
        }
        return sources
    }
}
