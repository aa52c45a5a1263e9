@testable import SQLiteStore
import CampaignStore
import Foundation
import GRDB
import SimulatorHarness
import Testing
import VaaniAPI
import VaaniSimulator

#if canImport(Glibc)
import Glibc
#endif

/// `vaani-dialer recordings NAME` and `recording CALL_ID` against the simulator: every file complete
/// and byte-identical to what the simulator streams, after a SIGKILL and a rerun, after streams that
/// break off midway, and on a full disk. The tests run one at a time: each simulator generates tens of
/// megabytes of audio, work that would otherwise crowd out the timing of other suites.
@Suite("vaani-dialer recordings", .serialized)
struct RecordingsCommandTests {
    /// A simulator that answers every call, at 600× speed, with the given recording faults.
    static func simulator(breakRate: Double = 0, bytesPerSecond: Int = 0) -> SimulatorConfiguration {
        SimulatorConfiguration(
            seed: 17, speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0,
            recordingBreakRate: breakRate, recordingBytesPerSecond: bytesPerSecond
        )
    }

    /// Imports `count` contacts into campaign `qa` and runs it to its end with the real executable;
    /// returns the campaign's completed calls from its database.
    static func runCampaign(_ bench: APIBench, contacts count: Int) async throws -> [CampaignCall] {
        var csv = "name,phone\n"
        for index in 0..<count { csv += "Contact \(index),+9198765\(20_000 + index)\n" }
        try bench.directory.write("contacts.csv", csv)
        let imported = try await bench.dialer(["import", "contacts.csv", "--campaign", "qa", "--agent", "demo-agent", "--db", "qa.sqlite"])
        try #require(imported.status == 0, "\(imported.allOutput)")
        let run = try await bench.dialer(
            ["run", "qa", "--db", "qa.sqlite", "--rate", "0", "--calling-hours", "none", "--poll-interval", "100ms",
             "--max-attempts", "1"],
            timeout: .seconds(120)
        )
        try #require(run.status == 0, "\(run.allOutput)")
        let store = try CampaignDatabase.openForReading(at: bench.directory.path("qa.sqlite"))
        let campaign = try #require(try store.campaign(named: "qa"))
        let calls = try store.calls(ofCampaign: campaign.id, withStatus: "completed")
        try #require(calls.count == count)
        return calls
    }

    /// The name `recordings` gives a call's file.
    static func fileName(_ call: CampaignCall) -> String {
        "\(call.rowNumber)-91xxxxxx\(call.phoneE164.suffix(4))-\(call.callID).wav"
    }

