import ShowroomCore
import ShowroomWorkspace
import FuzzSupport

/// One input libFuzzer made: a content file as the build reads it (UTF-8 check, front matter split, YAML with its
/// alias budget, every known key), and the same bytes as a shared data file. docs/fuzzing.md runs it.
func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = try? SourceText.decode(Array(UnsafeBufferPointer(start: data, count: size)), relativePath: "fuzz.md") else { return 0 }
    _ = PageSource.parse(text: text, file: "fuzz.md", contentPath: "news/fuzz.md")
    _ = try? YAMLNode.parse(text, file: "shared/data/fuzz.yaml")
    return 0
}

runFuzzer { data, size in fuzzFrontMatter(data, size) }
