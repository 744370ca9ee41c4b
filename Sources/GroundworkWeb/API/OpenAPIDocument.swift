import Foundation

/// The OpenAPI 3.1 description of `/api/`, shipped as `Public/openapi.json`; a test calls
/// every operation it lists, so it stays true.
enum OpenAPIDocument {
    static let json: String = {
        let path = Site.resourceFolder("Public") + "/openapi.json"
        return (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }()
}
