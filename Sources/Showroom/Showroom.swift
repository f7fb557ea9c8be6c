import ArgumentParser

@main
struct Showroom: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, preview and publish the fleet's sites.")
}
