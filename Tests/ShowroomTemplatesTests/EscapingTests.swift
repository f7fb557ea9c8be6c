import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace
import Testing

/// Escaping by where a value lands: the compiler reads each tag's place in the HTML once.
@Suite struct EscapingTests {
    private func rendering(_ template: String, _ data: TemplateValue) throws -> TemplateRendering {
        let (library, diagnostics) = TemplateLibrary.compile([TemplateSource(name: "t", file: "t.mustache", text: template)])
        return try #require(library, "\(diagnostics)").render("t", with: data)
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "&#106;avascript:alert(1)",
                      "java&#x73;cript:alert(1)", "data:text/html,<script>", "vbscript:msgbox", "javascript&colon;alert(1)"])
    func anActiveURLInAnHrefIsRefusedAndNotWritten(url: String) throws {
        let result = try rendering("<a href=\"{{link}}\">x</a>", ["link": .string(url, SourceLocation(file: "data.yaml", line: 4, column: 9))])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location == SourceLocation(file: "data.yaml", line: 4, column: 9))
        #expect(result.text == "<a href=\"#blocked-unsafe-link\">x</a>")
    }

    @Test(arguments: ["/models/aurora/", "https://a.example/x?y=1", "http://a.example", "mailto:sales@a.example", "tel:+8610123",
                      "#paint", "../up/", "page.html?a=b:c"])
    func relativeAndOrdinaryLinksPass(url: String) throws {
        let result = try rendering("<a href=\"{{link}}\">x</a>", ["link": .text(url)])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func everyURLOfASrcsetIsChecked() throws {
        let result = try rendering("<img srcset=\"{{set}}\">", ["set": "/a.png 1x, javascript:alert(1) 2x"])
        #expect(result.diagnostics.count == 1)
    }

    @Test func aMetaRefreshContentIsAURL() throws {
        let result = try rendering("<meta http-equiv=\"refresh\" content=\"{{to}}\">", ["to": "javascript:alert(1)"])
        #expect(result.diagnostics.count == 1)
    }

    @Test func anAttributeThatIsNotAURLIsOnlyEscaped() throws {
        let result = try rendering("<p title=\"{{t}}\">", ["t": "javascript:\"x\""])
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "<p title=\"javascript:&quot;x&quot;\">")
    }

    @Test func aLinkWithLiteralTextBeforeTheValueIsNotSchemeChecked() throws {
        let result = try rendering("<a href=\"/search?q={{q}}\">x</a>", ["q": "javascript:1"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "<a href=\"/search?q=javascript:1\">x</a>")
    }

    @Test(arguments: ["red;background:url(x)", "url(//x.example/a.png)", "expression(alert(1))", "a}body{color:red", "\"x\"",
                      "a/*b*/", "</style><script>"])
    func anUnsafeValueInAStyleAttributeIsRefused(value: String) throws {
        let result = try rendering("<p style=\"--c:{{c}}\">", ["c": .text(value)])
        #expect(result.diagnostics.count == 1)
        #expect(result.text == "<p style=\"--c:\">")
    }

    @Test(arguments: ["#0f5e59", "rgb(0 0 0 / 50%)", "12px", "1.5rem", "bold", "calc(100% - 2rem)", "var(--x)"])
    func safeCSSValuesPassInAStyleElement(value: String) throws {
        let result = try rendering("<style>:root{--c:{{c}}}</style>", ["c": .text(value)])
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "<style>:root{--c:\(value)}</style>")
    }

    @Test func aValueInsideAScriptStringIsJSONEscaped() throws {
        let result = try rendering("<script>var s = '{{v}}';</script>", ["v": "</script><b>'\"\\\n"])
        #expect(result.text == "<script>var s = '\\u003c/script\\u003e\\u003cb\\u003e\\u0027\\\"\\\\\\n';</script>")
    }

    @Test func aTextValueOutsideAScriptStringBecomesAQuotedString() throws {
        let result = try rendering("<script>var s = {{v}}; var n = {{n}};</script>", ["v": "1; alert(1)", "n": 3])
        #expect(result.text == "<script>var s = \"1; alert(1)\"; var n = 3;</script>")
    }

    @Test func aQuoteInsideAScriptCommentOpensNoString() throws {
        let result = try rendering("<script>// don't\nvar s = {{v}};</script>", ["v": "x"])
        #expect(result.text == "<script>// don't\nvar s = \"x\";</script>")
    }

    @Test func aValueAfterAScriptElementIsTextAgain() throws {
        let result = try rendering("<script>var a = 1;</script><p>{{v}}</p>", ["v": "<b>"])
        #expect(result.text == "<script>var a = 1;</script><p>&lt;b&gt;</p>")
    }

    @Test func aValueInsideATagThatIsNotAnAttributeNameIsRefused() throws {
        let result = try rendering("<input {{a}}>", ["a": "onfocus=alert(1)"])
        #expect(result.diagnostics.count == 1)
    }

    @Test func rawTripleMustacheInAURLIsStillSchemeChecked() throws {
        let result = try rendering("<a href=\"{{{link}}}\">x</a>", ["link": "javascript:alert(1)"])
        #expect(result.diagnostics.count == 1)
    }
}
