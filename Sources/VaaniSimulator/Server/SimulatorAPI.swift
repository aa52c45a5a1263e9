import OpenAPIRuntime
import VaaniOpenAPI

/// The Vaani API operations, served from the simulator's state. Authentication, rate limiting,
/// latency and fault injection happen before these handlers run (see ``APIGatewayMiddleware`` and
/// ``TriggerFaultMiddleware``); failures are thrown as ``SimulatorFailure``.
struct SimulatorAPI: APIProtocol {
    let core: SimulatorCore

    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(.init(status: "healthy", service: "vaani-external-api"))))
    }
}
