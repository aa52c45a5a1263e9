import VaaniOpenAPI

/// The answer of ``VaaniClient/health()``.
public struct HealthStatus: Sendable, Hashable {
    /// The service's status, `healthy` when all is well.
    public var status: String?
    /// The service's name, e.g. `vaani-external-api`.
    public var service: String?
    /// Every other field of the answer.
    public var extra: JSONObject

    /// Whether the service reports itself healthy.
    public var isHealthy: Bool { status?.lowercased() == "healthy" }

    init(_ generated: Components.Schemas.HealthStatus) {
        status = generated.status
        service = generated.service
        extra = generated.additionalProperties.jsonObject
    }
}
