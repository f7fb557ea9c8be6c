// swift-tools-version:6.0
// Showroom: a multi-site template CMS and static site generator for a car group's fleet of sites.
import PackageDescription

let package = Package(
    name: "Showroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "showroom", targets: ["Showroom"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // System libraries from Debian's packages (scripts/setup installs them).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libvips' headers are in the default include path and need only GLib's; `pkg-config vips` would also pass
        // OpenEXR's `-pthread`, which SwiftPM refuses with a warning on every build, so GLib's flags are asked for
        // and the module map links libvips itself.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "gobject-2.0",
            providers: [.apt(["libvips-dev"])]
        ),

        // The engine, one target per pipeline stage; dependencies only point down.
        .target(name: "CShowroomSupport"),
        .target(name: "ShowroomCore", dependencies: ["CShowroomSupport"]),
        .target(
            name: "ShowroomWorkspace",
            dependencies: ["ShowroomCore", .product(name: "Yams", package: "Yams"), .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // cmark-gfm's allocations come from per-thread arenas released once per document.
        .target(name: "CMarkdownArena"),
        .target(name: "ShowroomMarkdown", dependencies: ["ShowroomCore", "CCmarkGFM", "CMarkdownArena"]),
        .target(
            name: "ShowroomTemplates",
            dependencies: ["ShowroomCore", "ShowroomWorkspace"]
        ),
        .target(name: "ShowroomHTML", dependencies: ["ShowroomCore", "CLibXML2"]),
        .target(name: "ShowroomImages", dependencies: ["ShowroomCore", "CVips"]),
        .target(
            name: "ShowroomSite",
            dependencies: [
                "ShowroomCore", "ShowroomWorkspace", "ShowroomMarkdown", "ShowroomTemplates", "ShowroomHTML", "ShowroomImages",
            ],
            resources: [.copy("Resources")]
        ),

        // Where events, downloads and leads are kept: one Store protocol, SQLite and PostgreSQL behind it, group commit.
        .target(
            name: "ShowroomStorage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The collection service: tracking events, bookings, counted downloads.
        .target(
            name: "ShowroomCollector",
            dependencies: [
                "ShowroomCore", "ShowroomWorkspace", "ShowroomStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),

        // Preview, check and affected sites (serve, check, affected), and atomic releases (publish).
        .target(
            name: "ShowroomPreview",
            dependencies: [
                "ShowroomCore", "ShowroomWorkspace", "ShowroomSite", "ShowroomHTML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "ShowroomPublish", dependencies: ["ShowroomCore"]),

        // The content editor in the browser (studio): the fleet, the page editor with the engine's live preview, git.
        .target(
            name: "ShowroomStudio",
            dependencies: [
                "ShowroomCore", "ShowroomWorkspace", "ShowroomSite", "ShowroomPreview", "ShowroomReports", "ShowroomStorage",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            // The asset library links the store, whose SQL library makes string literals expressions; a file sees
            // only the members of the modules it imports, so the screens' HTML stays text.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),

        // Reports for marketing: which assets pay off, when each site's audience is active; access-log ingestion.
        .target(
            name: "ShowroomReports",
            dependencies: [
                "ShowroomCore", "ShowroomWorkspace", "ShowroomStorage",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The `showroom` command: parses arguments and calls one engine function per command.
        .executableTarget(
            name: "Showroom",
            dependencies: [
                "ShowroomCore", "ShowroomWorkspace", "ShowroomSite", "ShowroomStorage", "ShowroomCollector", "ShowroomPreview",
                "ShowroomPublish", "ShowroomReports", "ShowroomStudio",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Counts the template engine's cost per page under valgrind (docs/benchmarks.md).
        .executableTarget(name: "TemplateCost", dependencies: ["ShowroomTemplates", "ShowroomWorkspace"], path: "Benchmarks/TemplateCost"),

        // What the test targets share: the fixture workspaces, a loopback HTTP client, temporary folders.
        .target(
            name: "ShowroomTestSupport",
            dependencies: ["ShowroomCore", "ShowroomSite", "ShowroomImages", "CVips"],
            path: "Tests/ShowroomTestSupport",
            resources: [.copy("Fixtures")]
        ),

        // One test target per module, named after it.
        .testTarget(name: "ShowroomCoreTests", dependencies: ["ShowroomCore", "ShowroomTestSupport"]),
        .testTarget(name: "ShowroomWorkspaceTests", dependencies: ["ShowroomWorkspace", "ShowroomCore", "ShowroomTestSupport"]),
        .testTarget(name: "ShowroomMarkdownTests", dependencies: ["ShowroomMarkdown", "CMarkdownArena"]),
        .testTarget(name: "ShowroomHTMLTests", dependencies: ["ShowroomHTML"]),
        .testTarget(name: "ShowroomImagesTests", dependencies: ["ShowroomImages", "ShowroomTestSupport"]),
        .testTarget(name: "ShowroomTemplatesTests", dependencies: ["ShowroomTemplates", "ShowroomCore", "ShowroomWorkspace"]),
        .testTarget(
            name: "ShowroomSiteTests",
            dependencies: ["ShowroomSite", "ShowroomWorkspace", "ShowroomHTML", "ShowroomPreview", "ShowroomTestSupport"]
        ),
        .testTarget(
            name: "ShowroomCollectorTests",
            dependencies: [
                "ShowroomCollector", "ShowroomStorage", "ShowroomTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ShowroomPreviewTests",
            dependencies: ["ShowroomPreview", "ShowroomSite", "ShowroomCore", "ShowroomTestSupport"]
        ),
        .testTarget(name: "ShowroomPublishTests", dependencies: ["ShowroomPublish", "ShowroomTestSupport"]),
        .testTarget(name: "ShowroomStudioTests", dependencies: ["ShowroomStudio", "ShowroomSite", "ShowroomCore", "ShowroomTestSupport"]),
        .testTarget(
            name: "ShowroomReportsTests",
            dependencies: ["ShowroomReports", "ShowroomStorage", "ShowroomWorkspace"],
            resources: [.copy("Fixtures")]
        ),
        // The booking form and the studio end to end: a headless Chromium over WebDriver, on loopback.
        .testTarget(
            name: "ShowroomEndToEndTests",
            dependencies: [
                "ShowroomCollector", "ShowroomCore", "ShowroomStorage", "ShowroomSite", "ShowroomStudio", "ShowroomTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

// Fuzz targets for libFuzzer (docs/fuzzing.md, scripts/fuzz.sh): only with SHOWROOM_FUZZ=1, built with
// coverage instrumentation and libFuzzer's driver; an ordinary build does not see them.
if Context.environment["SHOWROOM_FUZZ"] != nil {
    let fuzzTargets: [(name: String, folder: String, dependencies: [Target.Dependency])] = [
        ("FuzzFrontMatter", "FrontMatter", ["ShowroomCore", "ShowroomWorkspace"]),
        ("FuzzHTMLRewriter", "HTMLRewriter", ["ShowroomHTML"]),
        ("FuzzMarkdown", "Markdown", ["ShowroomMarkdown", "ShowroomCore"]),
        ("FuzzEventsPayload", "EventsPayload", ["ShowroomCollector"]),
        ("FuzzBookingForm", "BookingForm", ["ShowroomCollector", "ShowroomCore"]),
        ("FuzzAccessLog", "AccessLog", ["ShowroomReports"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/Support"))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: target.dependencies + ["FuzzSupport"],
                                                 path: "Fuzz/\(target.folder)"))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
