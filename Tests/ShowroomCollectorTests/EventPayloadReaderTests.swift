import Foundation
import Testing
@testable import ShowroomCollector

/// `EventPayloadReader` reads `/events` bodies in one pass instead of through `JSONDecoder`; these hold it to the
/// decoder, body by body.
@Suite("Reading /events bodies")
struct EventPayloadReaderTests {
    static let page = #""site": "aurora-ev", "type": "pageview", "page": "/specs/""#

    /// Bodies the decoder takes or refuses, each with what it exercises.
    static let bodies: [String] = [
        "{\(page)}",
        "{\(page), \"visitor\": \"k3J9aaaaaaaaaaaaaa\", \"ts\": 1767225600000, \"asset\": \"aurora-brochure\", \"url\": \"https://x.example/\", \"step\": \"open\", \"field\": \"phone\", \"source\": \"app\", \"ref\": \"www.google.com\", \"utm_source\": \"wechat\", \"utm_medium\": \"social\", \"utm_campaign\": \"presale\", \"utm_content\": \"a\", \"utm_term\": \"b\", \"click\": \"gclid=1\"}",
        " \n\t{ \"site\" : \"aurora-ev\" ,\r\n \"type\":\"pageview\",\"page\":\"/\" } \n",
        #"{"site": "aurora-ev", "type": "pageview", "page": "/a\"b\\c\/d\n\t\u00e9\ud83d\ude97"}"#,
        "{\(page), \"ts\": -1.5e3}",
        "{\(page), \"ts\": 0.25E+2}",
        "{\(page), \"ts\": 0}",
        "{\(page), \"visitor\": null, \"ts\": null, \"asset\": null}",
        "{\(page), \"extra\": {\"nested\": [1, 2, {\"deep\": [true, false, null]}]}, \"more\": [], \"empty\": {}}",
        "[{\(page)}, {\(page), \"type\": \"download_click\"}]",
        "[{\(page)},,]",
        "[,]",
        "{,}",
        "\u{FEFF}{\(page)}",
        "[]",
        "[{\(page)}, 42]",
        "[{\(page)}, null]",
        "[[{\(page)}]]",
        #""pageview""#,
        "null",
        "42",
        "true",
        "",
        "   ",
        "{",
        "{\(page),}",
        "[{\(page)},]",
        "{\(page)} {}",
        "{\(page)}}",
        "{\(page), \"ts\": 01}",
        "{\(page), \"ts\": 1.}",
        "{\(page), \"ts\": .5}",
        "{\(page), \"ts\": +1}",
        "{\(page), \"ts\": -}",
        "{\(page), \"ts\": 1e}",
        "{\(page), \"ts\": NaN}",
        "{\(page), \"ts\": Infinity}",
        "{\(page), \"ts\": tru}",
        "{\(page), \"ts\": \"yesterday\"}",
        "{\(page), \"ts\": false}",
        "{\(page), \"visitor\": 42}",
        "{\(page), \"visitor\": [\"a\"]}",
        "{\(page), \"utm_source\": {}}",
        #"{"site": 42, "type": "pageview", "page": "/"}"#,
        #"{"site": null, "type": "pageview", "page": "/"}"#,
        #"{"type": "pageview", "page": "/"}"#,
        #"{"site": "aurora-ev", "page": "/"}"#,
        "{\"site\": \"a\u{01}b\", \"type\": \"pageview\", \"page\": \"/\"}",
        #"{"site": "a\xb", "type": "pageview", "page": "/"}"#,
        #"{"site": "\ud83d", "type": "pageview", "page": "/"}"#,
        #"{"site": "\ude97", "type": "pageview", "page": "/"}"#,
        #"{"site": "\u12", "type": "pageview", "page": "/"}"#,
        #"{"site": "aurora-ev" "type": "pageview", "page": "/"}"#,
        #"{site: "aurora-ev", "type": "pageview", "page": "/"}"#,
        #"{'site': 'aurora-ev', 'type': 'pageview', 'page': '/'}"#,
        "{\(page), \"ts\": 1767225600000 // a comment\n}",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ]

    @Test(arguments: bodies)
    func theReaderTakesExactlyTheEventsTheDecoderTakes(_ body: String) {
        var reader = EventPayloadReader(Array(body.utf8))
        #expect((try? reader.read()) == Self.decoded(body))
    }

    /// A body with a wrong field, and what the answer must say about it.
    struct WrongField: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let body: String
        let sentence: String
    }

    static let wrongFields: [WrongField] = [
        WrongField(testDescription: "malformed JSON", body: "{\(page),", sentence: "the body is not valid JSON"),
        WrongField(testDescription: "a string instead of an event", body: #""pageview""#,
                   sentence: "the body must be an object with the event's fields"),
        WrongField(testDescription: "a number in a batch", body: "[{\(page)}, 42]", sentence: "`[1]` must be an object with the event's fields"),
        WrongField(testDescription: "a site that is a number", body: #"{"site": 42, "type": "pageview", "page": "/"}"#,
                   sentence: "`site` must be a string"),
        WrongField(testDescription: "a null site in a batch", body: #"[{"site": null, "type": "pageview", "page": "/"}]"#,
                   sentence: "`[0].site` must not be null"),
        WrongField(testDescription: "a missing page", body: #"{"site": "aurora-ev", "type": "pageview"}"#, sentence: "`page` is missing"),
        WrongField(testDescription: "a timestamp that is a word", body: "{\(page), \"ts\": \"yesterday\"}", sentence: "`ts` must be a number"),
        WrongField(testDescription: "the first of two wrong fields", body: #"{"site": "aurora-ev", "type": 1, "page": 2}"#,
                   sentence: "`type` must be a string"),
        WrongField(testDescription: "a wrong field before the JSON breaks", body: #"{"site": 42, "type": "#,
                   sentence: "the body is not valid JSON"),
    ]

    @Test(arguments: wrongFields)
    func aWrongFieldIsNamedWithWhatItMustBe(_ wrong: WrongField) {
        var reader = EventPayloadReader(Array(wrong.body.utf8))
        #expect(throws: EventRejection("bad_json", wrong.sentence)) { try reader.read() }
    }

    /// What `JSONDecoder` makes of the body, as `/events` asked it before: an array, or else one object.
    static func decoded(_ body: String) -> [EventPayload]? {
        let data = Data(body.utf8)
        if body.first(where: { !$0.isWhitespace }) == "[" { return try? JSONDecoder().decode([EventPayload].self, from: data) }
        return (try? JSONDecoder().decode(EventPayload.self, from: data)).map { [$0] }
    }
}
