@testable import ShowroomStudio
import Testing

/// Rows added to and removed from the shared data's tables: only the lines of the row change.
@Suite("studio data table rows")
struct DataTableRowsTests {
    private let dealers = "# The dealers.\n- id: a\n  name: A\n  city: x\n\n- id: b\n  name: B   # the new one\n  open: true\n# the end\n"
    private let models = "- id: vega\n  trims:\n    - name: Comfort\n      price: 119800\n    - name: Sport\n      price: 139800\n  brand: meridian\n"

    @Test func anAddedRowIsACopyOfTheLastWithItsIdAndNameMarkedNew() throws {
        let text = try DataTable.change(dealers, file: "shared/data/dealers.yaml", .add(table: 0))
        #expect(text == "# The dealers.\n- id: a\n  name: A\n  city: x\n\n- id: b\n  name: B   # the new one\n  open: true\n"
                + "- id: b-new\n  name: B (new)   # the new one\n  open: true\n# the end\n")
        let table = try DataTable.read(text, file: "shared/data/dealers.yaml")
        #expect(table.tables[0].rows.last?.cells["open"]?.kind == .boolean)
    }

    @Test func aRemovedRowTakesItsLinesAndTheBlankLinesAfterIt() throws {
        let text = try DataTable.change(dealers, file: "shared/data/dealers.yaml", .remove(table: 0, row: 0))
        #expect(text == "# The dealers.\n- id: b\n  name: B   # the new one\n  open: true\n# the end\n")
    }

    @Test func aRowOfANestedTableStopsAtTheNextKeyOfItsRecord() throws {
        let table = try DataTable.read(models, file: "shared/data/models.yaml")
        #expect(table.tables[1].title == "models › vega › trims")
        let removed = try DataTable.change(models, file: "shared/data/models.yaml", .remove(table: 1, row: 1))
        #expect(removed == "- id: vega\n  trims:\n    - name: Comfort\n      price: 119800\n  brand: meridian\n")
        let added = try DataTable.change(models, file: "shared/data/models.yaml", .add(table: 1))
        #expect(added == "- id: vega\n  trims:\n    - name: Comfort\n      price: 119800\n    - name: Sport\n      price: 139800\n"
                + "    - name: Sport (new)\n      price: 139800\n  brand: meridian\n")
    }

    @Test func theOnlyRowOfATableAndARowThatDoesNotExistAreNotRemoved() {
        let one = "- id: a\n  name: A\n"
        #expect(throws: DataTable.Unreadable.self) { try DataTable.change(one, file: "shared/data/x.yaml", .remove(table: 0, row: 0)) }
        #expect(throws: DataTable.Unreadable.self) { try DataTable.change(dealers, file: "shared/data/x.yaml", .remove(table: 0, row: 5)) }
        #expect(throws: DataTable.Unreadable.self) { try DataTable.change(dealers, file: "shared/data/x.yaml", .add(table: 3)) }
    }
}
