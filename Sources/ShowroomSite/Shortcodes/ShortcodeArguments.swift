import Foundation
import ShowroomCore
import ShowroomTemplates

/// A shortcode's arguments as template values, read as its definition says (`ShortcodeDefinition.Kind`), with an
/// error at the argument for each value that is not what its type wants, and at the tag for an argument missing.
struct ShortcodeArguments {
    let tag: ShortcodeTag
    let definition: ShortcodeDefinition
    let build: SiteBuild
    /// The page's file, and what to add to a line of the tag's text to make it a line of that file.
    let file: String
    let lineOffset: Int
    private(set) var values: [(String, TemplateValue)] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var assetReferences: [String: [SourceLocation]] = [:]

    init(tag: ShortcodeTag, definition: ShortcodeDefinition, build: SiteBuild, file: String, lineOffset: Int) {
        self.tag = tag
        self.definition = definition
        self.build = build
        self.file = file
        self.lineOffset = lineOffset
    }

    private func place(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: lineOffset + line, column: column)
    }

    mutating func resolve() {
        let declared = definition.arguments
        for argument in tag.arguments {
            let at = place(argument.line, argument.column)
            var kind = ShortcodeDefinition.Kind.text
            if let declared {
                guard let known = definition.argument(argument.name) else {
                    let names = declared.map(\.name)
                    let suggestion = NameSuggestion.nearest(to: argument.name, among: names).map { "did you mean `\($0)`? " } ?? ""
                    diagnostics.append(.error(at: at, "`\(tag.written)` takes no argument `\(argument.name)`",
                                              hint: suggestion + (names.isEmpty ? "it takes none" : "it takes: \(names.joined(separator: ", "))")))
                    continue
                }
                kind = known.kind
            }
            if let value = value(of: argument, kind: kind, at: at) { values.append((argument.name, value)) }
        }
        for argument in declared ?? [] where argument.required && !tag.arguments.contains(where: { $0.name == argument.name }) {
            diagnostics.append(.error(at: place(tag.line, tag.column), "`\(tag.written)` needs the argument `\(argument.name)`",
                                      hint: "write it in the tag: {{< \(tag.name) \(argument.name)=\"…\" >}}"))
        }
    }

    private mutating func value(of argument: ShortcodeTag.Argument, kind: ShortcodeDefinition.Kind, at: SourceLocation) -> TemplateValue? {
        let text = argument.value
        switch kind {
        case .text:
            if let id = AssetReference.id(in: text) { return asset(id, at: at) }
            return .string(text, at)
        case .asset:
            let ids = text.split(separator: ",").map { AssetReference.id(in: $0.trimmingCharacters(in: .whitespaces)) ?? $0.trimmingCharacters(in: .whitespaces) }
            guard !ids.isEmpty else {
                diagnostics.append(.error(at: at, "`\(argument.name)` names no asset", hint: "write an asset id of assets/catalog.yaml"))
                return nil
            }
            let objects = ids.compactMap { asset($0, at: at) }
            guard objects.count == ids.count else { return nil }
            return ids.count == 1 && !text.contains(",") ? objects[0] : .list(objects)
        case .model:
            let models = Self.list(Self.member("models", of: Self.member("data", of: build.scope.shared)))
            if let record = models.first(where: { Self.text(Self.member("id", of: $0)) == text }) { return record }
            let ids = models.compactMap { Self.text(Self.member("id", of: $0)) }
            diagnostics.append(.error(at: at, "there is no model `\(text)` in shared/data/models.yaml",
                                      hint: NameSuggestion.nearest(to: text, among: ids).map { "did you mean `\($0)`?" }
                                          ?? "use one of: \(ids.joined(separator: ", "))"))
            return nil
        case .spec:
            return spec(argument, at: at)
        case .embed:
            let hosts = build.inputs.workspace.fleet.embedHosts
            guard let url = URL(string: text), url.scheme?.lowercased() == "https", let host = url.host?.lowercased(), !host.isEmpty else {
                diagnostics.append(.error(at: at, "`\(argument.name)` must be an https:// address, found `\(text)`",
                                          hint: "write the address the embedding site gives, starting with https://"))
                return nil
            }
            guard hosts.contains(host) else {
                diagnostics.append(.error(at: at, "`\(host)` may not be embedded: showroom.yaml's `embedHosts` does not list it",
                                          hint: "add `- \(host)` under `embedHosts:` in showroom.yaml if the site is trusted"))
                return nil
            }
            return .string(text, at)
        }
    }

    /// A key of the model argument's `keySpecs`: `{name, label, value}`, the label from the site's strings.
    private mutating func spec(_ argument: ShortcodeTag.Argument, at: SourceLocation) -> TemplateValue? {
        guard let modelArgument = definition.arguments?.first(where: { $0.kind == .model }),
              let model = values.first(where: { $0.0 == modelArgument.name })?.1
        else {
            if !diagnostics.hasErrors {
                diagnostics.append(.error(at: at, "`\(argument.name)` is a figure of a model, but no model is given",
                                          hint: "give the model first: model=\"aurora\" \(argument.name)=\"\(argument.value)\""))
            }
            return nil
        }
        guard case .map(let specs)? = Self.member("keySpecs", of: model), let figure = specs[argument.value] else {
            var keys: [String] = []
            if case .map(let specs)? = Self.member("keySpecs", of: model) { keys = specs.keys.map(\.name) }
            diagnostics.append(.error(at: at, "the model has no figure `\(argument.value)` in its keySpecs",
                                      hint: NameSuggestion.nearest(to: argument.value, among: keys).map { "did you mean `\($0)`?" }
                                          ?? "use one of: \(keys.joined(separator: ", "))"))
            return nil
        }
        let label = Self.text(Self.member(argument.value, of: Self.member("t", of: build.scope.shared))) ?? argument.value
        return .map(TemplateMap([("name", .text(argument.value)), ("label", .text(label)), ("value", figure)], printed: Self.printed(figure)))
    }

    private mutating func asset(_ id: String, at: SourceLocation) -> TemplateValue? {
        guard let object = build.values.assetObject(id, at: at) else {
            diagnostics.append(build.values.unknownAsset(id, at: at))
            return nil
        }
        assetReferences[id, default: []].append(at)
        return object
    }

    private static func member(_ name: String, of value: TemplateValue?) -> TemplateValue? {
        if case .map(let map)? = value { return map[name] }
        return nil
    }

    private static func list(_ value: TemplateValue?) -> [TemplateValue] {
        if case .list(let items)? = value { return items }
        return []
    }

    private static func text(_ value: TemplateValue?) -> String? {
        if case .string(let text, _)? = value { return text }
        return nil
    }

    private static func printed(_ value: TemplateValue) -> String? {
        switch value {
        case .string(let text, _): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return String(flag)
        default: return nil
        }
    }
}
