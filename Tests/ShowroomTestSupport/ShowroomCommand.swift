import Foundation

/// The built `showroom` command, run as a child process the way CI runs it.
public enum ShowroomCommand {
    /// Why the command could not be run.
    public struct Failure: Error, CustomStringConvertible {
        /// What is missing, and what to do about it.
        public let description: String
    }

    /// Where `swift build` puts the command: beside the test bundles' resources.
    public static let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("showroom")

    /// Runs `showroom <arguments>` (in `folder`, as a person who opened a terminal there would, when given) and
    /// returns its exit status and what it printed; throws when there is no built command.
    public static func run(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String, errors: String) {
        let process = try process(arguments, in: folder)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: printed, as: UTF8.self), String(decoding: complained, as: UTF8.self))
    }

    /// Starts `showroom <arguments>` in `folder` without waiting for it (`serve`, `collector`), its output going to
    /// `log`; the caller stops it with `interrupt()` (Ctrl-C) and `waitUntilExit()`.
    public static func start(_ arguments: [String], in folder: URL, log: URL) throws -> Process {
        let process = try process(arguments, in: folder)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private static func process(_ arguments: [String], in folder: URL?) throws -> Process {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure(description: "there is no showroom command at \(binary.path); run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        return process
    }
}
