import Foundation
import ShowroomCore

/// Fleet-wide settings: `showroom.yaml` at the workspace root (optional; every value has a default).
public struct FleetConfig: Sendable {
    /// Address of the collection service the tracking snippet and download links talk to.
    public var collector: String
    /// Output folder, relative to the workspace root.
    public var output: String
    /// Days before a licence expiry at which using the asset becomes a warning.
    public var licenceWarningDays: Int
    /// Hosts the `embed` shortcode may show in an iframe (`www.youtube-nocookie.com`); none by default.
    public var embedHosts: [String] = []
    /// Days the collection service keeps raw tracking events (`eventRetentionDays`); older ones are deleted, the
    /// hourly counts the reports read stay. Nil keeps every event.
    public var eventRetentionDays: Int?
    /// The zone lead exports write their times in and read `--since today` in (`timezone:`, an IANA name).
    public var timeZone: TimeZone = FleetConfig.defaultTimeZone

    /// The zone of a workspace that names none: the group's customers and dealers are in mainland China.
    public static let defaultTimeZone = TimeZone(identifier: "Asia/Shanghai")!
    /// Ad networks' click-id parameters (`clickIDs: [gclid, fbclid]`) the snippet reads on landing, like `utm_*`,
    /// and removes from the address bar; none by default.
    public var clickIDs: [String] = []
    /// How photos' web sizes are made (`images:`).
    public var images = ImageSettings.default

    /// The settings of a workspace without `showroom.yaml`.
    public static let `default` = FleetConfig(collector: "http://127.0.0.1:8090", output: "public", licenceWarningDays: 30)

    /// Top-level folders of the workspace that hold its sources: never an output folder.
    static let sourceFolders: Set<String> = ["sites", "shared", "assets", "templates", "docs", "scripts", "Sources", "Tests"]

    /// Reads `showroom.yaml` in the workspace at `root`: the defaults when there is none.
    public static func load(root: URL) -> (FleetConfig, [Diagnostic]) {
        let url = root.appendingPathComponent("showroom.yaml")
        if let target = WorkspaceFiles.targetOutside(url.path, inside: root) {
            return (.default, [WorkspaceFiles.outsideLinkError("showroom.yaml", target: target)])
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return (.default, []) }
        do {
            return read(try YAMLNode.load(url, relativePath: "showroom.yaml"))
        } catch {
            return (.default, [error])
        }
    }

    /// The settings written in `node` (the parsed `showroom.yaml`), defaults for what it leaves out, and every
    /// problem found.
    public static func read(_ node: YAMLNode) -> (FleetConfig, [Diagnostic]) {
        var reader = FieldReader(node, what: "showroom.yaml")
        var config = FleetConfig.default
        if var collector = reader.string("collector", example: "https://collect.example.com") {
            while collector.hasSuffix("/") { collector.removeLast() }
            if let problem = LinkRules.serviceAddressProblem(collector) {
                reader.report(.error(at: node["collector"]?.location, "`collector` is not the address of a web service: \(problem)",
                                     hint: "write the collection service's address, e.g. `collector: https://collect.example.com`"))
            } else {
                config.collector = collector
            }
        }
        if let output = reader.string("output") {
            let segments = output.split(separator: "/").map(String.init)
            if output.hasPrefix("/") || segments.isEmpty || segments.contains(where: { LinkRules.segmentProblem($0) != nil }) {
                reader.report(.error(at: node["output"]?.location, "`output` must be a folder inside the workspace, found `\(output)`",
                                     hint: "write a relative folder name such as `output: public`"))
            } else if let first = segments.first, Self.sourceFolders.contains(first) || segments.contains(where: { $0.hasPrefix(".") }) {
                reader.report(.error(at: node["output"]?.location, "`output` cannot be `\(output)`: the build replaces its output folders, and that folder holds the workspace's own files",
                                     hint: "write a folder of its own, such as `output: public`"))
            } else {
                config.output = output
            }
        }
        if let days = reader.int("licenceWarningDays") { config.licenceWarningDays = days }
        if let days = reader.int("eventRetentionDays") {
            if days >= 1 {
                config.eventRetentionDays = days
            } else {
                reader.report(.error(at: node["eventRetentionDays"]?.location, "`eventRetentionDays` must be at least 1, found \(days)",
                                     hint: "write how many days of raw events to keep, e.g. `eventRetentionDays: 400`, or leave it out to keep them all"))
            }
        }
        if let name = reader.string("timezone", example: "Asia/Shanghai") {
            if let zone = TimeZone(identifier: name) {
                config.timeZone = zone
            } else {
                let suggestion = NameSuggestion.nearest(to: name, among: TimeZone.knownTimeZoneIdentifiers)
                reader.report(.error(at: node["timezone"]?.location, "`timezone` must be the name of a time zone, found `\(name)`",
                                     hint: (suggestion.map { "did you mean `timezone: \($0)`? " } ?? "")
                                         + "write an IANA name such as `timezone: Asia/Shanghai`, `timezone: Europe/Berlin` or `timezone: UTC`"))
            }
        }
        if let hosts = node["embedHosts"] {
            if let items = hosts.items {
                for item in items {
                    let host = item.scalarText?.lowercased() ?? ""
                    if host.isEmpty || host.contains(where: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) {
                        reader.report(.error(at: item.location, "`embedHosts` lists host names, found `\(item.scalarText ?? item.kindName)`",
                                             hint: "write the host alone, without scheme or path: `- www.youtube-nocookie.com`"))
                    } else {
                        config.embedHosts.append(host)
                    }
                }
            } else if !hosts.isNull {
                reader.report(.error(at: hosts.location, "`embedHosts` must be a list of host names, found \(hosts.kindName)",
                                     hint: "write one host a line: `embedHosts: [www.youtube-nocookie.com]`"))
            }
        }
        if let names = node["clickIDs"] {
            if let items = names.items {
                for item in items {
                    let name = item.scalarText ?? ""
                    if name.isEmpty || name.count > 32 || name.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) {
                        reader.report(.error(at: item.location, "`clickIDs` lists address parameters, found `\(item.scalarText ?? item.kindName)`",
                                             hint: "write the parameter's name as the ad network adds it to links, e.g. `- gclid`"))
                    } else {
                        config.clickIDs.append(name)
                    }
                }
            } else if !names.isNull {
                reader.report(.error(at: names.location, "`clickIDs` must be a list of parameter names, found \(names.kindName)",
                                     hint: "write one name a line: `clickIDs: [gclid, fbclid]`"))
            }
        }
        if let images = reader.field("images") {
            let (settings, problems) = ImageSettings.read(images)
            config.images = settings
            for problem in problems { reader.report(problem) }
        }
        return (config, reader.finish(allowing: ["embedHosts", "clickIDs"]))
    }
}
