import ShowroomTemplates
import Testing

/// Maps answer by name whatever their size: small ones by scanning, large ones through their table.
@Suite struct TemplateMapTests {
    static func pairs(_ count: Int) -> [(String, TemplateValue)] {
        (0..<count).map { ("field\($0)", .int($0)) }
    }

    @Test(arguments: [3, 16, 17, 40, 300])
    func everyMemberIsFoundByItsNameAndNoOtherIs(count: Int) {
        let map = TemplateMap(Self.pairs(count))
        for number in 0..<count {
            guard case .int(let found)? = map["field\(number)"] else {
                Issue.record("field\(number) not found in a map of \(count)")
                continue
            }
            #expect(found == number)
        }
        #expect(map["field\(count)"] == nil)
        #expect(map["missing"] == nil)
    }

    @Test func aNameGivenTwiceKeepsItsFirstPlaceAndTheLaterValue() {
        let map = TemplateMap(Self.pairs(20) + [("field3", .string("again", nil))])
        #expect(map.keys.count == 20)
        #expect(map.keys[3].name == "field3")
        guard case .string(let text, _)? = map["field3"] else { Issue.record("field3 lost"); return }
        #expect(text == "again")
    }

    @Test func addingToALargeMapKeepsItsMembersAndReplacesByName() {
        let map = TemplateMap(Self.pairs(30)).adding([("content", .string("<p>Hi</p>", nil)), ("field7", .int(70))])
        #expect(map.keys.map(\.name) == Self.pairs(30).map(\.0) + ["content"])
        guard case .int(let seven)? = map["field7"], case .int(let last)? = map["field29"] else {
            Issue.record("members lost")
            return
        }
        #expect(seven == 70)
        #expect(last == 29)
        #expect(map["content"] != nil)
    }
}
