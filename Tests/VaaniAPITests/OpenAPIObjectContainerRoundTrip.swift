import OpenAPIRuntime

@testable import VaaniAPI

/// Sends a ``JSONObject`` through the OpenAPI runtime's container and back, as request and response
/// bodies do.
enum OpenAPIObjectContainerRoundTrip {
    static func roundTrip(_ object: JSONObject) throws -> JSONObject {
        try OpenAPIObjectContainer(object).jsonObject
    }
}
