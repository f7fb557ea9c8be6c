import Testing
@testable import ShowroomCore

@Test func htmlEscapingReplacesTheFiveSpecialCharacters() {
    #expect(HTMLEscaping.escape(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
}

@Test func htmlEscapingLeavesOtherTextIncludingChineseAlone() {
    #expect(HTMLEscaping.escape("海岸公路上的 Aurora — ¥189,800") == "海岸公路上的 Aurora — ¥189,800")
}
