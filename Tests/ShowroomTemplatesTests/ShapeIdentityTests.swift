import ShowroomTemplates
import Testing

/// `hasSameShape` lets the template check make one shape for all values that share it; it must never call
/// two values alike whose shapes differ.
struct ShapeIdentityTests {
    private static func page(_ title: String, tags: [String], extra: [(String, TemplateValue)] = []) -> TemplateValue {
        .map(TemplateMap([("title", .text(title)), ("tags", .list(tags.map { .text($0) }))] + extra))
    }

    private static func hash(_ value: TemplateValue) -> Int {
        var hasher = Hasher()
        value.hashShape(into: &hasher)
        return hasher.finalize()
    }

    @Test func valuesDifferingOnlyInScalarsAndScalarListLengthsShareAShape() {
        let a = Self.page("One", tags: ["a", "b"]), b = Self.page("Two", tags: ["c"])
        #expect(a.hasSameShape(as: b))
        #expect(Self.hash(a) == Self.hash(b))
        #expect(TemplateShape(of: a) == TemplateShape(of: b))
    }

    @Test(arguments: [
        page("One", tags: []),
        page("One", tags: ["a"], extra: [("hero", .text("asset:x"))]),
        .map(TemplateMap([("tags", .list([.text("a")])), ("title", .text("One"))])),
        page("One", tags: ["a"], extra: [("model", .map(TemplateMap([("name", .text("Aurora"))])))]),
    ])
    func valuesOfAnotherShapeAreNotCalledAlike(_ other: TemplateValue) {
        let base = Self.page("One", tags: ["a"])
        #expect(!base.hasSameShape(as: other))
        #expect(TemplateShape(of: base) != TemplateShape(of: other))
    }

    @Test func listsOfRecordsCompareTheirItems() {
        let one = TemplateValue.list([.map(TemplateMap([("name", .text("a"))]))])
        let other = TemplateValue.list([.map(TemplateMap([("label", .text("a"))]))])
        #expect(!one.hasSameShape(as: other))
        #expect(one.hasSameShape(as: .list([.map(TemplateMap([("name", .text("b"))]))])))
    }
}
