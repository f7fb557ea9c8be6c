import Foundation
import ShowroomCore
import ShowroomWorkspace

/// Keeps the build's asset manifest (`AssetManifest`, `<output>/.showroom/assets.json`) current while the service runs: re-reads the file when its modification time or size
/// changes, so a rebuild is picked up without a restart. Checks at most once a second.
package final class AssetManifestFile: Sendable {
    /// Where the manifest is: `<output>/.showroom/assets.json`.
    package let url: URL
    private let state: Locked<State>

    private struct State {
        var manifest = AssetManifest()
        var stamp: FileStamp?
        var checkedAt = Date.distantPast
    }

    private struct FileStamp: Equatable {
        var modified: Date
        var size: Int
    }

    /// Watches the manifest of the build output `publicFolder`; nothing is read before `current()` is asked.
    package init(publicFolder: URL) {
        url = BuildRecordPaths.assetManifest(in: publicFolder)
        state = Locked(State())
    }

    /// The manifest as of the last change on disk (empty while there is none, or while it does not parse).
    package func current(now: Date = Date()) -> AssetManifest {
        state.withLock { state in
            guard now.timeIntervalSince(state.checkedAt) >= 1 else { return state.manifest }
            state.checkedAt = now
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let stamp = attributes.map {
                FileStamp(modified: $0[.modificationDate] as? Date ?? .distantPast, size: ($0[.size] as? NSNumber)?.intValue ?? 0)
            }
            guard stamp != state.stamp else { return state.manifest }
            if let data = try? Data(contentsOf: url), let manifest = try? JSONDecoder().decode(AssetManifest.self, from: data) {
                state.manifest = manifest
                state.stamp = stamp
            } else if stamp == nil {
                state.manifest = AssetManifest()
                state.stamp = nil
            }
            return state.manifest
        }
    }

    /// Forces the next `current()` to look at the file again (after a miss, a rebuild may have added the asset).
    package func expire() {
        state.withLock { $0.checkedAt = .distantPast }
    }
}
