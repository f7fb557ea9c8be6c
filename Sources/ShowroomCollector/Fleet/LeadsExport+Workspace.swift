import Foundation
import ShowroomCore
import ShowroomStorage
import ShowroomWorkspace

extension LeadsExport.Presentation {
    /// The dealers of `directory` and the zone `timeZone`: what the collector's `GET /leads/export` writes with.
    package init(directory: BookingDirectory, timeZone: TimeZone) {
        let contacts = directory.router.dealers.map { ($0.id, DealerContact(name: $0.name, phone: $0.phone)) }
        self.init(dealers: Dictionary(contacts, uniquingKeysWith: { first, _ in first }), timeZone: timeZone)
    }

    /// What `showroom leads export` writes with: the dealers of `shared/data/dealers.yaml` and the `timezone:` of
    /// `showroom.yaml` in the workspace at `root`, and the problems of those two files (an unknown zone is one).
    /// Reads only those two files, not the whole fleet.
    public static func load(workspace root: URL) -> (LeadsExport.Presentation, [Diagnostic]) {
        let (fleet, diagnostics) = FleetConfig.load(root: root)
        let path = "shared/data/dealers.yaml"
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return (LeadsExport.Presentation(timeZone: fleet.timeZone), diagnostics)
        }
        do {
            let node = try YAMLNode.load(url, relativePath: path)
            let contacts = (node.items ?? []).compactMap { item -> (String, DealerContact)? in
                guard let id = item["id"]?.scalarText, !id.isEmpty else { return nil }
                return (id, DealerContact(name: item["name"]?.scalarText ?? id, phone: item["phone"]?.scalarText ?? ""))
            }
            return (LeadsExport.Presentation(dealers: Dictionary(contacts, uniquingKeysWith: { first, _ in first }),
                                             timeZone: fleet.timeZone), diagnostics)
        } catch {
            return (LeadsExport.Presentation(timeZone: fleet.timeZone), diagnostics + [error])
        }
    }
}
