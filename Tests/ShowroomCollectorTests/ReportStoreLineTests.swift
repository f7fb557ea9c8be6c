import Foundation
import ShowroomTestSupport
import Testing
@testable import ShowroomStorage

/// Every report says which store it read, so a marketer whose test booking "vanished" sees they read another one:
/// on standard error (standard output stays the report), or in the line saying where `--output` wrote it.
@Suite("Reports name their store")
struct ReportStoreLineTests {
    /// Runs `body` with a workspace whose store exists (migrated, empty).
    static func withStore(_ body: (TestWorkspace) async throws -> Void) async throws {
        try await TestWorkspace.with { workspace in
            let store = try SQLiteStore(path: workspace.databasePath)
            try await store.migrate()
            try await store.close()
            try await body(workspace)
        }
    }

    @Test func theActivityReportNamesTheStoreOnStandardError() async throws {
        try await Self.withStore { workspace in
            let run = try ShowroomCommand.run(["report", "activity", "--format", "csv", "--workspace", workspace.root.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.errors == "Read from .showroom/collector.sqlite\n")
            #expect(!run.output.contains("collector.sqlite"))
        }
    }

    @Test func withOutputTheReportSaysWhereItWroteAndWhichStoreItRead() async throws {
        try await Self.withStore { workspace in
            let file = workspace.root.appendingPathComponent("activity.json")
            let run = try ShowroomCommand.run(["report", "activity", "--format", "json", "--output", file.path,
                                               "--workspace", workspace.root.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output == "Wrote \(file.path) (read from .showroom/collector.sqlite)\n")
        }
    }

    @Test func aStoreOutsideTheWorkspaceIsNamedByItsFullPath() async throws {
        try await Self.withStore { workspace in
            let elsewhere = try TemporaryFolder("showroom-store")
            defer { elsewhere.remove() }
            let path = elsewhere.appending("demo.sqlite").path
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            try await store.close()
            let run = try ShowroomCommand.run(["report", "activity", "--database", "sqlite:\(path)", "--workspace", workspace.root.path])
            #expect(run.errors == "Read from \(path)\n")
        }
    }
}
