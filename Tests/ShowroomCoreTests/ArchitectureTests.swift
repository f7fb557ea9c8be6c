import Foundation
import Testing

/// docs/architecture.md's dependency table says what every module imports; this reads the `import` lines of
/// Sources/ and keeps the table true.
@Suite struct ArchitectureTests {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The project's own modules each module imports, from its Swift files.
    private func importsInCode() throws -> [String: Set<String>] {
        let sources = root.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }
        var graph: [String: Set<String>] = [:]
        for module in modules {
            var imports: Set<String> = []
            let enumerator = FileManager.default.enumerator(atPath: sources.appendingPathComponent(module).path)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: sources.appendingPathComponent("\(module)/\(file)"), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").map(String.init)
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                          words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "package" || $0 == "public" }) else { continue }
                    let name = words[index + 1]
                    if modules.contains(name), name != module { imports.insert(name) }
                }
            }
            graph[module] = imports
        }
        return graph
    }

    /// The table's rows: module (or several, comma-separated, with no imports) → imports.
    private func importsInDocs() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var graph: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| module") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let imports = cells[1] == "—" ? [] : Set(cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            for module in cells[0].split(separator: ",") { graph[module.trimmingCharacters(in: .whitespaces)] = imports }
        }
        return graph
    }

    @Test func theDependencyTableInTheArchitecturePageMatchesTheImportLines() throws {
        let code = try importsInCode()
        let docs = try importsInDocs()
        #expect(Set(docs.keys) == Set(code.keys), "every module of Sources/ has one row")
        for (module, imports) in code {
            #expect(docs[module] == imports, "\(module) imports \(imports.sorted().joined(separator: ", "))")
        }
    }

    @Test func noModuleImportsOneThatImportsItBack() throws {
        let graph = try importsInCode()
        func reaches(_ from: String, _ target: String, _ seen: inout Set<String>) -> Bool {
            for next in graph[from] ?? [] where seen.insert(next).inserted {
                if next == target || reaches(next, target, &seen) { return true }
            }
            return false
        }
        for module in graph.keys {
            var seen: Set<String> = []
            #expect(!reaches(module, module, &seen), "\(module) is part of an import cycle")
        }
    }
}
