public import CampaignStore
public import PhoneNumbers

/// One number checked the way an import checks every row: parsed and validated against
/// libphonenumber's numbering plans, normalized to E.164, and looked up in the global do-not-call
/// list (and in a do-not-call file, as `import --dnc` reads it). For single test calls.
///
/// ```swift
/// let screen = NumberScreen(store: try CampaignDatabase.open(at: "vaani-dialer.sqlite"))
/// switch try await screen.check("098765 43210", defaultRegion: "IN") {
/// case .callable(let number): print(number.e164)
/// case .invalid(let reason): print(reason)
/// case .doNotCall(let e164, let reason): print("\(e164): \(reason)")
/// }
/// ```
public struct NumberScreen: Sendable {
    /// What the check found.
    public enum Verdict: Sendable, Hashable {
        /// A valid number that is not on any do-not-call list.
        case callable(PhoneNumber)
        /// Not a valid number, and why (as `import` writes it to the rejects file).
        case invalid(String)
        /// A valid number on a do-not-call list, and which.
        case doNotCall(e164: String, reason: String)
    }

    /// The store whose do-not-call list is consulted; `nil` when there is none yet.
    public let store: (any SuppressionList)?
    /// A do-not-call file (one number per line or per CSV row), as `import --dnc` takes.
    public let doNotCallFile: String?
    /// The phone number parser.
    public let parser: PhoneNumberParser

    /// Creates a screen.
    /// - Parameters:
    ///   - store: The store of the global do-not-call list, if any.
    ///   - doNotCallFile: A do-not-call file to consult too.
    ///   - parser: The phone number parser.
    public init(
        store: (any SuppressionList)?,
        doNotCallFile: String? = nil,
        parser: PhoneNumberParser = PhoneNumberParser()
    ) {
        self.store = store
        self.doNotCallFile = doNotCallFile
        self.parser = parser
    }

    /// Checks one number.
    /// - Parameters:
    ///   - text: The number as written.
    ///   - defaultRegion: The region of numbers written without a country code.
    /// - Throws: ``ContactImportError`` for an unknown region, ``CSVError`` for an unreadable
    ///   do-not-call file, ``CampaignStoreError`` when the store cannot be read.
    public func check(_ text: String, defaultRegion: String?) async throws -> Verdict {
        let region = defaultRegion.map { $0.trimmingWhitespace().uppercased() }
        if let region, !parser.isSupportedRegion(region) { throw ContactImportError.unknownRegion(region) }
        let number: PhoneNumber
        switch parser.parse(text, defaultRegion: region) {
        case .success(let parsed): number = parsed
        case .failure(let error): return .invalid(error.description)
        }
        if let entry = try await store?.suppressionEntry(for: number.e164) {
            return .doNotCall(e164: number.e164, reason: "on the do-not-call list (\(entry.reason), from \(entry.source))")
        }
        if let doNotCallFile {
            let list = try DoNotCallList(path: doNotCallFile, parser: parser, defaultRegion: region)
            if list.numbers.contains(number.e164) {
                return .doNotCall(e164: number.e164, reason: "listed in the do-not-call file \(doNotCallFile)")
            }
        }
        return .callable(number)
    }
}
