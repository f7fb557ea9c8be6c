import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

@Suite("Dealer routing")
struct DealerRoutingTests {
    static let router: DealerRouter = {
        let dealers = [
            Dealer(id: "lumen-shanghai", name: "Lumen Space Shanghai", brand: "lumen", city: "Shanghai", province: "Shanghai", isBrandDefault: true),
            Dealer(id: "lumen-shenzhen", name: "Lumen Space Shenzhen", brand: "lumen", city: "Shenzhen", province: "Guangdong"),
            Dealer(id: "lumen-hangzhou", name: "Lumen Space Hangzhou", brand: "lumen", city: "Hangzhou", province: "Zhejiang"),
            Dealer(id: "meridian-shanghai", name: "Meridian Shanghai", brand: "meridian", city: "Shanghai", province: "Shanghai", isBrandDefault: true),
            Dealer(id: "meridian-hangzhou", name: "Meridian Hangzhou", brand: "meridian", city: "Hangzhou", province: "Zhejiang"),
        ]
        let cities = [
            DealerRouter.City(name: "Guangzhou", province: "Guangdong", otherNames: ["广州"]),
            DealerRouter.City(name: "Hangzhou", province: "Zhejiang", otherNames: ["杭州", "杭州市"]),
            DealerRouter.City(name: "Ningbo", province: "Zhejiang"),
            DealerRouter.City(name: "Wuhan", province: "Hubei"),
        ]
        return DealerRouter(dealers: dealers, cities: cities)
    }()

    @Test func aDealerOfTheBrandInTheVisitorsCityComesFirst() {
        #expect(Self.router.dealer(brand: "lumen", city: "Hangzhou")?.id == "lumen-hangzhou")
        #expect(Self.router.dealer(brand: "meridian", city: "Hangzhou")?.id == "meridian-hangzhou")
    }

    @Test func withoutOneInTheCityADealerInTheSameProvinceCalls() {
        #expect(Self.router.dealer(brand: "lumen", city: "Guangzhou")?.id == "lumen-shenzhen")
        #expect(Self.router.dealer(brand: "lumen", city: "Ningbo")?.id == "lumen-hangzhou")
    }

    @Test func withoutOneInTheProvinceTheBrandsDefaultDealerCalls() {
        #expect(Self.router.dealer(brand: "lumen", city: "Wuhan")?.id == "lumen-shanghai")
        #expect(Self.router.dealer(brand: "meridian", city: "Guangzhou")?.id == "meridian-shanghai")
    }

    @Test(arguments: [nil, "", "Atlantis"])
    func anUnknownOrMissingCityGoesToTheBrandsDefault(city: String?) {
        #expect(Self.router.dealer(brand: "lumen", city: city)?.id == "lumen-shanghai")
    }

    @Test(arguments: ["杭州", "杭州市", "hangzhou", " HANG ZHOU "])
    func aCityIsRecognisedByItsOtherNamesIgnoringCaseAndSpaces(city: String) {
        #expect(Self.router.dealer(brand: "lumen", city: city)?.id == "lumen-hangzhou")
    }

    @Test func aBrandWithoutDealersHasNoDealer() {
        #expect(Self.router.dealer(brand: "harbor", city: "Shanghai") == nil)
    }

    @Test func theExampleFleetRoutesEveryModelToADealerOfItsBrand() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fleet = try Fleet.load(workspace: root)
        #expect(fleet.booking.models.count >= 14)
        for model in fleet.booking.models.values {
            let dealer = try #require(fleet.booking.router.dealer(brand: model.brand, city: nil), "no dealer for \(model.id)")
            #expect(dealer.brand == model.brand && dealer.isBrandDefault)
        }
        #expect(fleet.booking.router.dealer(brand: "kite", city: "无锡")?.id == "kite-suzhou")
    }
}
