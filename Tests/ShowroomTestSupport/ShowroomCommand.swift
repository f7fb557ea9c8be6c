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

    /// Runs `showroom <arguments>` and returns its exit status and what it printed; throws when there is no built
    /// command.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure(description: "there is no showroom command at \(binary.path); run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
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
}
