import Foundation
import Testing

/// The built `showroom` command, run as a child process the way CI runs it.
enum ShowroomCommand {
    /// `swift build` puts the command beside the test bundle's resources.
    static let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("showroom")

    /// Runs `showroom <arguments>` and returns its exit status and what it printed.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("there is no showroom command at \(binary.path); run `swift build --build-tests` first")
            throw CocoaError(.executableNotLoadable)
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
