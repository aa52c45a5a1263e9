import Logging

/// A log handler that masks phone numbers in every message, metadata value and attached error before
/// handing the event to the handler it wraps.
///
/// Masking happens here, at the edge, rather than at each log call, so that no library or future log
/// line can leak a full number by forgetting to mask it. `--log-full-numbers` turns it off.
struct MaskingLogHandler: LogHandler {
    /// The handler that writes the masked events.
    var inner: any LogHandler
    /// The mask; `nil` passes numbers through (`--log-full-numbers`).
    let mask: PhoneNumberMask?

    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        if let error = event.error {
            merged["error"] = .string("\(error)")
            event.error = nil
        }
        if let mask {
            event.message = "\(mask.mask(event.message.description))"
            merged = merged.mapValues { Self.masked($0, with: mask) }
        }
        event.metadata = merged.isEmpty ? nil : merged
        inner.log(event: event)
    }

    private static func masked(_ value: Logger.MetadataValue, with mask: PhoneNumberMask) -> Logger.MetadataValue {
        switch value {
        case .string(let text): .string(mask.mask(text))
        case .stringConvertible(let convertible): .string(mask.mask(convertible.description))
        case .array(let values): .array(values.map { masked($0, with: mask) })
        case .dictionary(let values): .dictionary(values.mapValues { masked($0, with: mask) })
        }
    }
}
