import Foundation
import ShowroomTestSupport
import Testing
@testable import ShowroomStorage

/// `showroom leads export` as a marketer runs it: the built command over a real SQLite store in a small workspace.
@Suite("showroom leads export command")
struct LeadsExportCommandTests {
    /// A workspace whose store holds a lead from yesterday and one from ten days ago.
    static func withStoredLeads(_ body: (TestWorkspace) async throws -> Void) async throws {
        try await TestWorkspace.with { workspace in
            let store = try SQLiteStore(path: workspace.databasePath)
            try await store.migrate()
            for (name, daysAgo) in [("王小明", 1.0), ("Old Lead", 10)] {
                let lead = Lead(site: "aurora-ev", page: "/", name: name, phone: "1381234567\(Int(daysAgo) % 10)", model: "aurora",
                                city: "Hangzhou", dealer: "lumen-hangzhou", visitor: nil, consentVersion: "2026-03",
                                createdAt: Date().addingTimeInterval(-daysAgo * 86_400))
                _ = try await store.record(lead, dedupeWindow: 0)
            }
            try await store.close()
            try await body(workspace)
        }
    }

    @Test func withoutSinceItExportsTheLastSevenDays() async throws {
        try await Self.withStoredLeads { workspace in
            let run = try ShowroomCommand.run(["leads", "export", "--workspace", workspace.root.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("王小明"))
            #expect(!run.output.contains("Old Lead"))
        }
    }

    @Test func itSaysOnStandardErrorWhichStoreItReadSoStandardOutputStaysTheCSV() async throws {
        try await Self.withStoredLeads { workspace in
            let run = try ShowroomCommand.run(["leads", "export", "--since", "30d", "--workspace", workspace.root.path])
            #expect(run.errors == "Read 2 leads from .showroom/collector.sqlite\n")
            #expect(run.output.hasPrefix("\u{FEFF}id,created_at,"))
        }
    }

    @Test func outputSaysHowManyLeadsItWroteWhereAndFromWhichStore() async throws {
        try await Self.withStoredLeads { workspace in
            let file = workspace.root.appendingPathComponent("leads.csv").path
            let run = try ShowroomCommand.run(["leads", "export", "--since", "30d", "--output", file, "--workspace", workspace.root.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output == "Wrote 2 leads to \(file) (read from .showroom/collector.sqlite)\n")
            let written = try String(contentsOfFile: file, encoding: .utf8)
            #expect(written.contains(",lumen-hangzhou,Lumen Space Hangzhou,0571-61011143,"))
        }
    }

    @Test func aBadSinceNamesTheAcceptedFormsUnderTheCommandsOwnUsageLine() async throws {
        try await Self.withStoredLeads { workspace in
            let run = try ShowroomCommand.run(["leads", "export", "--since", "last week", "--workspace", workspace.root.path])
            #expect(run.status != 0)
            #expect(run.errors.contains("--since must be today, yesterday, 7d, 30d"))
            #expect(run.errors.contains("Usage: showroom leads export"))
        }
    }

    @Test func anUnknownTimeZoneIsAnErrorAtItsLineWithAFixAndNothingIsWritten() async throws {
        try await Self.withStoredLeads { workspace in
            try workspace.write("collector: http://127.0.0.1:8090\ntimezone: Asia/Shanghia\n", to: "showroom.yaml")
            let file = workspace.root.appendingPathComponent("leads.csv")
            let run = try ShowroomCommand.run(["leads", "export", "--output", file.path, "--workspace", workspace.root.path])
            #expect(run.status != 0)
            #expect(run.errors.contains("showroom.yaml:2:11"))
            #expect(run.errors.contains("`timezone` must be the name of a time zone, found `Asia/Shanghia`"))
            #expect(run.errors.contains("did you mean `timezone: Asia/Shanghai`?"))
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }

    @Test func theFleetsTimeZoneDecidesTheTimesWritten() async throws {
        try await Self.withStoredLeads { workspace in
            try workspace.write("timezone: UTC\n", to: "showroom.yaml")
            let run = try ShowroomCommand.run(["leads", "export", "--format", "json", "--workspace", workspace.root.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("Z\""))
            #expect(!run.output.contains("+08:00"))
        }
    }
}
