import Foundation

/// The XDG base directories a user's files go in: `$XDG_DATA_HOME` or `$XDG_CACHE_HOME` when set
/// to an absolute path, else their default under the home folder.
public enum UserDirectory {
    case data, cache

    public var path: String {
        let (variable, underHome) = switch self {
        case .data: ("XDG_DATA_HOME", ".local/share")
        case .cache: ("XDG_CACHE_HOME", ".cache")
        }
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment[variable], xdg.hasPrefix("/") { return xdg }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return (home as NSString).appendingPathComponent(underHome)
    }
}
