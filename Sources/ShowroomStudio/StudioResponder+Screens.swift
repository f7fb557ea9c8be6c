import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore

extension StudioResponder {
    /// `GET /_studio/?q=…`: the fleet at a glance, with the title search.
    func fleet(_ visit: Visit) async -> Response {
        let overview = FleetOverview.load(workspace: options.workspace)
        var problems: [String: [Diagnostic]] = [:]
        for site in overview.sites { problems[site.id] = await state.problems(of: site.id) }
        return Self.html(.ok, visit.page.fleet(overview, problems: problems, query: visit.query("q") ?? ""))
    }

    /// `GET /_studio/site?id=…`: one site's pages and its last build's problems.
    func site(_ visit: Visit) async -> Response {
        let overview = FleetOverview.load(workspace: options.workspace)
        guard let site = overview.sites.first(where: { $0.id == visit.query("id") }) else {
            return Self.html(.notFound, visit.page.refusal(title: "Not found", explanation: "There is no such site; pick one from the list."))
        }
        let problems = await state.problems(of: site.id) ?? []
        return Self.html(.ok, visit.page.site(site, pages: overview.pages(of: site.id), problems: problems))
    }

    /// `GET /_studio/publish`: the changed files and their diff, and the commit form.
    func publishing(_ visit: Visit, message: String?, failure: String?, status: HTTPResponse.Status = .ok) -> Response {
        let repository = Repository(workspace: options.workspace)
        let settings = StudioSettings.load(from: options.folder)
        do {
            let changes = try repository.changes()
            let diff = try repository.diff()
            return Self.html(status, visit.page.publish(changes: changes, diff: diff, settings: settings, message: message, failure: failure,
                                                        remote: repository.remote()))
        } catch {
            return Self.html(.internalServerError, visit.page.refusal(title: visit.page.strings.publish, explanation: error.description))
        }
    }

    /// `POST /_studio/commit`: a git commit of every change with the user's message, name and e-mail (which the
    /// studio keeps as its settings for next time).
    func commit(_ visit: Visit, form: FormFields) -> Response {
        let settings = StudioSettings(name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces),
                                      email: (form["email"] ?? "").trimmingCharacters(in: .whitespaces))
        try? settings.save(to: options.folder)
        do {
            let hash = try Repository(workspace: options.workspace).commit(message: form["message"] ?? "", name: settings.name, email: settings.email)
            options.log("Committed \(hash.prefix(12)): \(form["message"] ?? "")")
            return publishing(visit, message: "\(visit.page.strings.committed) \(hash.prefix(12))", failure: nil)
        } catch {
            return publishing(visit, message: nil, failure: error.description, status: .unprocessableContent)
        }
    }

    /// `POST /_studio/push`: the commits to the remote, fast-forward only; a refusal shows git's own message and
    /// loses nothing (the commits stay in the workspace's repository).
    func push(_ visit: Visit) async -> Response {
        let repository = Repository(workspace: options.workspace)
        let result: Result<String, Repository.Failure> = await StudioServer.onThread {
            do throws(Repository.Failure) { return .success(try repository.push()) } catch { return .failure(error) }
        }
        switch result {
        case .success(let target):
            options.log("Pushed to \(target)")
            return publishing(visit, message: "\(visit.page.strings.pushed) \(target)", failure: nil)
        case .failure(let failure):
            return publishing(visit, message: nil, failure: failure.description + " Nothing was lost: your commits are still saved here.",
                              status: .unprocessableContent)
        }
    }
}
