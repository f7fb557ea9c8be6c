import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace
import Testing

/// What a compiled template says it can read, which the build keys each page's output on.
@Suite struct TemplateReadsTests {
    private func reads(_ template: String, partials: [String: String] = [:]) throws -> TemplateReads {
        let sources = [TemplateSource(name: "t", file: "t.mustache", text: template)]
            + partials.map { TemplateSource(name: $0.key, file: "\($0.key).mustache", text: $0.value) }
        let library = try #require(TemplateLibrary.compile(sources).0)
        return library.reads(of: "t")
    }

    @Test func namesAndTheTemplatesReachedAreRecorded() throws {
        let found = try reads("{{page.title}} {{> footer}}", partials: ["footer": "{{site.year}}"])
        #expect(found.templates == ["t", "footer"])
        #expect(found.reads("page") && found.reads("site") && !found.reads("data"))
    }

    @Test func dataIsReadByFile() throws {
        let found = try reads("{{#data.models}}{{name}}{{/data.models}} {{t.readMore}}")
        #expect(found.members(of: "data") == ["models"])
        #expect(found.members(of: "t") == ["readMore"])
    }

    @Test func aSectionOverANameReadsOnlyTheMembersItsBodyNames() throws {
        let found = try reads("{{#sections}}<a href=\"{{url}}\">{{title}}</a>{{/sections}}")
        #expect(found.itemMembers(of: "sections") == ["url", "title"])
    }

    @Test func printingTheItemOrAPartialInTheBodyReadsItWhole() throws {
        #expect(try reads("{{#sections}}{{.}}{{/sections}}").itemMembers(of: "sections") == nil)
        #expect(try reads("{{#sections}}{{> item}}{{/sections}}", partials: ["item": "{{title}}"]).itemMembers(of: "sections") == nil)
    }

    @Test func aNameAlsoReadOutsideItsSectionIsReadWhole() throws {
        #expect(try reads("{{#sections}}{{title}}{{/sections}}{{sections.0.pages}}").itemMembers(of: "sections") == nil)
        #expect(try reads("{{^recent}}none{{/recent}}{{#recent}}{{title}}{{/recent}}").itemMembers(of: "recent") == nil)
    }

    @Test func theWholeContextCountsAsReadingEverything() throws {
        let found = try reads("{{#first()}}x{{/first()}}")
        #expect(found.readsWholeContext && found.reads("data") && found.members(of: "data") == nil)
    }
}
