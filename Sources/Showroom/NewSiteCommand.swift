import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomWorkspace

/// `showroom new`: creates things from a starting point: sites and models.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site or model from a starting point.",
        subcommands: [NewSiteCommand.self, NewModelCommand.self]
    )
}

/// `showroom new site <id> --kind product --model <model-id>`: a site folder the next build renders as is.
struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create sites/<id>/ with its site.yaml and starter content.",
        discussion: """
            The new site reads the shared data: a product site shows its model's trims, prices and colours \
            and mounts the model's shared spec pages. Nothing is created when any argument is wrong.
            """
    )

    @Argument(help: "The site id: lowercase letters, digits and dashes (it becomes the folder and output name).")
    var id: String

    @Option(help: "brand, product or store.")
    var kind: String

    @Option(help: "The model a product site sells: an id in shared/data/models.yaml.")
    var model: String?

    @Option(help: "The brand: an id in shared/data/brands.yaml (a product site defaults to its model's brand).")
    var brand: String?

    @Option(help: "The site's title (default: the model's or brand's name).")
    var title: String?

    @Option(help: "en or zh-CN.")
    var locale: String = "en"

    @Option(help: "The workspace folder (the one with sites/, templates/, shared/, assets/).")
    var workspace: String = "."

    func run() throws {
        let request = SiteScaffoldRequest(id: id, kind: kind, model: model, brand: brand, title: title, locale: locale)
        switch SiteScaffold.create(request, in: URL(fileURLWithPath: workspace)) {
        case .success(let folder):
            print("Created \(folder.path)")
            print("Build it with: showroom build --site \(id)")
        case .failure(let failure):
            for diagnostic in failure.diagnostics { print(diagnostic) }
            throw ExitCode.failure
        }
    }
}
