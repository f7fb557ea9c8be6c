import Foundation
import ShowroomCore
import Testing

@Suite("Booking rules")
struct BookingRulesTests {
    @Test(arguments: [
        "13812345678", "19912345678", "+8613812345678", "8613812345678", "+86 138 1234 5678", "86-138-1234-5678",
        "138-1234-5678", "138 1234 5678", " 15012345678 ", "+86-150-1234-5678",
    ])
    func aMainlandMobileNumberIsAccepted(typed: String) {
        #expect(BookingRules.normalizedPhone(typed) != nil)
    }

    @Test(arguments: [
        "", "12812345678", "10012345678", "1381234567", "138123456789", "+85 13812345678", "+86 12812345678",
        "1381234567a", "138.1234.5678", "(138) 1234 5678", "23812345678", "+8686 13812345678", "１３８１２３４５６７８",
        "+86  138  1234  5678  999",
    ])
    func anythingElseIsRefused(typed: String) {
        #expect(BookingRules.normalizedPhone(typed) == nil)
    }

    @Test(arguments: [
        ("13812345678", "13812345678"), ("+86 138 1234 5678", "13812345678"), ("86-138-1234-5678", "13812345678"),
        ("+8619912345678", "19912345678"), (" 150 1234-5678 ", "15012345678"),
    ])
    func aNumberIsStoredAsItsElevenDigits(typed: String, normalised: String) {
        #expect(BookingRules.normalizedPhone(typed) == normalised)
    }

    @Test func theFormAttributesComeFromTheSameRules() throws {
        let values = BookingRules.templateValues()
        let phone = try #require(values["phone"] as? [String: Any])
        #expect(phone["pattern"] as? String == BookingRules.phonePattern)
        #expect(phone["maxlength"] as? Int == BookingRules.phoneMaxLength)
        #expect(phone["inputmode"] as? String == "tel")
        #expect((values["name"] as? [String: Any])?["maxlength"] as? Int == BookingRules.nameMaxLength)
    }

    @Test(arguments: ["Li Wei", "王小明", String(repeating: "a", count: 50)])
    func aNameOfUpToFiftyCharactersIsAccepted(name: String) {
        #expect(BookingRules.isValidName(name))
    }

    @Test(arguments: ["", "   ", String(repeating: "a", count: 51), "Li\u{0}Wei"])
    func anEmptyOverlongOrControlCharacterNameIsRefused(name: String) {
        #expect(!BookingRules.isValidName(name))
    }
}
