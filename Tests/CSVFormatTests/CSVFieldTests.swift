import Testing

import CSVFormat

@Suite("CSV fields")
struct CSVFieldTests {
    private func field(_ text: String) -> String {
        var buffer: [UInt8] = []
        CSVField.append(text, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test(
        "Cells a spreadsheet would run as formulas get a leading quote",
        arguments: [
            ("=1+2", "'=1+2"),
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "\"'\rcmd\""),
            ("+cmd", "'+cmd"),
            ("-cmd", "'-cmd"),
            ("+", "'+"),
            ("-", "'-"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("+1+1", "'+1+1"),
        ]
    )
    func neutralizesFormulas(input: String, expected: String) {
        #expect(field(input) == expected)
    }

    @Test(
        "Numbers, E.164 phone numbers and ordinary text stay readable",
        arguments: [
            "+919876543210", "+14155550100", "-12.5", "-3", "+0.25", "42", "Asha Rao", "a=b", "x@y.com", "",
        ]
    )
    func leavesSafeCellsAlone(input: String) {
        #expect(field(input) == input)
    }

    @Test("Delimiters, quotes and line breaks are quoted with quotes doubled")
    func quotes() {
        #expect(field("London, UK") == "\"London, UK\"")
        #expect(field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(field("line1\nline2") == "\"line1\nline2\"")
        #expect(field("a\r\nb") == "\"a\r\nb\"")
    }

    @Test("Unicode passes through byte for byte")
    func unicode() {
        #expect(field("José Müller 😀") == "José Müller 😀")
        #expect(field("नमस्ते, दुनिया") == "\"नमस्ते, दुनिया\"")
    }
}
