import Foundation

extension CampaignFile {
    /// Turns a parsed JSON object into overrides, locating each key in the text for error messages.
    struct Reader {
        let text: String
        let source: String
        /// Where each key starts, scanned once: errors and the order of reading both look keys up.
        let keys: [String: [Int]]

        init(json: LocatedJSON) {
            text = json.text
            source = json.source
            keys = json.keys
        }

        mutating func read(_ object: [String: Any]) throws -> SettingsOverrides {
            if let duplicate = LocatedJSON.duplicateKey(keys, in: text, source: source) { throw duplicate }
            var overrides = SettingsOverrides()
            for key in object.keys.sorted(by: { position(of: $0) < position(of: $1) }) {
                let value = object[key] ?? NSNull()
                switch key {
                case "concurrency": overrides.concurrency = try integer(value, key)
                case "max_active": overrides.maxActive = try integer(value, key)
                case "rate": overrides.rate = try number(value, key)
                case "max_attempts": overrides.maxAttempts = try integer(value, key)
                case "retry_delay": (overrides.retryDelays, overrides.neverRedial) = try retryDelays(value)
                case "calling_hours":
                    let hours = try string(value, key, allowNull: true)
                    if hours == nil || ["none", "any", "always", ""].contains(hours?.lowercased()) {
                        overrides.clearsCallingHours = true
                    } else {
                        overrides.callingHours = hours
                    }
                case "days": overrides.days = try string(value, key)
                case "timezone": overrides.timeZone = try string(value, key)
                case "outbound_number": overrides.outboundNumber = try string(value, key, allowNull: true) ?? ""
                case "test_mode": overrides.testMode = try boolean(value, key)
                case "request_timeout": overrides.requestTimeout = try duration(value, key)
                case "call_timeout": overrides.callTimeout = try duration(value, key)
                case "poll_interval": overrides.pollInterval = try duration(value, key)
                case "wait_for_balance": overrides.waitForBalance = try duration(value, key)
                default:
                    throw failure(key, "unknown setting; expected one of " + CampaignFile.keys.joined(separator: ", "))
                }
            }
            // Range checks live in one place, `applying`; run them now so errors point into this file.
            // `days` alone is valid in a file (it narrows a window stored on the campaign), so check it
            // against a base that has a window.
            do {
                var base = EngineConfiguration()
                base.callingHours = try CallingHours(startMinute: 0, endMinute: 1440)
                _ = try base.applying(overrides)
            } catch let error as CampaignSettingsError {
                throw failure(error.field, error.message)
            }
            return overrides
        }

        private func retryDelays(_ value: Any) throws -> ([CallOutcome: Duration], Set<CallOutcome>) {
            guard let object = value as? [String: Any] else {
                throw failure("retry_delay", "expected an object like {\"no_answer\": \"30m\", \"busy\": \"1h\"}")
            }
            var delays: [CallOutcome: Duration] = [:]
            var never = Set<CallOutcome>()
            for (key, delay) in object {
                let field = "retry_delay." + key
                guard let outcome = CallOutcome(rawValue: key), outcome != .completed else {
                    throw failure(field, "unknown outcome; expected no_answer, busy, failed or voicemail")
                }
                if let text = delay as? String, text.lowercased() == "never" {
                    never.insert(outcome)
                    continue
                }
                delays[outcome] = try duration(delay, field)
            }
            return (delays, never)
        }

        private func integer(_ value: Any, _ key: String) throws -> Int {
            if let number = value as? NSNumber, !isBoolean(number), let exact = Int(exactly: number.doubleValue) {
                return exact
            }
            throw failure(key, "expected a whole number, not \(describe(value))")
        }

        private func number(_ value: Any, _ key: String) throws -> Double {
            if let number = value as? NSNumber, !isBoolean(number) { return number.doubleValue }
            throw failure(key, "expected a number, not \(describe(value))")
        }

        private func boolean(_ value: Any, _ key: String) throws -> Bool {
            if let number = value as? NSNumber, isBoolean(number) { return number.boolValue }
            throw failure(key, "expected true or false, not \(describe(value))")
        }

        private func string(_ value: Any, _ key: String, allowNull: Bool = false) throws -> String? {
            if allowNull, value is NSNull { return nil }
            if let text = value as? String { return text }
            throw failure(key, "expected a string, not \(describe(value))")
        }

        private func string(_ value: Any, _ key: String) throws -> String {
            guard let text = value as? String else { throw failure(key, "expected a string, not \(describe(value))") }
            return text
        }

        private func duration(_ value: Any, _ key: String) throws -> Duration {
            if let number = value as? NSNumber, !isBoolean(number), number.doubleValue.isFinite,
                (0..<1e9).contains(number.doubleValue)
            {
                return Duration(timeInterval: number.doubleValue)
            }
            if let text = value as? String, let duration = Duration.parse(text) { return duration }
            throw failure(key, "expected a duration like 90s, 30m or 2h, not \(describe(value))")
        }

        private func isBoolean(_ number: NSNumber) -> Bool {
            // JSONSerialization gives booleans as NSNumber too; their type encoding (`c`) tells them apart,
            // and it never produces 8-bit integers otherwise.
            String(cString: number.objCType) == "c"
        }

        private func describe(_ value: Any) -> String {
            switch value {
            case is NSNull: return "null"
            case let text as String: return "\"\(text.prefix(40))\""
            case is [Any]: return "a list"
            case is [String: Any]: return "an object"
            case let number as NSNumber: return isBoolean(number) ? (number.boolValue ? "true" : "false") : "\(number)"
            default: return "\(value)"
            }
        }

        /// The UTF-8 offset of a key's first appearance as a quoted string, for ordering and locating.
        private func position(of field: String) -> Int {
            if let offset = keys[field]?.first { return offset }
            let parts = field.split(separator: ".").map(String.init)
            var searchStart = text.startIndex
            var found: Range<String.Index>?
            for part in parts {
                guard let range = text.range(of: "\"\(part)\"", range: searchStart..<text.endIndex) else { break }
                found = range
                searchStart = range.upperBound
            }
            guard let found else { return Int.max }
            return text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        }

        private func failure(_ field: String, _ message: String) -> CampaignSettingsError {
            let offset = position(of: field)
            let (line, column) = offset == Int.max ? (nil, nil) : CampaignFile.lineAndColumn(ofUTF8Offset: offset, in: text)
            return CampaignSettingsError(field: field, message: message, file: source, line: line, column: column)
        }
    }
}
