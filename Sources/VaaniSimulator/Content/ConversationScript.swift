import Foundation

/// What a connected call said and what came of it.
struct CallContent: Sendable, Equatable {
    struct Line: Sendable, Equatable {
        var speaker: String
        var text: String
        var startMs: Int
        var endMs: Int
    }

    var lines: [Line]
    var summary: String
    var evalTag: String
    var entity: [String: String]

    /// The transcript as plain text, one `speaker: text` line per utterance.
    var plainText: String { lines.map { "\($0.speaker): \($0.text)" }.joined(separator: "\n") }
}

/// Writes a believable conversation from the contact's name and the call's metadata. The template
/// is chosen by the metadata keys (a payment reminder when there is an `amount` or `due_date`, an
/// appointment confirmation for `appointment…`, an offer for `product`/`plan`/`offer`, otherwise a
/// feedback call), and every metadata value the template does not use is read back to the contact,
/// so a campaign's metadata visibly shapes what was said.
enum ConversationScript {
    struct Context {
        var contactName: String
        var metadata: [String: String]
        var agentPersona: String
        var company: String
        var talkMs: Int
        var outcome: CallOutcome
    }

    static func write(_ context: Context, random: inout SplitMix64) -> CallContent {
        let first = context.contactName.split(separator: " ").first.map(String.init) ?? context.contactName
        let meta = context.metadata
        // Metadata keys are matched loosely (`due_amount`, `emi_amount` and `Amount` all count as an
        // amount), as CRM exports name their columns every which way.
        let keys = meta.keys.sorted()
        var used: Set<String> = []
        func key(_ fragments: [String]) -> String? {
            let candidates = keys.filter { !used.contains($0) && !(meta[$0] ?? "").isEmpty }
            for fragment in fragments {
                if let exact = candidates.first(where: { $0.lowercased() == fragment }) { return exact }
            }
            for fragment in fragments {
                if let loose = candidates.first(where: { $0.lowercased().contains(fragment) }) { return loose }
            }
            return nil
        }
        func value(_ fragments: String...) -> String? { key(fragments).flatMap { meta[$0] } }
        func take(_ fragments: String...) -> String? {
            guard let found = key(fragments) else { return nil }
            used.insert(found)
            return meta[found]
        }
        let agent = "\(context.agentPersona) from \(context.company)"
        var script: [(String, String)] = []
        var summary: String
        var tag: String
        var entity: [String: String] = ["customer_name": context.contactName]

        if value("amount", "due_date", "emi", "outstanding", "loan_id", "invoice") != nil {
            let amount = take("amount", "emi", "outstanding").map { "₹\($0)" } ?? "your outstanding amount"
            let due = take("due_date", "due") ?? "the due date"
            let reference = take("loan_id", "invoice", "account").map { " for account \($0)" } ?? ""
            tag = pick(["promise_to_pay", "promise_to_pay", "callback_requested", "dispute", "already_paid"], &random)
            script = [
                ("agent", "Namaste \(first), this is \(agent). I'm calling about \(amount)\(reference), due on \(due)."),
                ("user", "Yes, I remember. What about it?"),
                ("agent", "I wanted to check whether you will be able to make the payment by \(due)."),
            ]
            switch tag {
            case "promise_to_pay":
                script += [("user", "Yes, I'll pay \(amount) before \(due)."), ("agent", "Thank you, \(first). I've noted your promise to pay.")]
                summary = "\(context.contactName) promised to pay \(amount) by \(due)."
                entity["promised_amount"] = amount
                entity["promised_date"] = due
            case "callback_requested":
                script += [("user", "I'm travelling right now. Can you call me back tomorrow evening?"), ("agent", "Of course, we'll call you tomorrow evening.")]
                summary = "\(context.contactName) asked for a callback about \(amount) due \(due)."
                entity["callback_time"] = "tomorrow evening"
            case "dispute":
                script += [("user", "I don't agree with \(amount); I think there is a mistake."), ("agent", "I understand. I'll raise it with our team and someone will contact you.")]
                summary = "\(context.contactName) disputes \(amount) due \(due)."
            default:
                script += [("user", "I already paid it last week."), ("agent", "Thank you, we'll verify the payment and update your account.")]
                summary = "\(context.contactName) says \(amount) was already paid."
            }
        } else if value("appointment", "appointment_date", "appointment_time", "doctor", "clinic") != nil {
            let when = [take("appointment_date", "appointment", "date"), take("appointment_time", "time")]
                .compactMap { $0 }.joined(separator: " at ")
            let with = take("doctor").map { " with \($0)" } ?? ""
            let place = take("clinic", "location").map { " at \($0)" } ?? ""
            tag = pick(["confirmed", "confirmed", "rescheduled", "cancelled"], &random)
            script = [
                ("agent", "Hello \(first), this is \(agent). I'm calling to confirm your appointment\(with)\(place) on \(when)."),
            ]
            switch tag {
            case "confirmed":
                script += [("user", "Yes, I'll be there."), ("agent", "Wonderful. Please arrive ten minutes early.")]
                summary = "\(context.contactName) confirmed the appointment\(with) on \(when)."
            case "rescheduled":
                script += [("user", "Can we move it to the next day, same time?"), ("agent", "Done, I've moved it to the next day.")]
                summary = "\(context.contactName) rescheduled the appointment\(with) from \(when) to the next day."
            default:
                script += [("user", "I need to cancel, sorry."), ("agent", "No problem, I've cancelled the appointment.")]
                summary = "\(context.contactName) cancelled the appointment\(with) on \(when)."
            }
            entity["appointment"] = when
        } else if value("product", "plan", "offer", "discount") != nil {
            let product = take("product", "plan") ?? "our new plan"
            let offer = take("offer", "discount").map { " with \($0)" } ?? ""
            tag = pick(["interested", "not_interested", "not_interested", "callback_requested"], &random)
            script = [
                ("agent", "Hi \(first), this is \(agent). We have a special offer on \(product)\(offer) for you."),
                ("user", "Okay, tell me more."),
                ("agent", "\(product) gives you more for less, and the offer is valid this week only."),
            ]
            switch tag {
            case "interested":
                script += [("user", "Sounds good, please send me the details."), ("agent", "I'll send them on WhatsApp right away.")]
                summary = "\(context.contactName) is interested in \(product)\(offer)."
            case "callback_requested":
                script += [("user", "Call me next week, I'll decide then."), ("agent", "Sure, I'll call you next week.")]
                summary = "\(context.contactName) wants a call back next week about \(product)."
            default:
                script += [("user", "No thanks, I'm not interested."), ("agent", "Understood. Thank you for your time.")]
                summary = "\(context.contactName) is not interested in \(product)\(offer)."
            }
            entity["product"] = product
        } else {
            tag = pick(["satisfied", "satisfied", "neutral", "unsatisfied"], &random)
            script = [
                ("agent", "Hello \(first), this is \(agent). Do you have a minute for some quick feedback?"),
                ("user", "Sure, go ahead."),
                ("agent", "On a scale of one to five, how was your recent experience with \(context.company)?"),
            ]
            let score = tag == "satisfied" ? "Five" : tag == "neutral" ? "Three" : "Two"
            script += [("user", "\(score), I'd say."), ("agent", "Thank you, \(first), that helps us a lot.")]
            summary = "\(context.contactName) rated \(context.company) \(score.lowercased()) out of five."
            entity["rating"] = score.lowercased()
        }
        for key in meta.keys.sorted() where !used.contains(key) {
            guard let found = meta[key], !found.isEmpty else { continue }
            script.insert(("agent", "I also have your \(key.replacingOccurrences(of: "_", with: " ")) as \(found) — is that right?"), at: script.count - 1)
            script.insert(("user", "Yes, that's right."), at: script.count - 1)
            entity[key] = found
        }
        if context.outcome == .voicemail {
            let message = "Hi \(first), this is \(agent). Sorry we missed you. \(summary.replacingOccurrences(of: context.contactName, with: "You")) Please call us back. Thank you."
            script = [("agent", message)]
            summary = "Left a voicemail for \(context.contactName)."
            tag = "voicemail"
        }
        entity["outcome"] = tag
        return CallContent(lines: timed(script, over: context.talkMs), summary: summary, evalTag: tag, entity: entity)
    }

    /// Spreads utterances over the talk time in proportion to their length, with short pauses.
    static func timed(_ script: [(String, String)], over talkMs: Int) -> [CallContent.Line] {
        let totalCharacters = max(1, script.reduce(0) { $0 + $1.1.count })
        var cursor = 0
        return script.map { speaker, text in
            let span = talkMs * text.count / totalCharacters
            let line = CallContent.Line(speaker: speaker, text: text, startMs: cursor, endMs: cursor + max(0, span - span / 10))
            cursor += span
            return line
        }
    }

    static func pick(_ options: [String], _ random: inout SplitMix64) -> String {
        options[Int(random.next() % UInt64(options.count))]
    }
}
