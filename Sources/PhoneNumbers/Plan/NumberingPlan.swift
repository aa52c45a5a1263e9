/// Every territory's numbering plan, loaded once from ``NumberingPlanData``.
struct NumberingPlan: Sendable {
    /// The plan of this build, compiled on first use.
    static let shared: NumberingPlan = {
        do {
            return try NumberingPlan(
                territories: NumberingPlanData.territories,
                callingCodes: NumberingPlanData.callingCodes,
                geographicMobileCodes: NumberingPlanData.geographicMobileCallingCodes
            )
        } catch {
            // The data is generated and committed with the code and covered by the tests: if it
            // cannot be read the build itself is broken, not any input.
            preconditionFailure("\(error)")
        }
    }()

    /// All territories.
    let territories: [Territory]
    /// Region code (upper case) to territory index.
    let territoryByRegion: [String: Int]
    /// Calling code (0–999) to its territories in libphonenumber's order; the first is the main one.
    let territoriesByCallingCode: [[Int]]
    /// Calling codes whose mobile numbers are tied to a geographic area.
    let geographicMobileCodes: Set<Int>

    init(territories: String, callingCodes: String, geographicMobileCodes: String) throws(NumberingPlanDataError) {
        var loaded: [Territory] = []
        for line in territories.split(separator: "\n") {
            loaded.append(try Territory(line: line))
        }
        var byRegion: [String: Int] = [:]
        var nonGeographic: [Int: Int] = [:]
        for (index, territory) in loaded.enumerated() {
            if territory.id == "001" {
                nonGeographic[territory.countryCode] = index
            } else {
                byRegion[territory.id] = index
            }
        }
        var byCode = [[Int]](repeating: [], count: 1000)
        for line in callingCodes.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let code = Int(fields[0]), (1..<1000).contains(code) else {
                throw NumberingPlanDataError(line: String(line), message: "malformed calling code line")
            }
            byCode[code] = fields[1].split(separator: ",").compactMap { region in
                region == "001" ? nonGeographic[code] : byRegion[String(region)]
            }
        }
        self.territories = loaded
        self.territoryByRegion = byRegion
        self.territoriesByCallingCode = byCode
        self.geographicMobileCodes = Set(geographicMobileCodes.split(separator: ",").compactMap { Int($0) })
    }

    /// The main territory of a calling code, if the code is assigned.
    func mainTerritory(forCallingCode code: Int) -> Int? {
        guard (1..<1000).contains(code) else { return nil }
        return territoriesByCallingCode[code].first
    }
}
