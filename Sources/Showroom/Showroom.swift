import ArgumentParser
import ShowroomCore

/// `showroom`: build, check, preview and publish the fleet's sites, and run the collection service.
@main
struct Showroom: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showroom",
        abstract: "Build, preview and publish every site of the fleet from one workspace.",
        version: "showroom \(ShowroomVersion.current)",
        subcommands: [
            BuildCommand.self, ServeCommand.self, StudioCommand.self, CheckCommand.self, AffectedCommand.self, PublishCommand.self,
            NewCommand.self, CollectorCommand.self, LeadsCommand.self, AssetsCommand.self, ReportCommand.self,
        ]
    )
}
