import OpenAPIRuntime

extension VaaniClient {
    /// Runs one API operation and turns whatever it throws into a ``VaaniError`` (cancellation excepted).
    ///
    /// Status and transport failures were mapped by ``ErrorMappingMiddleware``; what is left here is a
    /// response that could not be decoded (wrong content type, truncated or mistyped JSON) or an
    /// undocumented success status.
    func perform<Value>(_ operation: String, _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as VaaniError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch let error as ClientError {
            if let vaaniError = error.underlyingError as? VaaniError { throw vaaniError }
            if error.underlyingError is CancellationError { throw CancellationError() }
            throw VaaniError.undecodable(error)
        } catch {
            throw VaaniError(
                kind: .unexpected,
                message: "the answer to \(operation) was not understood: \(error)",
                operation: operation
            )
        }
    }
}
