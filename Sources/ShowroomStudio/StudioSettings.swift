import Foundation

/// The user's settings the studio keeps between runs, in `.showroom/studio/settings.json`: the name and e-mail
/// address git records with each save to the repository.
struct StudioSettings: Codable, Sendable, Equatable {
    var name = ""
    var email = ""

    /// The settings in `folder`; empty ones when there are none yet (or the file is not readable).
    static func load(from folder: URL) -> StudioSettings {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("settings.json")),
              let settings = try? JSONDecoder().decode(StudioSettings.self, from: data) else { return StudioSettings() }
        return settings
    }

    /// Writes the settings into `folder`, replacing the file whole.
    func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: folder.appendingPathComponent("settings.json"), options: .atomic)
    }
}
