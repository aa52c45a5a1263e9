import CampaignStore
import Foundation
import SQLiteStore

/// A store implementation under test: how to make a fresh, empty one.
struct ConformingStore: Sendable, CustomStringConvertible {
    /// The implementation's name, shown in test names.
    let description: String
    /// Makes an empty store; `cleanup` is run when the test is done with it.
    let make: @Sendable () async throws -> (store: any DialerStore, cleanup: @Sendable () async -> Void)

    /// Every store the suite runs against.
    static let all: [ConformingStore] = [sqliteFile]

    /// The SQLite store in a file of a fresh temporary directory.
    static let sqliteFile = ConformingStore(description: "SQLite") {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-conformance-\(UUID().uuidString)").path
        let store = try CampaignDatabase.open(at: directory + "/dialer.sqlite")
        return (store, { try? FileManager.default.removeItem(atPath: directory) })
    }

    /// Runs `body` with a fresh store and cleans up afterwards, whether `body` throws or not.
    func with(_ body: (any DialerStore) async throws -> Void) async throws {
        let (store, cleanup) = try await make()
        do {
            try await body(store)
            await cleanup()
        } catch {
            await cleanup()
            throw error
        }
    }
}
