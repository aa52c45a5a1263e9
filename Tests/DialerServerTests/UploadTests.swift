import CampaignStore
@testable import DialerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLiteStore
import Testing

/// Creating a campaign by uploading a CSV: the import summary and rejects for a good file, and a
/// clear error with nothing stored for each bad one.
@Suite("CSV upload")
struct UploadTests {
    static func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = RouteTesting.bearer
        headers[.contentType] = "text/csv"
        headers.append(contentsOf: extra)
        return headers
    }

    @Test("a CSV upload creates the campaign, imports its rows and offers the rejected ones")
    func goodUpload() async throws {
        let store = try TestStore(campaigns: [])
        defer { store.remove() }
        let csv = "name,phone,city\nAsha,9876543210,Pune\nRavi,98765 43211,Delhi\nBad,12,Nowhere\nAsha again,+919876543210,Pune\n"
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(
                uri: "/api/v1/campaigns?name=spring%20sale&agent=agent-7&region=IN", method: .post,
                headers: Self.headers(), body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let result = try RouteTesting.json(ImportResult.self, response)
                #expect(result.campaign.name == "spring sale")
                #expect(result.campaign.total == 2)
                #expect(result.counts.imported == 2)
                #expect(result.counts.rejected == 1)
                #expect(result.counts.duplicates == 1)
                #expect(result.phoneColumn == "phone")
                #expect(result.rejectsURL == "/api/v1/campaigns/spring%20sale/rejects")
            }
            try await client.execute(uri: "/api/v1/campaigns/spring%20sale/rejects", method: .get, headers: RouteTesting.bearer) {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("12"))
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"spring_sale-rejects.csv\"")
            }
        }
        let campaign = try #require(try store.database.campaign(named: "spring sale"))
        #expect(campaign.agentID == "agent-7")
        #expect(try store.database.contactCount(ofCampaign: campaign.id) == 2)
        #expect(Self.uploadsLeft(store) == 0, "the upload is removed once imported")
    }

    @Test("a file that is not CSV, not UTF-8, without a phone column or too large is refused and nothing is stored")
    func badUploads() async throws {
        let store = try TestStore(campaigns: [])
        defer { store.remove() }
        let cases: [(name: String, body: [UInt8], status: HTTPResponse.Status, code: String)] = [
            ("xlsx", [0x50, 0x4B, 0x03, 0x04] + Array("rest of a workbook".utf8), .unsupportedMediaType, "not_csv"),
            ("binary", Array("name,phone\n".utf8) + [0, 1, 2, 3], .unsupportedMediaType, "not_csv"),
            ("latin-1", Array("name,phone\nJos".utf8) + [0xE9] + Array(",9876543210\n".utf8), .unsupportedMediaType, "wrong_encoding"),
            ("utf-16", [0xFF, 0xFE] + Array("n\0a\0".utf8), .unsupportedMediaType, "wrong_encoding"),
            ("no phone", Array("name,city\nAsha,Pune\n".utf8), .unprocessableContent, "no_phone_column"),
            ("empty", [], .badRequest, "empty_upload"),
            ("too large", Array(("name,phone\n" + String(repeating: "Asha,9876543210\n", count: 200)).utf8), .contentTooLarge, "upload_too_large"),
        ]
        try await RouteTesting.withRoutes(store, maxUploadBytes: 1024) { client in
            for item in cases {
                try await client.execute(
                    uri: "/api/v1/campaigns?name=\(item.name.replacingOccurrences(of: " ", with: "-"))&agent=a&region=IN",
                    method: .post, headers: Self.headers(), body: ByteBuffer(bytes: item.body)
                ) { response in
                    #expect(response.status == item.status, "\(item.name)")
                    #expect(RouteTesting.errorCode(response) == item.code, "\(item.name)")
                    #expect(RouteTesting.errorMessage(response)?.isEmpty == false)
                }
            }
            for query in ["agent=a", "name=x", "name=a%2Fb&agent=a"] {
                try await client.execute(
                    uri: "/api/v1/campaigns?\(query)", method: .post, headers: Self.headers(),
                    body: ByteBuffer(string: "name,phone\nAsha,9876543210\n")
                ) { response in
                    #expect(response.status.code == 400 || response.status.code == 422, "\(query)")
                    #expect(RouteTesting.errorCode(response) == "invalid_parameter", "\(query)")
                }
            }
        }
        #expect(try store.database.campaigns().isEmpty)
        #expect(Self.uploadsLeft(store) == 0)
    }

    @Test("an upload into a campaign of another agent is refused")
    func agentMismatch() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 2)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(
                uri: "/api/v1/campaigns?name=alpha&agent=someone-else", method: .post, headers: Self.headers(),
                body: ByteBuffer(string: "name,phone\nAsha,+919876543210\n")
            ) { response in
                #expect(response.status == .conflict)
                #expect(RouteTesting.errorCode(response) == "campaign_agent_mismatch")
            }
            // From the dashboard, a cookie session needs its CSRF token for an upload too.
            let session = try await RouteTesting.logIn(client)
            try await client.execute(
                uri: "/api/v1/campaigns?name=beta&agent=a", method: .post,
                headers: [.cookie: session.cookie, .contentType: "text/csv"],
                body: ByteBuffer(string: "name,phone\nAsha,+919876543210\n")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/new-campaign", method: .get, headers: [.cookie: session.cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("data-upload data-csrf=\"\(session.csrf)\""))
                #expect(page.contains("type=\"file\""))
            }
        }
        #expect(try store.database.contactCount(ofCampaign: store.campaigns[0].id) == 2)
        #expect(try store.database.campaign(named: "beta") == nil)
    }

    @Test("a declared length over the limit (a 2 GB file) is refused before a byte is read")
    func declaredLengthTooLarge() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let request = Request(
            head: HTTPRequest(
                method: .post, scheme: "http", authority: "localhost", path: "/api/v1/campaigns?name=huge&agent=a",
                headerFields: [.contentLength: "2147483648", .contentType: "text/csv"]),
            body: RequestBody(buffer: ByteBuffer(string: "name,phone\n")))
        let error = await #expect(throws: APIError.self) {
            _ = try await UploadedCSV.receive(request, into: directory, limit: 256 << 20)
        }
        #expect(error?.code == "upload_too_large")
        #expect(error?.status == .contentTooLarge)
        #expect(!FileManager.default.fileExists(atPath: directory), "nothing written")
    }

    static func uploadsLeft(_ store: TestStore) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: store.directory + "/uploads").count) ?? 0
    }
}
