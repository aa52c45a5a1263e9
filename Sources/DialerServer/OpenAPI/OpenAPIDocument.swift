/// The server API's OpenAPI document, `Sources/DialerServer/openapi.yaml` word for word
/// (`scripts/embed-server-openapi.sh` writes this file; a test checks that the two agree).
enum OpenAPIDocument {
    /// The document's text.
    static let yaml = #"""
        openapi: 3.1.0
        info:
          title: Vaani Dialer server API
          version: 1.0.0
          summary: Run, watch and control the campaigns of one `vaani-dialer serve`.
          description: |
            Every request except `GET /healthz` needs the server's access token, sent as
            `Authorization: Bearer TOKEN` (the token is printed when the server first starts and kept in a
            file readable by its owner only, beside the database). A browser logs in once at `/login` and then
            uses an HttpOnly, SameSite=Strict session cookie; a cookie-authenticated request that changes
            anything must come from the dashboard's own origin and carry the session's CSRF token in an
            `X-CSRF-Token` header.

            Errors are JSON objects `{"error": {"code": "...", "message": "..."}}`. Codes are stable:
            `unauthorized`, `csrf_failed`, `not_found`, `campaign_not_found`, `contact_not_found`,
            `invalid_parameter`, `invalid_body`, `invalid_settings`, `invalid_state`, `state_contended`,
            `store_unavailable`, `shutting_down`, `report_failed`, `payload_too_large`, `internal_error`,
            `upload_too_large`, `not_csv`, `wrong_encoding`, `empty_upload`, `no_phone_column`, `column_not_found`,
            `invalid_csv`, `import_stopped`, `campaign_agent_mismatch`, `no_rejects`.
          license:
            name: Proprietary
        servers:
          - url: http://127.0.0.1:8080
        security:
          - bearer: []
          - session: []
        tags:
          - name: campaigns
          - name: contacts
          - name: operations
        paths:
          /healthz:
            get:
              tags: [operations]
              operationId: health
              summary: Whether the process answers (no token needed).
              security: []
              responses:
                '200':
                  description: The server is up.
                  content:
                    text/plain:
                      schema: {type: string, example: "ok\n"}
          /readyz:
            get:
              tags: [operations]
              operationId: readiness
              summary: Whether the store answers and the server is not shutting down.
              responses:
                '200':
                  description: Ready.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status]
                        properties:
                          status: {type: string, const: ready}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '503': {$ref: '#/components/responses/Error'}
          /metrics:
            get:
              tags: [operations]
              operationId: metrics
              summary: Every metric in the Prometheus text format.
              description: |
                `vaani_dialer_calls_placed_total{campaign}`, `vaani_dialer_call_outcomes_total{campaign,outcome}`,
                `vaani_dialer_requests_in_flight{campaign}`, `vaani_dialer_active_calls{campaign}`,
                `vaani_dialer_rate_limited_total{campaign}`, `vaani_dialer_contacts{campaign,state}`,
                `vaani_dialer_call_duration_seconds`, `vaani_dialer_api_request_duration_seconds{operation,status}`,
                `vaani_dialer_webhook_deliveries_total{result}` and `vaani_dialer_running_campaigns`.
              responses:
                '200':
                  description: The metrics.
                  content:
                    text/plain:
                      schema: {type: string}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '503': {$ref: '#/components/responses/Error'}
          /api/v1/openapi.yaml:
            get:
              tags: [operations]
              operationId: openAPIDocument
              summary: This document.
              responses:
                '200':
                  description: The OpenAPI document.
                  content:
                    application/yaml:
                      schema: {type: string}
                '401': {$ref: '#/components/responses/Unauthorized'}
          /api/v1/campaigns:
            get:
              tags: [campaigns]
              operationId: listCampaigns
              summary: Every campaign, oldest first, with its live numbers.
              responses:
                '200':
                  description: The campaigns.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [campaigns]
                        properties:
                          campaigns:
                            type: array
                            items: {$ref: '#/components/schemas/Campaign'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '503': {$ref: '#/components/responses/Error'}
            post:
              tags: [campaigns]
              operationId: createCampaignByUpload
              summary: Import a CSV of contacts into a campaign, created when new.
              description: |
                The body is the CSV file itself (UTF-8, `,` `;` tab or `|` separated, a header line with a phone
                column), streamed to disk on the server and imported as `vaani-dialer import` does. A file that
                is too large (`upload_too_large`), not CSV (`not_csv`), not UTF-8 (`wrong_encoding`) or has no
                phone column (`no_phone_column`) is refused and nothing is stored.
              parameters:
                - {name: name, in: query, required: true, description: The campaign's name., schema: {type: string}}
                - {name: agent, in: query, required: true, description: The Vaani agent that places the calls., schema: {type: string}}
                - {name: region, in: query, description: 'Default region for national numbers, e.g. IN.', schema: {type: string}}
                - {name: phone_column, in: query, schema: {type: string}}
                - {name: name_column, in: query, schema: {type: string}}
              requestBody:
                required: true
                content:
                  text/csv:
                    schema: {type: string}
              responses:
                '201':
                  description: Imported.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ImportResult'}
                '400': {$ref: '#/components/responses/Error'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '403': {$ref: '#/components/responses/Error'}
                '409': {$ref: '#/components/responses/Error'}
                '413': {$ref: '#/components/responses/Error'}
                '415': {$ref: '#/components/responses/Error'}
                '422': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/rejects:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            get:
              tags: [contacts]
              operationId: downloadRejects
              summary: The rows the last import could not use, with line, column and reason.
              responses:
                '200':
                  description: The rejects file.
                  content:
                    text/csv:
                      schema: {type: string}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '404': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            get:
              tags: [campaigns]
              operationId: campaignStatus
              summary: One campaign's live view and stored status.
              responses:
                '200':
                  description: The campaign.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [campaign, summary]
                        properties:
                          campaign: {$ref: '#/components/schemas/Campaign'}
                          summary: {$ref: '#/components/schemas/StatusSummary'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '404': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/start:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            post:
              tags: [campaigns]
              operationId: startCampaign
              summary: Store settings and mark the campaign running; the server starts dialing within a second.
              description: |
                The server's own run options (`serve --rate`, `--concurrency`, …) apply first, then the fields
                of the body. A paused campaign starts again; a running one stays running.
              requestBody:
                required: false
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/StartSettings'}
              responses:
                '200': {$ref: '#/components/responses/Action'}
                '400': {$ref: '#/components/responses/Error'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '403': {$ref: '#/components/responses/Error'}
                '404': {$ref: '#/components/responses/Error'}
                '409': {$ref: '#/components/responses/Error'}
                '422': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/pause:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            post:
              tags: [campaigns]
              operationId: pauseCampaign
              summary: Stop starting calls; calls in flight finish.
              responses:
                '200': {$ref: '#/components/responses/Action'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '403': {$ref: '#/components/responses/Error'}
                '404': {$ref: '#/components/responses/Error'}
                '409': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/resume:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            post:
              tags: [campaigns]
              operationId: resumeCampaign
              summary: Mark a paused campaign running again.
              responses:
                '200': {$ref: '#/components/responses/Action'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '403': {$ref: '#/components/responses/Error'}
                '404': {$ref: '#/components/responses/Error'}
                '409': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/cancel:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            post:
              tags: [campaigns]
              operationId: cancelCampaign
              summary: End the campaign for good; contacts still waiting become cancelled.
              responses:
                '200': {$ref: '#/components/responses/Action'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '403': {$ref: '#/components/responses/Error'}
                '404': {$ref: '#/components/responses/Error'}
                '409': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/contacts:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            get:
              tags: [contacts]
              operationId: listContacts
              summary: One page of contacts in import order, searched and filtered.
              parameters:
                - name: q
                  in: query
                  description: Text the name, number (digits, however typed) or latest summary contains.
                  schema: {type: string}
                - name: status
                  in: query
                  description: Keep only contacts in this stored state.
                  schema: {$ref: '#/components/schemas/ContactState'}
                - name: page
                  in: query
                  schema: {type: integer, minimum: 1, default: 1}
                - name: per_page
                  in: query
                  schema: {type: integer, minimum: 1, maximum: 500, default: 50}
              responses:
                '200':
                  description: The page.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ContactPage'}
                '400': {$ref: '#/components/responses/Error'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '404': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/contacts/{id}:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
              - name: id
                in: path
                required: true
                schema: {type: integer, format: int64, minimum: 1}
            get:
              tags: [contacts]
              operationId: contactDetail
              summary: One contact with every attempt, its transcripts and summaries.
              responses:
                '200':
                  description: The contact.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ContactDetail'}
                '400': {$ref: '#/components/responses/Error'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '404': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/export/{format}:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
              - name: format
                in: path
                required: true
                schema: {type: string, enum: [csv, jsonl, html]}
            get:
              tags: [contacts]
              operationId: exportReport
              summary: The campaign's report as a download (CSV, JSON Lines or one HTML page).
              responses:
                '200':
                  description: The report, streamed.
                  content:
                    text/csv:
                      schema: {type: string}
                    application/jsonl:
                      schema: {type: string}
                    text/html:
                      schema: {type: string}
                '400': {$ref: '#/components/responses/Error'}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '404': {$ref: '#/components/responses/Error'}
          /api/v1/campaigns/{name}/events:
            parameters:
              - $ref: '#/components/parameters/CampaignName'
            get:
              tags: [campaigns]
              operationId: campaignEvents
              summary: Server-Sent Events with the campaign's view whenever it changes.
              description: |
                Each event is `event: campaign` with a `Campaign` object as its JSON `data`; a comment line
                keeps an idle stream open every 15 s. The stream ends when the server shuts down.
              responses:
                '200':
                  description: The event stream.
                  content:
                    text/event-stream:
                      schema: {type: string}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '404': {$ref: '#/components/responses/Error'}
        components:
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
              description: The server's access token.
            session:
              type: apiKey
              in: cookie
              name: vaani_session
              description: The dashboard's session, from `POST /login` with the form field `token`.
          parameters:
            CampaignName:
              name: name
              in: path
              required: true
              description: The campaign's name, percent-encoded.
              schema: {type: string}
          responses:
            Unauthorized:
              description: No token, a wrong token, or an expired session.
              headers:
                WWW-Authenticate:
                  schema: {type: string}
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Error'}
            Error:
              description: An error with a stable code.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Error'}
            Action:
              description: What the action did, and the campaign now.
              content:
                application/json:
                  schema:
                    type: object
                    required: [campaign, previous_state, state, changed, cancelled_contacts]
                    properties:
                      campaign: {$ref: '#/components/schemas/Campaign'}
                      previous_state: {type: string, example: running}
                      state: {type: string, example: 'paused: paused by user'}
                      changed: {type: boolean}
                      cancelled_contacts: {type: integer}
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message]
                  properties:
                    code: {type: string, example: campaign_not_found}
                    message: {type: string}
            ContactState:
              type: string
              enum: [pending, dialing, unknown, in_call, retry_wait, completed, no_answer, busy, failed, voicemail, invalid,
                dnd, suppressed, cancelled]
            StartSettings:
              type: object
              additionalProperties: false
              properties:
                concurrency: {type: integer, minimum: 1}
                max_active: {type: integer, minimum: 0}
                rate: {type: number, minimum: 0}
                max_attempts: {type: integer, minimum: 1}
                calling_hours: {type: string, example: '09:00-21:00'}
                days: {type: string, example: mon-sat}
                timezone: {type: string, example: Asia/Kolkata}
                outbound_number: {type: string}
                test_mode: {type: boolean}
                retry_delay:
                  type: object
                  description: Redial delay per outcome (no_answer, busy, failed, voicemail) like 30m, or never.
                  additionalProperties: {type: string}
            Campaign:
              type: object
              required: [name, agent_id, state, phase, phase_kind, total, done, progress, requests_in_flight, active_calls,
                calls_per_second, placed_this_run, rate_limited_this_run, calls_placed, contacts_by_state,
                attempts_by_outcome, cost, pace_history]
              properties:
                name: {type: string}
                agent_id: {type: string}
                state: {type: string, enum: [ready, running, paused, completed, cancelled]}
                pause_reason: {type: string}
                phase: {type: string, example: 'rate limited — resuming in 3 s'}
                phase_kind: {type: string, enum: [dialing, waiting, rate_limited, paused, stopped, done, error]}
                total: {type: integer}
                done: {type: integer}
                progress: {type: number, minimum: 0, maximum: 1}
                requests_in_flight: {type: integer}
                active_calls: {type: integer}
                calls_per_second: {type: number}
                placed_this_run: {type: integer}
                rate_limited_this_run: {type: integer}
                pace_limit: {type: number}
                calls_placed: {type: integer}
                contacts_by_state:
                  type: object
                  additionalProperties: {type: integer}
                attempts_by_outcome:
                  type: object
                  additionalProperties: {type: integer}
                answer_rate: {type: number}
                cost: {type: number}
                eta_seconds: {type: number}
                next_redial_at: {type: string, format: date-time}
                pace_history:
                  type: array
                  items: {type: number}
            StatusSummary:
              type: object
              description: The stored status, as `vaani-dialer status --json` prints it.
              additionalProperties: true
              properties:
                campaign: {type: string}
                state: {type: string}
                contacts: {type: integer}
                finished_contacts: {type: integer}
                calls_placed: {type: integer}
                answer_rate: {type: number}
                cost: {type: number}
                next_step: {type: string}
            ImportResult:
              type: object
              required: [campaign, counts, rejected_by_reason, phone_column, name_column, warnings]
              properties:
                campaign: {$ref: '#/components/schemas/Campaign'}
                counts:
                  type: object
                  required: [rows, imported, rejected, duplicates, suppressed]
                  properties:
                    rows: {type: integer}
                    imported: {type: integer}
                    rejected: {type: integer}
                    duplicates: {type: integer}
                    suppressed: {type: integer}
                rejected_by_reason:
                  type: array
                  items:
                    type: object
                    required: [reason, count]
                    properties:
                      reason: {type: string}
                      count: {type: integer}
                rejects_url: {type: string}
                phone_column: {type: string}
                name_column: {type: string}
                warnings:
                  type: array
                  items: {type: string}
            ContactRow:
              type: object
              required: [id, row_number, name, phone, status, attempts]
              properties:
                id: {type: integer, format: int64}
                row_number: {type: integer}
                name: {type: string}
                phone: {type: string, description: E.164}
                status: {$ref: '#/components/schemas/ContactState'}
                attempts: {type: integer}
                call_status: {type: string}
                duration_seconds: {type: number}
                disposition: {type: string}
                summary: {type: string}
                error: {type: string}
            ContactPage:
              type: object
              required: [contacts, page, per_page, total, pages]
              properties:
                contacts:
                  type: array
                  items: {$ref: '#/components/schemas/ContactRow'}
                page: {type: integer}
                per_page: {type: integer}
                total: {type: integer}
                pages: {type: integer}
            ContactDetail:
              type: object
              required: [contact, attempts]
              properties:
                contact:
                  type: object
                  required: [id, row_number, name, phone, status, attempts, variables]
                  properties:
                    id: {type: integer, format: int64}
                    row_number: {type: integer}
                    name: {type: string}
                    phone: {type: string}
                    status: {$ref: '#/components/schemas/ContactState'}
                    attempts: {type: integer}
                    region: {type: string}
                    time_zone: {type: string}
                    next_attempt_at: {type: string, format: date-time}
                    last_error: {type: string}
                    variables: {type: string, description: JSON object text}
                attempts:
                  type: array
                  items:
                    type: object
                    required: [number, id, started_at]
                    properties:
                      number: {type: integer}
                      id: {type: string, format: uuid}
                      started_at: {type: string, format: date-time}
                      ended_at: {type: string, format: date-time}
                      call_id: {type: string}
                      outcome: {type: string}
                      call_status: {type: string}
                      duration_seconds: {type: number}
                      summary: {type: string}
                      disposition: {type: string}
                      entities: {type: string, description: JSON object text}
                      cost: {type: number}
                      transcript: {type: string}
                      error: {type: string}
        """#
}
