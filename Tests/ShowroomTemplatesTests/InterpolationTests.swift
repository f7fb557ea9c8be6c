import ShowroomTemplates
import Testing

/// Variable tags: `{{name}}`, `{{{name}}}` and `{{&name}}`.
@Suite struct InterpolationTests {
    // MARK: Plain text and basic values

    @Test func textWithoutTagsRendersUnchanged() throws {
        let rendered = try render("Plain {text} with {single} braces.\n")
        #expect(rendered == "Plain {text} with {single} braces.\n")
    }

    @Test func variableTagIsReplacedByItsValue() throws {
        let rendered = try render("Welcome to {{city}}!\n", ["city": "Lyon"])
        #expect(rendered == "Welcome to Lyon!\n")
    }

    @Test func interpolatedValueIsNotParsedAsATemplate() throws {
        let data: TemplateValue = ["snippet": "{{model}}", "model": "Aurora"]
        let rendered = try render("{{snippet}} / {{model}}", data)
        #expect(rendered == "{{model}} / Aurora")
    }

    // MARK: Escaping

    @Test func doubleMustacheEscapesAmpersandAnglesAndQuotes() throws {
        let data: TemplateValue = ["risky": #"& " < > '"#]
        let rendered = try render("Escaped: {{risky}}\n", data)
        #expect(rendered == "Escaped: &amp; &quot; &lt; &gt; &#39;\n")
    }

    @Test func singleQuoteIsEscapedAsANumericReference() throws {
        let rendered = try render("{{owner}} car", ["owner": "Anna's"])
        #expect(rendered == "Anna&#39;s car")
    }

    @Test(arguments: InterpolationTag.unescaped)
    func unescapedTagsInsertValuesVerbatim(_ form: InterpolationTag) throws {
        let data: TemplateValue = ["risky": #"& " < > '"#]
        let rendered = try render("Raw: \(form.tag("risky"))\n", data)
        #expect(rendered == #"Raw: & " < > '"# + "\n")
    }

    // MARK: Numbers

    @Test(arguments: InterpolationTag.allCases)
    func integerInterpolatesAsItsDigits(_ form: InterpolationTag) throws {
        let rendered = try render(#""\#(form.tag("speed")) km/h""#, ["speed": 85])
        #expect(rendered == #""85 km/h""#)
    }

    @Test func zeroInterpolatesAsZero() throws {
        let rendered = try render("[{{count}}]", ["count": 0])
        #expect(rendered == "[0]")
    }

    @Test(arguments: InterpolationTag.allCases)
    func decimalInterpolatesWithoutTrailingZeros(_ form: InterpolationTag) throws {
        let rendered = try render(#""\#(form.tag("power")) kW""#, ["power": 1.210])
        #expect(rendered == #""1.21 kW""#)
    }

    @Test func decimalWithOneFractionDigitInterpolatesAsWritten() throws {
        let rendered = try render("{{litres}} l", ["litres": 1.5])
        #expect(rendered == "1.5 l")
    }

    // MARK: Null and missing values

    @Test(arguments: InterpolationTag.allCases)
    func nullInterpolatesAsEmptyText(_ form: InterpolationTag) throws {
        let rendered = try render("a(\(form.tag("nothing")))b", ["nothing": nil])
        #expect(rendered == "a()b")
    }

    @Test(arguments: InterpolationTag.allCases)
    func missingNameInterpolatesAsEmptyText(_ form: InterpolationTag) throws {
        let rendered = try render("a(\(form.tag("unknown")))b")
        #expect(rendered == "a()b")
    }

    // MARK: Dotted names

    @Test(arguments: InterpolationTag.allCases)
    func dottedNameIsShorthandForASection(_ form: InterpolationTag) throws {
        let data: TemplateValue = ["dealer": ["name": "Marta"]]
        let template = "\(form.tag("dealer.name"))|{{#dealer}}\(form.tag("name")){{/dealer}}"
        let rendered = try render(template, data)
        #expect(rendered == "Marta|Marta")
    }

    @Test func dottedNameReachesAnyDepth() throws {
        let data: TemplateValue = ["a": ["b": ["c": ["d": ["e": ["leaf": "deep"]]]]]]
        let rendered = try render("[{{a.b.c.d.e.leaf}}]", data)
        #expect(rendered == "[deep]")
    }

    @Test func dottedNameBreaksWhenAMiddleSegmentIsMissing() throws {
        let rendered = try render("[{{a.b.c}}]", ["a": [:]])
        #expect(rendered == "[]")
    }

    @Test func laterSegmentsOfADottedNameResolveOnlyInThePreviousValue() throws {
        // `c` exists at the root, but after `a.b` the lookup may not go back to the root.
        let data: TemplateValue = ["a": ["b": [:]], "c": ["name": "root"]]
        let rendered = try render("[{{a.b.c.name}}]", data)
        #expect(rendered == "[]")
    }

    @Test func firstSegmentOfADottedNameIsLookedUpThroughTheContextStack() throws {
        let data: TemplateValue = [
            "a": ["b": ["c": ["name": "inner"]]],
            "b": ["c": ["name": "outer"]],
        ]
        let rendered = try render("{{#a}}{{b.c.name}}{{/a}}", data)
        #expect(rendered == "inner")
    }

    @Test func dottedNameDoesNotRetryOuterContextsWhenALaterSegmentIsMissing() throws {
        // `b` is found in `a` (and has no `c`); the root's `b.c` must not be used instead.
        let data: TemplateValue = ["a": ["b": [:]], "b": ["c": "wrong"]]
        let rendered = try render("[{{#a}}{{b.c}}{{/a}}]", data)
        #expect(rendered == "[]")
    }

    @Test func keyThatContainsADotIsNotMatchedByADottedName() throws {
        let rendered = try render("[{{a.b}}]", ["a.b": "flat"])
        #expect(rendered == "[]")
    }

    @Test func dottedNameIsSplitEvenWhenAKeyWithTheDotExists() throws {
        let data: TemplateValue = ["a.b": "flat", "a": ["b": "nested"]]
        let rendered = try render("{{a.b}}", data)
        #expect(rendered == "nested")
    }

    // MARK: The implicit iterator `.`

    @Test func dotInterpolatesTheCurrentContext() throws {
        let rendered = try render("Hello, {{.}}!\n", "world")
        #expect(rendered == "Hello, world!\n")
    }

    @Test func dotIsEscapedLikeAnyOtherValue() throws {
        let rendered = try render("{{.}}", #"& " < >"#)
        #expect(rendered == "&amp; &quot; &lt; &gt;")
    }

    @Test(arguments: InterpolationTag.unescaped)
    func dotInUnescapedTagsIsInsertedVerbatim(_ form: InterpolationTag) throws {
        let rendered = try render(form.tag("."), #"& " < >"#)
        #expect(rendered == #"& " < >"#)
    }

    @Test func dotInterpolatesAnIntegerContext() throws {
        let rendered = try render("{{.}} km/h", 85)
        #expect(rendered == "85 km/h")
    }

    // MARK: Whitespace

    @Test(arguments: InterpolationTag.allCases)
    func interpolationKeepsTheSurroundingWhitespace(_ form: InterpolationTag) throws {
        let rendered = try render("| \(form.tag("dash")) |", ["dash": "---"])
        #expect(rendered == "| --- |")
    }

    @Test(arguments: InterpolationTag.allCases)
    func interpolationAloneOnALineIsNeverStandalone(_ form: InterpolationTag) throws {
        let rendered = try render("  \(form.tag("dash"))\n", ["dash": "---"])
        #expect(rendered == "  ---\n")
    }

    @Test(arguments: InterpolationTag.allCases)
    func spacesInsideTheTagAreIgnored(_ form: InterpolationTag) throws {
        let rendered = try render("|\(form.tag("dash", padded: true))|", ["dash": "---"])
        #expect(rendered == "|---|")
    }
}
