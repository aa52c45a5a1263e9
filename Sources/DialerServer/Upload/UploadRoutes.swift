import CampaignReports
import CampaignStore
import Foundation
import Hummingbird

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `POST /api/v1/campaigns?name=&agent=[&region=&phone_column=&name_column=]` with a CSV body creates
/// a campaign (or adds to one) by upload; `GET /api/v1/campaigns/{name}/rejects` downloads the rows it
/// could not import.
struct UploadRoutes {
    let desk: CampaignDesk
    let limit: Int

    func register(on router: RouterGroup<DialerRequestContext>) {
        router.post("api/v1/campaigns") { request, _ in
            let fields = FormFields(request.uri.query ?? "")
            func field(_ name: String) -> String? {
                fields[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let name = field("name") else {
                throw APIError.invalidParameter("name", "give the campaign's name as ?name=")
            }
            let target = CampaignDesk.UploadTarget(
                campaign: name, agentID: field("agent") ?? "", region: field("region"),
                phoneColumn: field("phone_column"), nameColumn: field("name_column"))
            let result = try await desk.importUpload(request, target: target, limit: limit)
            return JSONResponse.make(result, status: .created)
        }
        router.get("api/v1/campaigns/:name/rejects") { _, context in
            let name = try APIRoutes.name(context)
            let path = try await desk.rejectsFile(name)
            // The rejects file stays; stream a copy's descriptor.
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw APIError(.notFound, code: "no_rejects", message: "No rejected rows.") }
            return ExportFile.stream(descriptor: descriptor, contentType: "text/csv; charset=utf-8", fileName: Campaign.fileStem(ofName: name) + "-rejects.csv")
        }
    }
}
