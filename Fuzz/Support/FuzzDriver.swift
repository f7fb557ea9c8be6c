#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's driver (from the `fuzzer_no_main` runtime scripts/fuzz.sh links): it reads the command line
/// (corpus folders, `-max_total_time=…`) and calls `body` with each input it makes.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ body: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// Runs libFuzzer over `body` with the process's arguments and exits with its status: a fuzz target's
/// `main.swift` calls it with its one entry function.
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, body))
}
