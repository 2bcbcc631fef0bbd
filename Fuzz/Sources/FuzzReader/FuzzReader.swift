@_spi(Fuzzing) import LodestoneStore
import FuzzDriver
import Foundation

/// libFuzzer target for every source reader (`SourceReaders.all`): LODESTONE_FUZZ_READER names
/// the one to fuzz; LODESTONE_FUZZ_LIST=1 prints their names and exits (scripts/fuzz.sh runs one
/// target per name, each with its own corpus).
let readerName = ProcessInfo.processInfo.environment["LODESTONE_FUZZ_READER"] ?? ""

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    Fuzzing.read(reader: readerName, Data(bytes: data, count: size))
    return 0
}

/// SwiftPM links an executable's entry point as <module>_main; hand over to libFuzzer.
@_cdecl("FuzzReader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    if ProcessInfo.processInfo.environment["LODESTONE_FUZZ_LIST"] != nil {
        print(SourceReaders.all.map { $0.name }.joined(separator: "\n"))
        return 0
    }
    guard SourceReaders.named(readerName) != nil else {
        FileHandle.standardError.write(Data("FuzzReader: set LODESTONE_FUZZ_READER to one of \(SourceReaders.all.map { $0.name }.joined(separator: ", "))\n".utf8))
        return 2
    }
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
