import Foundation
import ShowroomWorkspace

extension UsageIndex {
    /// Reads the index from a build output folder (`public/`).
    package static func load(publicFolder: URL) throws -> UsageIndex {
        let url = BuildRecordPaths.usageIndex(in: publicFolder)
        guard let data = try? Data(contentsOf: url) else {
            throw ReportError("there is no usage index at \(url.path); run `showroom build` first (or pass --public DIR)")
        }
        do {
            return try JSONDecoder().decode(UsageIndex.self, from: data)
        } catch {
            throw ReportError("\(url.path) is not a usage index (\(error)); run `showroom build` again to rewrite it")
        }
    }
}
