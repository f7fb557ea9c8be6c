@testable import ShowroomStudio
import Testing

/// Lists of one-line values in the shared data's tables (a city's other names): one cell, its items separated by
/// commas, written back in place of its brackets.
@Suite("studio data table lists")
struct DataTableListTests {
    private let cities = "- id: shanghai\n  names: [上海, 上海市]  # as people write it\n  dealers: [3, 4]\n  region: east\n"
    private let file = "shared/data/cities.yaml"

    @Test func aListOnOneLineIsOneCellOfItsItems() throws {
        let names = try #require(try DataTable.read(cities, file: file).tables[0].rows[0].cells["names"])
        #expect(names.kind == .list)
        #expect(names.value == "上海, 上海市")
        #expect(names.field == "cell.2.10")
    }

    @Test func aChangedListIsWrittenInPlaceOfItsBracketsAndTheCommentStays() throws {
        let edit = try DataTable.edit(cities, file: file, fields: ["cell.2.10": "上海,上海市 , Shanghai, 2026"])
        #expect(edit.problems.isEmpty)
        #expect(edit.text == cities.replacingOccurrences(of: "[上海, 上海市]", with: "[上海, 上海市, Shanghai, \"2026\"]"))
    }

    @Test func aListOfWholeNumbersRefusesAWordAtItsCell() throws {
        let edit = try DataTable.edit(cities, file: file, fields: ["cell.3.12": "3, four"])
        #expect(edit.problems.map(\.message) == ["every item of `dealers` must be a whole number, found `four`"])
        #expect(edit.text == cities)
    }

    @Test func aListWithACommaInAnItemIsNotACell() throws {
        let text = "- id: a\n  names: [\"Shanghai, China\", 上海]\n"
        #expect(try DataTable.read(text, file: file).tables[0].rows[0].cells["names"] == nil)
    }

    private let accessories = "- id: charger\n  models:\n  - aurora\n  - halo\n  price: 4999\n"

    @Test func aListOfOneItemPerLineIsOneCellAndIsWrittenBackOneItemPerLine() throws {
        let models = try #require(try DataTable.read(accessories, file: file).tables[0].rows[0].cells["models"])
        #expect(models.value == "aurora, halo")
        let edit = try DataTable.edit(accessories, file: file, fields: [models.field: "aurora, halo, nova"])
        #expect(edit.text == "- id: charger\n  models:\n  - aurora\n  - halo\n  - nova\n  price: 4999\n")
        let emptied = try DataTable.edit(accessories, file: file, fields: [models.field: ""])
        #expect(emptied.problems.map(\.field) == [models.field])
        #expect(emptied.text == accessories)
    }

    @Test func aListWithACommentAmongItsItemsIsNotACell() throws {
        let text = "- id: charger\n  models:\n  - aurora  # the first\n  - halo\n"
        #expect(try DataTable.read(text, file: file).tables[0].rows[0].cells["models"] == nil)
    }
}
