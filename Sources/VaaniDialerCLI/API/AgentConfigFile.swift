import ArgumentParser
import CampaignEngine
import Foundation
import VaaniAPI

/// A JSON file of agent configuration given to `agents create --config` or `agents update`: either
/// one section's members (with `--section NAME`), or an object whose keys are sections. Bad JSON, an
/// unknown section or a section that is not an object is a usage error naming the file, line and
/// column.
enum AgentConfigFile {
    /// The largest file read: a configuration is a few kilobytes.
    static let maximumSize = 1 << 20

    /// The sections of a file whose top-level keys are section names, in the order written.
    /// - Parameter path: The file.
    /// - Throws: `ValidationError` naming the file, line, column and problem.
    static func sections(path: String) throws -> [(section: AgentSection, patch: JSONObject)] {
        let json = try load(path)
        guard let object = json.root as? [String: Any] else {
            throw usage(json.failure("", "expected a JSON object whose keys are sections (\(sectionNames))"))
        }
        let values = try decode(json)
        var sections: [(AgentSection, JSONObject)] = []
        for key in json.topLevelKeys {
            guard let section = AgentSection(rawValue: key) else {
                throw usage(json.failure(key, "unknown section; expected one of \(sectionNames)"))
            }
            guard object[key] is [String: Any], let patch = values[key]?.objectValue else {
                throw usage(json.failure(key, "expected an object of the section's settings"))
            }
            sections.append((section, patch))
        }
        return sections
    }

    /// The members of one section, from a file holding a JSON object.
    /// - Parameter path: The file.
    /// - Throws: `ValidationError` naming the file, line, column and problem.
    static func section(path: String) throws -> JSONObject {
        let json = try load(path)
        guard json.root is [String: Any] else {
            throw usage(json.failure("", "expected a JSON object of the section's settings"))
        }
        return try decode(json)
    }

    /// `persona, training, experience, analysis, deployment`.
    static var sectionNames: String { AgentSection.allCases.map(\.rawValue).joined(separator: ", ") }

    private static func load(_ path: String) throws -> LocatedJSON {
        do {
            return try LocatedJSON.load(path: path, maximumSize: maximumSize, kind: "agent configuration")
        } catch let error as CampaignSettingsError {
            throw usage(error)
        }
    }

    private static func decode(_ json: LocatedJSON) throws -> JSONObject {
        do {
            return try JSONDecoder().decode(JSONObject.self, from: json.data)
        } catch {
            throw usage(json.failure("", "cannot be read as a JSON object: \(error)"))
        }
    }

    private static func usage(_ error: CampaignSettingsError) -> ValidationError {
        ValidationError(error.description)
    }
}
