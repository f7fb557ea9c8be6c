import Foundation
import ShowroomWorkspace
import ShowroomStorage

extension LogIngestion {
    /// What `showroom assets ingest-logs` was asked to do.
    public struct Options: Sendable {
        /// The workspace whose catalogue and sites say which files are assets and which hosts are sites.
        public var workspace: URL
        /// The build output holding `.showroom/assets.json` (default: the workspace's output folder).
        public var publicFolder: URL?
        /// The store the downloads go to (`--database`).
        public var database: String
        /// Log files; `-` reads standard input.
        public var files: [String]
        /// The site of lines without a virtual host (`--site`).
        public var site: String?

        /// The options of `showroom assets ingest-logs`; the store defaults to the collector's.
        public init(workspace: URL, publicFolder: URL? = nil, database: String = ReportStore.defaultDatabase, files: [String], site: String? = nil) {
            self.workspace = workspace
            self.publicFolder = publicFolder
            self.database = database
            self.files = files
            self.site = site
        }
    }

    /// What an ingestion found and stored.
    public struct Summary: Sendable, Hashable {
        /// Lines read, empty ones left out.
        package var lines = 0
        /// Lines in neither supported format; never fatal.
        package var malformed = 0
        /// `file:line` of the first malformed lines, to look at.
        package var malformedExamples: [String] = []
        /// Lines that were not downloads, per reason.
        package var skipped: [Skip: Int] = [:]
        /// Lines that are downloads, before merging the ranged parts of one download.
        package var downloadLines = 0
        /// Downloads after merging (one client, one file, one day).
        package var downloads = 0
        /// Downloads not stored before.
        package var stored = 0
        /// Downloads an earlier ingestion had already stored.
        package var alreadyStored: Int { downloads - stored }

        /// A summary of nothing yet, filled in file by file.
        package init() {}
    }

    /// Lines stored per transaction.
    static let batchSize = 5_000
    static let malformedExampleLimit = 10

    /// Reads the workspace's catalogue, sites and asset manifest, then ingests every file into the store.
    public static func run(_ options: Options) async throws -> Summary {
        let workspace = try ReportWorkspace.load(options.workspace)
        if let site = options.site { try workspace.requireSite(site) }
        var hosts: [String: String] = [:]
        for site in workspace.sites {
            if let host = URLComponents(string: site.baseURL)?.host?.lowercased() { hosts[host] = site.id }
        }
        let manifest = AssetManifest.read(in: options.publicFolder ?? workspace.publicFolder)
        let ingestion = LogIngestion(
            assets: Set(workspace.catalog.assets.keys), sitesByHost: hosts,
            assetSites: manifest?.assets.mapValues { Set($0.sites.keys) } ?? [:], site: options.site)
        for file in options.files where file != "-" && !FileManager.default.isReadableFile(atPath: file) {
            throw ReportError("cannot read the log file \(file); check the path (use - for standard input)")
        }
        return try await ReportStore.with(database: options.database, workspace: workspace.root) { store in
            var summary = Summary()
            var seen: Set<String> = []
            for file in options.files {
                try await ingestion.ingest(file: file, into: store, seen: &seen, summary: &summary)
            }
            return summary
        }
    }

    /// Reads one file line by line and stores its downloads in batches; `seen` holds the dedupe keys of earlier files.
    func ingest(file: String, into store: any ReportingStore, seen: inout Set<String>, summary: inout Summary) async throws {
        let handle = file == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
        defer { if file != "-" { try? handle.close() } }
        var batch: [Download] = []
        var number = 0
        for try await bytes in LineChunks(handle: handle) {
            number += 1
            if bytes.isEmpty { continue }
            summary.lines += 1
            guard let text = String(validating: bytes, as: UTF8.self), let line = AccessLogLine(parsing: Substring(text)) else {
                summary.malformed += 1
                if summary.malformedExamples.count < Self.malformedExampleLimit {
                    summary.malformedExamples.append("\(file == "-" ? "stdin" : file):\(number)")
                }
                continue
            }
            switch verdict(line) {
            case .skipped(let reason):
                summary.skipped[reason, default: 0] += 1
            case .download(let download):
                summary.downloadLines += 1
                guard seen.insert(download.dedupeKey ?? "").inserted else { continue }
                summary.downloads += 1
                batch.append(download)
                if batch.count >= Self.batchSize {
                    summary.stored += try await store.recordLogDownloads(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        summary.stored += try await store.recordLogDownloads(batch)
    }
}

/// The lines of a file as byte arrays, read a megabyte at a time (access logs can be large).
private struct LineChunks: AsyncSequence {
    typealias Element = [UInt8]
    let handle: FileHandle

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle
        var buffer: [UInt8] = []
        var start = 0
        var finished = false

        mutating func next() async throws -> [UInt8]? {
            while true {
                if let newline = buffer[start...].firstIndex(of: 0x0A) {
                    let line = Array(buffer[start..<newline])
                    start = newline + 1
                    return line
                }
                if finished {
                    guard start < buffer.count else { return nil }
                    let line = Array(buffer[start...])
                    start = buffer.count
                    return line
                }
                buffer.removeFirst(start)
                start = 0
                let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
                if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(handle: handle) }
}
