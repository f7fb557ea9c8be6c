/// What the shared data files (`shared/data/*.yaml`) hold: for each file Showroom knows, its records' keys,
/// which are required and what each value must be. `SharedDataCheck` reads the files against it. Keys a schema
/// does not list stay free data for the templates (`data.models[].engine`); a file without a schema is not
/// checked here. docs/workspace.md lists the same tables for people.
package enum SharedDataSchema {
    /// What one value must be.
    package indirect enum ValueType: Sendable {
        /// Any one value (text, a number written bare, `true`): never a list or a mapping.
        case text
        /// A number written as digits (`189800`, `4.5`), not in quotes.
        case number
        /// A whole number written as digits (`2019`).
        case wholeNumber
        /// `true` or `false`.
        case bool
        /// A date in any form front matter takes (`2026-12-12T22:00:00+08:00`).
        case date
        /// A CSS colour (`#0b3d91`), the forms `theme:` takes.
        case colour
        /// A web address starting with `https://` or `http://`.
        case link
        /// `asset:<id>` of an asset in `assets/catalog.yaml`.
        case asset
        /// The `key` of a record of the data file `file` (`brands` by `id`, `cities` by `city`).
        case reference(file: String, key: String)
        /// The `id` of one of the trims of the model this record names under `modelKey`.
        case trim(modelKey: String)
        /// A list of values of one type.
        case list(ValueType)
        /// A mapping whose keys are free and whose values are of one type.
        case mapping(of: ValueType)
        /// A record of known keys.
        case record(Record)

        /// The value's kind in words, for messages ("a number", "a list of asset references").
        var name: String {
            switch self {
            case .text: "text"
            case .number: "a number"
            case .wholeNumber: "a whole number"
            case .bool: "true or false"
            case .date: "a date"
            case .colour: "a colour"
            case .link: "a web address"
            case .asset: "an asset (`asset:<id>`)"
            case .reference(let file, let key): "the `\(key)` of a record of shared/data/\(file).yaml"
            case .trim: "the `id` of one of the model's trims"
            case .list(let item): "a list (each entry \(item.name))"
            case .mapping(let value): "a mapping of `key: value` lines (each value \(value.name))"
            case .record: "a mapping of `key: value` lines"
            }
        }
    }

    /// One key of a record.
    package struct Field: Sendable {
        /// The key as written.
        package var key: String
        /// What its value must be.
        package var type: ValueType
        /// Whether every record must have it.
        package var required: Bool
    }

    /// The keys of one kind of record, in the order the docs list them.
    package struct Record: Sendable {
        /// Every known key.
        package var fields: [Field]
        /// The key that names each record uniquely within its file (`id`), if any.
        package var identity: String?

        /// The field for `key`.
        package func field(_ key: String) -> Field? { fields.first { $0.key == key } }
    }

    /// One data file: a list of records (most files) or one record (`presale`).
    package struct File: Sendable {
        /// The file's name without `.yaml`, as templates read it (`data.models`).
        package var name: String
        /// What each record (or the one record) holds.
        package var record: Record
        /// Whether the file is a list of records rather than one record.
        package var isList: Bool
        /// What one record is called in messages ("model", "dealer").
        package var recordName: String
    }

    private static func required(_ key: String, _ type: ValueType) -> Field { Field(key: key, type: type, required: true) }
    private static func optional(_ key: String, _ type: ValueType) -> Field { Field(key: key, type: type, required: false) }

    private static let trim = Record(fields: [
        optional("id", .text), required("name", .text), required("price", .number), optional("power", .text),
        optional("efficiency", .text), optional("acceleration", .text), optional("drive", .text),
    ], identity: "id")

    private static let colour = Record(fields: [
        optional("id", .text), required("name", .text), optional("nameZh", .text), optional("hex", .colour), optional("ink", .colour),
        optional("picture", .asset),
    ], identity: "id")

    private static let specGroup = Record(fields: [
        required("group", .text), required("rows", .list(.record(Record(fields: [required("label", .text), required("value", .text)])))),
    ])

    /// The data files Showroom knows, by name.
    package static let files: [String: File] = Dictionary(uniqueKeysWithValues: [
        File(name: "models", record: Record(fields: [
            required("id", .text), required("name", .text), optional("nameZh", .text), optional("shortName", .text),
            required("brand", .reference(file: "brands", key: "id")), optional("segment", .text), optional("segmentZh", .text),
            optional("body", .text), optional("electric", .bool), optional("tagline", .text), optional("taglineZh", .text),
            optional("fromPrice", .number), optional("website", .link), optional("hero", .asset), optional("brochure", .asset),
            optional("gallery", .list(.asset)), optional("keySpecs", .mapping(of: .text)), optional("trims", .list(.record(trim))),
            optional("colours", .list(.record(colour))), optional("specs", .list(.record(specGroup))),
        ], identity: "id"), isList: true, recordName: "model"),
        File(name: "brands", record: Record(fields: [
            required("id", .text), required("name", .text), optional("nameZh", .text), optional("shortName", .text),
            optional("kind", .text), optional("kindZh", .text), optional("tagline", .text), optional("taglineZh", .text),
            optional("about", .text), optional("founded", .wholeNumber), optional("hotline", .text), optional("website", .link),
            optional("logo", .asset), optional("primary", .colour), optional("accent", .colour),
        ], identity: "id"), isList: true, recordName: "brand"),
        File(name: "dealers", record: Record(fields: [
            required("id", .text), required("name", .text), required("brand", .reference(file: "brands", key: "id")),
            required("city", .reference(file: "cities", key: "city")), required("province", .text), required("phone", .text),
            optional("address", .text), optional("brandDefault", .bool),
        ], identity: "id"), isList: true, recordName: "dealer"),
        File(name: "cities", record: Record(fields: [
            required("city", .text), required("province", .text), optional("names", .list(.text)),
        ], identity: "city"), isList: true, recordName: "city"),
        File(name: "accessories", record: Record(fields: [
            required("id", .text), required("name", .text), optional("category", .text), required("price", .number),
            optional("inStock", .bool), optional("models", .list(.reference(file: "models", key: "id"))), optional("note", .text),
            optional("picture", .asset),
        ], identity: "id"), isList: true, recordName: "accessory"),
        File(name: "presale", record: Record(fields: [
            required("title", .text), required("model", .reference(file: "models", key: "id")), optional("trim", .trim(modelKey: "model")),
            required("start", .date), optional("startDisplay", .text), optional("startDisplayZh", .text),
            optional("depositPrice", .number), optional("units", .wholeNumber), optional("perks", .list(.text)), optional("why", .text),
        ]), isList: false, recordName: "presale"),
    ].map { ($0.name, $0) })
}
