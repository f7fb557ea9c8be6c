import ShowroomCore
import ShowroomWorkspace
import FuzzSupport

/// One input libFuzzer made: a content file as the build reads it (UTF-8 check, front matter split, YAML with its
/// alias budget, TOML and JSON, every known key), and the same bytes as a shared data file. docs/fuzzing.md runs it.
func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = try? SourceText.decode(Array(UnsafeBufferPointer(start: data, count: size)), relativePath: "fuzz.md") else { return 0 }
    _ = PageSource.parse(text: text, file: "fuzz.md", contentPath: "news/fuzz.md")
    _ = try? YAMLNode.parse(text, file: "shared/data/fuzz.yaml")
    return 0
}

/// TOMLKit 0.6.0 frees nothing it allocates (parsed documents, the strings it copies out, parse errors), so
/// LeakSanitizer would stop at the first TOML input: its allocations are left out of the leak check, which
/// still covers everything else.
@_cdecl("__lsan_default_suppressions")
func leakSuppressions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(StaticString("leak:TOMLKit\n").utf8Start).assumingMemoryBound(to: CChar.self)
}

runFuzzer { data, size in fuzzFrontMatter(data, size) }
