import Foundation
import ShowroomCore

/// What the preview server knows about each site while it runs: a version that goes up with every rebuild
/// (open tabs wait for it to change, then reload) and the errors of the latest build, shown instead of
/// the page until a rebuild succeeds.
actor PreviewState {
    private struct Site {
        var version = 1
        var errors: [Diagnostic] = []
    }

    private var sites: [String: Site] = [:]
    private var waiters: [UUID: (site: String, continuation: CheckedContinuation<Int, Never>)] = [:]

    func version(of site: String) -> Int { sites[site]?.version ?? 1 }

    func errors(of site: String) -> [Diagnostic] { sites[site]?.errors ?? [] }

    /// Sites whose latest build failed.
    func failingSites() -> [String] { sites.filter { !$0.value.errors.isEmpty }.map(\.key).sorted() }

    /// Records a finished rebuild of `site` and wakes the tabs waiting on it.
    func rebuilt(_ site: String, errors: [Diagnostic]) {
        sites[site, default: Site()].version += 1
        sites[site]?.errors = errors
        let version = sites[site]?.version ?? 1
        for (id, waiter) in waiters where waiter.site == site {
            waiters[id] = nil
            waiter.continuation.resume(returning: version)
        }
    }

    /// Records the first build of `site` (no tab can be waiting yet).
    func built(_ site: String, errors: [Diagnostic]) {
        sites[site, default: Site()].errors = errors
    }

    /// The site's version once it is newer than `known`, or the current one after `timeout` (long polling).
    func wait(for site: String, newerThan known: Int, timeout: Duration) async -> Int {
        let current = version(of: site)
        guard current <= known else { return current }
        let id = UUID()
        Task {
            try? await Task.sleep(for: timeout)
            self.expire(id)
        }
        return await withCheckedContinuation { continuation in
            waiters[id] = (site, continuation)
        }
    }

    private func expire(_ id: UUID) {
        guard let waiter = waiters.removeValue(forKey: id) else { return }
        waiter.continuation.resume(returning: version(of: waiter.site))
    }
}
