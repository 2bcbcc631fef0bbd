@_spi(Fuzzing) import LodestoneStore
import FuzzDriver
import Foundation

/// libFuzzer target: the USGS MCS 2025 salient-table reader (mcs2025-*_salient.csv).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    Fuzzing.usgsSalientTables(Data(bytes: data, count: size))
    return 0
}

/// SwiftPM links an executable's entry point as <module>_main; hand over to libFuzzer.
@_cdecl("FuzzUSGSSalient_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
