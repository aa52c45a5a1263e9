import Foundation
import Testing

@testable import Webhooks

@Suite("Webhook endpoints")
struct WebhookEndpointTests {
    private let secret = WebhookSecret.generate()

    @Test(
        "https anywhere, http to this machine",
        arguments: [
            "https://crm.example.com/hooks/vaani?token=abc", "http://localhost:8080/hook", "http://127.0.0.1:9/x",
            "http://127.10.0.2/", "http://[::1]:8080/hook", "http://api.localhost/hook", "HTTPS://CRM.EXAMPLE.COM/",
        ]
    )
    func accepted(url: String) throws {
        let endpoint = try WebhookEndpoint(url: url, secrets: [secret])
        #expect(endpoint.url.absoluteString == url)
    }

    @Test(
        "Plain http to another machine is refused with the product's message, unless allowed",
        arguments: [
            ("http://crm.example.com/hooks/vaani?token=abc", "crm.example.com", "http://crm.example.com/…"),
            ("http://127.0.0.1.evil.com/hook", "127.0.0.1.evil.com", "http://127.0.0.1.evil.com/…"),
            ("http://10.0.0.8:8080", "10.0.0.8", "http://10.0.0.8:8080/"),
            ("http://128.0.0.1/", "128.0.0.1", "http://128.0.0.1/"),
            ("http://127.0.0.256/x", "127.0.0.256", "http://127.0.0.256/…"),
        ]
    )
    func refused(url: String, host: String, shown: String) throws {
        let error = #expect(throws: WebhookError.self) { try WebhookEndpoint(url: url, secrets: [secret]) }
        #expect(error == .insecureURL)
        #expect(
            error?.message
                == "--webhook-url \(shown): refusing to send contacts' numbers and call results unencrypted to \(host) "
                + "over plain http://. Use https://, or pass --allow-insecure if this network is trusted."
        )
        #expect(try WebhookEndpoint(url: url, secrets: [secret], allowInsecure: true).url.absoluteString == url)
    }

    @Test("Not a URL, another scheme or no secret: refused, without echoing the URL's path")
    func invalid() {
        let notURL = #expect(throws: WebhookError.self) {
            try WebhookEndpoint(url: "crm.example.com/hook", secrets: [secret], origin: "webhook_url")
        }
        #expect(notURL == .invalidURL)
        #expect(notURL?.message == "webhook_url: not a URL like https://crm.example.com/hooks/vaani")
        let otherScheme = #expect(throws: WebhookError.self) {
            try WebhookEndpoint(url: "ftp://crm.example.com/secret-path", secrets: [secret], allowInsecure: true)
        }
        #expect(
            otherScheme?.message
                == "--webhook-url ftp://crm.example.com/…: the scheme must be https (or http to this machine), not ftp"
        )
        #expect(throws: WebhookError.invalidSecret) { try WebhookEndpoint(url: "https://crm.example.com", secrets: []) }
    }

    @Test("Its description shows where it is, never its path, query or secrets")
    func description() throws {
        let endpoint = try WebhookEndpoint(url: "https://hooks.example.com:8443/T0/B1/xyzSECRET?k=v", secrets: [secret])
        #expect(endpoint.description == "https://hooks.example.com:8443/…")
        #expect(try WebhookEndpoint(url: "http://[::1]:8080", secrets: [secret]).description == "http://[::1]:8080/")
    }
}
