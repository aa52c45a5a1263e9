/// SplitMix64 (Steele, Lea & Flood 2014), written out because the standard library's
/// `SystemRandomNumberGenerator` cannot be seeded: the simulator must give the same outcomes for
/// the same seed on every run and platform. It is tiny, fast and passes BigCrush, which is all
/// a simulation needs.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Seeds from several values, so independent streams (per number, per attempt) do not overlap.
    init(mixing parts: UInt64...) {
        var generator = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        var state: UInt64 = 0
        for part in parts {
            generator.state ^= part
            state = generator.next()
        }
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in `0..<1`.
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// FNV-1a over UTF-8: a stable hash (unlike `Hasher`, which is seeded per process) for deriving
/// per-number random streams.
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
