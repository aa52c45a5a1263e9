public import Foundation

extension VaaniConfiguration {
    /// A configuration from the environment: the key from `VAANI_API_KEY`, else from the file named by
    /// `VAANI_API_KEY_FILE` (one key, at most 4 KiB; keep it `chmod 600`), and `VAANI_BASE_URL` (optional).
    /// - Parameter environment: The variables to read; the process's environment by default.
    /// - Throws: ``VaaniError`` of kind `validation` when the key is missing, its file cannot be read, or
    ///   the URL is not an `http`/`https` URL. No message contains the key.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(VaaniError) -> VaaniConfiguration {
        let apiKey: String
        if let direct = environment["VAANI_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !direct.isEmpty {
            apiKey = direct
        } else if let path = environment["VAANI_API_KEY_FILE"], !path.isEmpty {
            apiKey = try readKeyFile(path)
        } else {
            throw VaaniError(
                kind: .validation,
                message: "VAANI_API_KEY is not set; export your Vaani API key (vaani_…), or name a file holding it "
                    + "in VAANI_API_KEY_FILE",
                requestMayHaveBeenSent: false
            )
        }
        var configuration = VaaniConfiguration(apiKey: apiKey)
        if let text = environment["VAANI_BASE_URL"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host != nil
            else {
                throw VaaniError(
                    kind: .validation,
                    message: "VAANI_BASE_URL is not an http(s) URL: \"\(text)\"",
                    requestMayHaveBeenSent: false
                )
            }
            configuration.baseURL = url
        }
        return configuration
    }

    /// The key in the file at `path`: its whole text, trimmed, which must be one short line.
    private static func readKeyFile(_ path: String) throws(VaaniError) -> String {
        let limit = 4096
        func failure(_ problem: String) -> VaaniError {
            VaaniError(kind: .validation, message: "VAANI_API_KEY_FILE \(path): \(problem)", requestMayHaveBeenSent: false)
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)
                .flatMap { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : nil }
            throw failure("cannot read the API key file: \(reason ?? "not a readable file")")
        }
        guard data.count <= limit else { throw failure("more than \(limit) bytes; an API key file holds one key") }
        let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw failure("the file is empty; put your Vaani API key (vaani_…) in it") }
        guard key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw failure("the key has a space, control or non-ASCII character; the file must hold only the key")
        }
        return key
    }
}