    /// Every call's file is in `directory`, owner-only, and holds exactly the simulator's recording;
    /// no temporary file is left.
    static func expectComplete(_ calls: [CampaignCall], in directory: URL, _ bench: APIBench) async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(Set(names) == Set(calls.map(fileName)), "\(names.sorted())")
        let recordings = try await bench.recordings(calls.map(\.callID))
        for call in calls {
            let path = directory.appendingPathComponent(fileName(call)).path
            let written = try Data(contentsOf: URL(fileURLWithPath: path))
            let expected = recordings[call.callID] ?? Data()
            #expect(written == expected, "\(path): \(written.count) bytes written, \(expected.count) streamed")
            #expect(try bench.directory.mode(path) == 0o600)
        }
    }

    @Test("every answered call's recording, named row-number-call id, byte-identical; a rerun skips them")
    func downloadAll() async throws {
        try await APIBench.with(Self.simulator()) { bench in
            let calls = try await Self.runCampaign(bench, contacts: 4)
            let output = bench.directory.url.appendingPathComponent("rec")
            let first = try await bench.dialer(["recordings", "qa", "--output", "rec", "--db", "qa.sqlite", "--concurrency", "3"])
            #expect(first.status == 0, "\(first.allOutput)")
            #expect(first.standardOutput.contains("4 downloaded"))
            #expect(first.standardOutput.contains("0 already complete, 0 failed, of 4 completed calls."))
            try await Self.expectComplete(calls, in: output, bench)

            let again = try await bench.dialer(["recordings", "qa", "--output", "rec", "--db", "qa.sqlite"])
            #expect(again.status == 0, "\(again.allOutput)")
            #expect(again.standardOutput.contains("0 downloaded (0 B), 4 already complete, 0 failed"))
            try await Self.expectComplete(calls, in: output, bench)

            let none = try await bench.dialer(["recordings", "qa", "--output", "rec", "--db", "qa.sqlite", "--outcome", "busy"])
            #expect(none.status == 0)
            #expect(none.standardOutput.contains("no busy calls"))

            // A refused key stops the whole download at once with run's exit code, leaving no file.
            let refused = try await bench.dialer(
                ["recordings", "qa", "--output", "rec2", "--db", "qa.sqlite"],
                environment: ["VAANI_API_KEY": "vaani_0123456789abcdef0123456789abcdef"]
            )
            #expect(refused.status == 4, "\(refused.allOutput)")
            #expect(refused.standardError.contains("the API key was refused (401)"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: bench.directory.path("rec2")).isEmpty)

            let missing = try await bench.dialer(["recordings", "nope", "--output", "rec", "--db", "qa.sqlite"])
            #expect(missing.status == 64)
            #expect(missing.standardError.contains("No campaign named \"nope\""))
        }
    }

    @Test("a recording the API no longer has is reported for its file; the others arrive; exit 1")
    func missingRecording() async throws {
        try await APIBench.with(Self.simulator()) { bench in
            var calls = try await Self.runCampaign(bench, contacts: 4)
            // The second call's id now names a call the API does not know.
            let store = try CampaignDatabase.open(at: bench.directory.path("qa.sqlite"))
            let goneID = calls[1].callID
            try await store.writer.write { db in
                try db.execute(sql: "UPDATE attempts SET call_id = 'gone-call' WHERE call_id = ?", arguments: [goneID])
            }
            calls[1].callID = "gone-call"
            let result = try await bench.dialer(["recordings", "qa", "--output", "rec", "--db", "qa.sqlite"])
            #expect(result.status == 1, "\(result.allOutput)")
            #expect(result.standardError.contains("error: \(Self.fileName(calls[1])): not found (404): "))
            #expect(result.standardOutput.contains("3 downloaded"))
            #expect(result.standardOutput.contains("0 already complete, 1 failed, of 4 completed calls."))
            var arrived = calls
            arrived.remove(at: 1)
            try await Self.expectComplete(arrived, in: bench.directory.url.appendingPathComponent("rec"), bench)
        }
    }

    @Test("a download killed with SIGKILL and run again ends with every file complete and byte-identical")
    func killAndRerun() async throws {
        // Slow recordings (1 MB/s each) so the kill lands mid-stream.
        try await APIBench.with(Self.simulator(bytesPerSecond: 1_000_000)) { bench in
            let calls = try await Self.runCampaign(bench, contacts: 6)
            let output = bench.directory.url.appendingPathComponent("rec")
            let arguments = ["recordings", "qa", "--output", "rec", "--db", "qa.sqlite", "--concurrency", "4"]
            let first = try bench.start(arguments)
            // Kill it once some recording is complete and others are still streaming.
            let deadline = ContinuousClock.now + .seconds(60)
            var names: [String] = []
            while first.process.isRunning, ContinuousClock.now < deadline {
                names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
                if names.contains(where: { $0.hasSuffix(".wav") }), names.contains(where: { $0.hasSuffix(".part") }) { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(first.process.isRunning, "the download ended before it could be killed")
            kill(first.process.processIdentifier, SIGKILL)
            _ = try await first.finish()
            #expect(first.process.terminationReason == .uncaughtSignal)
            let left = try FileManager.default.contentsOfDirectory(atPath: output.path)
            let complete = left.filter { $0.hasSuffix(".wav") }
            #expect(left.contains { $0.hasSuffix(".part") }, "no partial file was left: \(left)")
            // Whatever has a final name is already whole.
            for name in complete {
                let call = try #require(calls.first { Self.fileName($0) == name })
                #expect(try Data(contentsOf: output.appendingPathComponent(name)) == (try await bench.recording(call.callID)))
            }

            let rerun = try await bench.dialer(arguments, timeout: .seconds(120))
            #expect(rerun.status == 0, "\(rerun.allOutput)")
            #expect(rerun.standardOutput.contains("\(complete.count) already complete, 0 failed, of 6 completed calls."))
            try await Self.expectComplete(calls, in: output, bench)
        }
    }

    @Test("recordings that break off midway are reported per file, leave nothing behind, and arrive on a rerun")
    func brokenStreams() async throws {
        try await APIBench.with(Self.simulator(breakRate: 0.5)) { bench in
            let calls = try await Self.runCampaign(bench, contacts: 8)
            let output = bench.directory.url.appendingPathComponent("rec")
            let arguments = ["recordings", "qa", "--output", "rec", "--db", "qa.sqlite"]
            let first = try await bench.dialer(arguments)
            // With half the streams breaking, the first run misses some (all eight arriving has odds of 1 in 256).
            #expect(first.status == 1, "\(first.allOutput)")
            #expect(first.standardError.contains("the recording broke off after "))
            #expect(first.standardOutput.contains("run the same command again"))
            let failed = first.standardError.split(separator: "\n").filter { $0.contains("broke off") }
            #expect(first.standardOutput.contains("\(failed.count) failed, of 8 completed calls."))
            let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
            #expect(names.count == 8 - failed.count, "\(names)")
            #expect(!names.contains { $0.hasSuffix(".part") })

            var runs = 1
            var last = first
            while last.status != 0, runs < 20 {
                last = try await bench.dialer(arguments)
                runs += 1
            }
            #expect(last.status == 0, "\(last.allOutput)")
            try await Self.expectComplete(calls, in: output, bench)
        }
    }

    @Test("every stream breaking: each file fails with its byte counts, exit 1")
    func everyStreamBreaks() async throws {
        try await APIBench.with(Self.simulator(breakRate: 1)) { bench in
            let calls = try await Self.runCampaign(bench, contacts: 3)
            let result = try await bench.dialer(["recordings", "qa", "--output", "rec", "--db", "qa.sqlite"])
            #expect(result.status == 1, "\(result.allOutput)")
            for call in calls {
                #expect(result.standardError.contains("error: \(Self.fileName(call)): the recording broke off after "))
            }
            #expect(result.standardOutput.contains("0 downloaded (0 B), 0 already complete, 3 failed, of 3 completed calls."))
            #expect(try FileManager.default.contentsOfDirectory(atPath: bench.directory.path("rec")).isEmpty)

            let one = try await bench.dialer(["recording", calls[0].callID, "--output", "one.wav"])
            #expect(one.status == 1)
            #expect(one.standardError.contains("one.wav: the recording broke off after "))
            #expect(!FileManager.default.fileExists(atPath: bench.directory.path("one.wav")))
        }
    }

    @Test(
        "a full disk: the files that fit are whole, the others are reported, exit 1",
        .enabled(if: canMountTmpfs, "skipped: a full disk is a 1 MiB tmpfs, and mounting one needs root (CAP_SYS_ADMIN)")
    )
    func fullDisk() async throws {
        try await APIBench.with(Self.simulator()) { bench in
            let calls = try await Self.runCampaign(bench, contacts: 4)
            let mountPoint = bench.directory.path("small")
            try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
            let mount = try Self.system("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint])
            try #require(mount == 0, "cannot mount a tmpfs at \(mountPoint)")
            defer { _ = try? Self.system("/usr/bin/umount", [mountPoint]) }

            let result = try await bench.dialer(["recordings", "qa", "--output", "small", "--db", "qa.sqlite", "--concurrency", "1"])
            #expect(result.status == 1, "\(result.allOutput)")
            #expect(result.standardError.contains("No space left on device"))
            #expect(result.standardError.contains("free some space, then run the command again"))
            let names = try FileManager.default.contentsOfDirectory(atPath: mountPoint)
            #expect(!names.contains { $0.hasSuffix(".part") }, "\(names)")
            #expect(names.count < calls.count)
            for name in names {
                let call = try #require(calls.first { Self.fileName($0) == name })
                #expect(try Data(contentsOf: URL(fileURLWithPath: mountPoint + "/" + name)) == (try await bench.recording(call.callID)))
            }
        }
    }

    @Test("recording CALL_ID: one file, byte-identical; a call without a recording exits 1")
    func single() async throws {
        try await APIBench.with(Self.simulator()) { bench in
            let calls = try await Self.runCampaign(bench, contacts: 1)
            let result = try await bench.dialer(["recording", calls[0].callID, "--output", "one.wav"])
            #expect(result.status == 0, "\(result.allOutput)")
            let expected = try await bench.recording(calls[0].callID)
            #expect(try Data(contentsOf: URL(fileURLWithPath: bench.directory.path("one.wav"))) == expected)
            #expect(String(decoding: expected.prefix(4), as: UTF8.self) == "RIFF")

            let missing = try await bench.dialer(["recording", "no-such-call", "--output", "two.wav"])
            #expect(missing.status == 1)
            #expect(missing.standardError.contains("not found (404)"))
            #expect(!FileManager.default.fileExists(atPath: bench.directory.path("two.wav")))
        }
    }

    /// Whether this process can mount a tmpfs (root with CAP_SYS_ADMIN), tried once on a scratch directory.
    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("tmpfs-probe-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? system("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe])) == 0 else { return false }
        return (try? system("/usr/bin/umount", [probe])) == 0
    }()

    /// Runs a system command to its end and returns its exit status.
    static func system(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
