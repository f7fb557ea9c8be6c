// Renders the benchmark corpus's `page` layout (with its `layout` parent and `header`/`footer` partials)
// N times with page-sized values, so valgrind's callgrind can count the template engine's instructions per
// page apart from the rest of a build. See docs/benchmarks.md ("The template cost").
//
//   template-cost TEMPLATE-FOLDER [N]
import Foundation
import ShowroomTemplates
import ShowroomWorkspace

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: template-cost TEMPLATE-FOLDER [N]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let count = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1

var sources: [TemplateSource] = []
for name in ["layout", "header", "footer", "page"] {
    let file = folder.appendingPathComponent("\(name).mustache")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("template-cost: cannot read \(file.path)\n".utf8))
        exit(1)
    }
    sources.append(TemplateSource(name: name, file: file.path, text: text))
}
let (compiled, diagnostics) = TemplateLibrary.compile(sources)
guard let library = compiled else {
    FileHandle.standardError.write(Data("\(diagnostics)\n".utf8))
    exit(1)
}

let sections: [TemplateValue] = ["news", "models", "offers", "stories"].map { name in
    ["name": .text(name), "title": .text(name.capitalized), "url": .text("/\(name)/")]
}
let menu: [TemplateValue] = [("Home", "/"), ("News", "/news/"), ("Models", "/models/"), ("Offers", "/offers/"), ("Stories", "/stories/")]
    .map { ["title": .text($0.0), "url": .text($0.1), "active": .bool($0.1 == "/news/")] }
let site: TemplateValue = [
    "id": "site-01", "title": "Site 01", "kind": "brand", "lang": "en", "year": 2024, "baseURL": "https://site-01.example.com/",
    "menus": ["main": .list(menu)],
]
let paragraph = "<p>The <em>new</em> model brings <strong>quiet power</strong> to every road, with a range that lets you forget the charger for a week &amp; more.</p>\n"
let content = String(repeating: paragraph, count: 18)
let shared: TemplateValue = ["sections": .list(sections)]

var bytes = 0
for index in 0..<count {
    let page: TemplateValue = [
        "title": .text("Page \(index)"), "description": "A page of the benchmark corpus about one of the models.",
        "permalink": .text("https://site-01.example.com/news/page-\(index)/"), "url": .text("/news/page-\(index)/"),
        "date": "2023-05-17", "dateDisplay": "May 17, 2023", "kind": "page",
        "section": ["name": "news", "url": "/news/", "title": "News"], "tags": ["lumen", "aurora", "launch"],
        "content": .text(content),
    ]
    let own: TemplateValue = ["page": page, "site": site, "menus": ["main": .list(menu)]]
    bytes += library.render("page", stack: [shared, own]).text.utf8.count
}
print("rendered \(count) pages, \(bytes) bytes")
