import Foundation
import GRDB

extension GradebookError {
    /// The case for a failure of SQLite or of the file system at `path`.
    init(_ error: any Error, path: String) {
        switch error {
        case let error as GradebookError:
            self = error
        case let error as DatabaseError:
            self = Self(sqlite: error.resultCode, message: error.message, path: path)
        case let error as CocoaError:
            let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
            let posix = underlying?.domain == NSPOSIXErrorDomain ? underlying.map { Int32($0.code) } : nil
            self = Self(errno: posix ?? Self.errno(of: error.code), reason: error.localizedDescription, path: path)
        case let error as POSIXError:
            self = Self(errno: error.code.rawValue, reason: error.localizedDescription, path: path)
        default:
            self = .unavailable(path: path, reason: "\(error)")
        }
    }

    init(sqlite code: ResultCode, message: String?, path: String) {
        switch code {
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: self = .readOnly(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(path: path, reason: message ?? "\(code)")
        case .SQLITE_CANTOPEN where !Self.writable(path): self = .readOnly(path: path)
        default: self = .unavailable(path: path, reason: message ?? "\(code)")
        }
    }

    init(errno code: Int32?, reason: String, path: String) {
        switch code {
        case EACCES, EPERM, EROFS: self = .readOnly(path: path)
        case ENOSPC, EDQUOT: self = .diskFull(path: path)
        default: self = .unavailable(path: path, reason: reason)
        }
    }

    private static func errno(of code: CocoaError.Code) -> Int32? {
        switch code {
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteOutOfSpace: return ENOSPC
        default: return nil
        }
    }

    /// Whether SQLite could create a file beside `path` (its journal) and write `path` itself.
    private static func writable(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(folder, W_OK) == 0 && (access(path, F_OK) != 0 || access(path, W_OK) == 0)
    }
}
