import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomWorkspace

/// `showroom new model <id> --brand B --like M`: a model added to the shared data from a similar one, with its line-up
/// card and spec pages, and with `--site` its product site.
struct NewModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Add a model to shared/data/models.yaml from a similar one, with its line-up card and spec pages.",
        discussion: """
            Copies the --like model's block in shared/data/models.yaml (comments and order stay) and its pages in \
            shared/content/lineup/ and shared/content/models/, with the new id, name and brand. Every value that \
            belongs to one model is marked FILL IN; `showroom check` lists them. With --site, creates the model's \
            product site too (sites/<id>/, or the id given after --site). Nothing is written when any argument is \
            wrong. See docs/fleet.md, "Adding a model".
            """
    )

    @Argument(help: "The model id: lowercase letters, digits and dashes (it names the spec pages and the site).")
    var id: String

    @Option(help: "The brand that sells it: an id in shared/data/brands.yaml.")
    var brand: String

    @Option(help: "The existing model to copy: an id in shared/data/models.yaml.")
    var like: String

    @Option(help: "The model's name without the brand, e.g. \"Orbit\" (default: made from the id).")
    var name: String?

    @Option(name: .customLong("site"), defaultAsFlag: "",
            help: ArgumentHelp("Also create the model's product site: sites/<id>/, or the site id given.", valueName: "site-id"))
    var site: String?

    @Option(help: "The workspace folder (the one with sites/, templates/, shared/, assets/).")
    var workspace: String = "."

    func run() throws {
        let request = ModelScaffoldRequest(id: id, brand: brand, like: like, name: name, site: site)
        switch ModelScaffold.create(request, in: URL(fileURLWithPath: workspace)) {
        case .success(let result):
            print("Added the model `\(id)`, copied from `\(like)`:")
            for file in result.files { print("  \(file)") }
            print("Next: run `showroom check` to list every value marked FILL IN, and fill each one in.")
            if let site = result.site {
                print("Then build the site with: showroom build --site \(site.lastPathComponent)")
            } else {
                print("Then create its site with: showroom new site \(id) --kind product --model \(id)")
            }
        case .failure(let failure):
            for diagnostic in failure.diagnostics { print(diagnostic) }
            print("Nothing was written.")
            throw ExitCode.failure
        }
    }
}
