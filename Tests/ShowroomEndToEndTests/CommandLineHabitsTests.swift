import Foundation
import ShowroomCore
import ShowroomTestSupport
import Testing

/// The spellings a Hugo user types first work here too, and the binary says which release it is.
@Suite struct CommandLineHabitsTests {
    @Test func versionPrintsTheRelease() throws {
        let run = try ShowroomCommand.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines) == "showroom \(ShowroomVersion.current)")
    }

    @Test func serverIsAnotherNameForServe() throws {
        let run = try ShowroomCommand.run(["server", "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("--bind"))
    }

    @Test func buildDraftsAndDAreAnotherNameForDrafts() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/secret.md", "---\ntitle: Secret\ndraft: true\n---\nSoon.\n")
        for spelling in ["-D", "--buildDrafts"] {
            let run = try ShowroomCommand.run(["build", "--workspace", workspace.root.path, "--site", "lumen", "--quiet", spelling])
            #expect(run.status == 0, "\(spelling): \(run.output)")
            #expect(FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("public/lumen/secret/index.html").path))
            try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("public"))
        }
    }

    @Test func aOneOffBaseURLReplacesTheSitesAddressInTheOutput() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let run = try ShowroomCommand.run(["build", "--workspace", workspace.root.path, "--site", "lumen", "--quiet",
                                           "--baseURL", "https://staging.example.com"])
        #expect(run.status == 0, "\(run.output)")
        let sitemap = try workspace.read("public/lumen/sitemap.xml")
        #expect(sitemap.contains("<loc>https://staging.example.com/about/</loc>"))
        #expect(!sitemap.contains("lumen.example.test"))
    }

    @Test func aBaseURLForSeveralSitesMustNameEachSite() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let refused = try ShowroomCommand.run(["build", "--workspace", workspace.root.path, "--quiet", "--baseURL", "https://staging.example.com/"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("{site}"))
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("public/lumen").path))

        let run = try ShowroomCommand.run(["build", "--workspace", workspace.root.path, "--quiet", "--baseURL", "https://{site}.staging.example.com/"])
        #expect(run.status == 0, "\(run.output)")
        #expect(try workspace.read("public/store/sitemap.xml").contains("https://store.staging.example.com/"))
    }
}
