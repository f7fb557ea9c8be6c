import Foundation
import Hummingbird
import Logging
import ShowroomStorage
import ShowroomWorkspace

extension Collector {
    /// The store `showroom serve` runs the collection service against, relative to the workspace: the default
    /// store of `showroom collector`, `leads export` and the reports, so a test booking made in the preview is
    /// the one the export shows.
    package static let previewStore = ".showroom/collector.sqlite"

    /// The collection service as `showroom serve` runs it beside the preview: on the workspace's `collector`
    /// address (showroom.yaml) when that is on this machine (nil otherwise, with a line in the log), against
    /// the development store, counting downloads of the preview's output, and accepting the preview's
    /// loopback origins. With `bind` beyond loopback (`showroom serve --bind 0.0.0.0`) it listens there too and
    /// accepts pages of the local network, so a phone can try the booking form.
    public static func previewApplication(workspace: URL, output: URL, logger: Logger, bind: String = "127.0.0.1",
                                          log: @Sendable (String) -> Void) throws -> (any ApplicationProtocol)? {
        let collector = FleetConfig.load(root: workspace).0.collector
        guard let address = URLComponents(string: collector), let host = address.host,
              ["127.0.0.1", "localhost", "::1"].contains(host) else {
            log("The collection service address \(collector) is not on this machine; not running it here")
            return nil
        }
        let fleet = try Fleet.load(workspace: workspace)
        let store = try StoreLocation(parsing: "sqlite:\(previewStore)", relativeTo: workspace).open(logger: logger)
        let beyondLoopback = !["127.0.0.1", "localhost", "::1"].contains(bind)
        var settings = CollectorSettings(host: beyondLoopback ? bind : host, port: address.port ?? 80, publicFolder: output,
                                         rateLimitPerMinute: 0, allowsLoopbackOrigins: true)
        settings.allowsLocalNetworkOrigins = beyondLoopback
        log("  \("collector".padding(toLength: 24, withPad: " ", startingAt: 0)) \(collector) (store: \(previewStore))")
        return makeApplication(settings: settings, fleet: fleet, store: store, logger: logger)
    }
}
