import Foundation
import Hummingbird
import ShowroomCore
import ShowroomStorage

/// `GET /openapi.json`: the collection API described in OpenAPI 3.1, so an app, a mini-program or a contract
/// checker (schemathesis, `scripts/api-contract.sh`) knows every endpoint, field and answer.
enum OpenAPIDocument {
    /// The description, as served.
    static let json: String = """
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Showroom collection service",
        "version": "\(ShowroomVersion.current)",
        "description": "Tracking events, test-drive bookings, counted downloads, health, metrics and the lead export of a Showroom fleet. See docs/collector.md."
      },
      "paths": {
        "/events": {
          "post": {
            "operationId": "postEvents",
            "summary": "Store 1 to \(EventRules.maxBatch) tracking events from a fleet page, the app or a mini-program.",
            "parameters": [{"$ref": "#/components/parameters/Origin"}],
            "requestBody": {"required": true, "content": {
              "text/plain": {"schema": {"$ref": "#/components/schemas/EventBatch"}},
              "application/json": {"schema": {"$ref": "#/components/schemas/EventBatch"}}
            }},
            "responses": {
              "204": {"description": "Stored (committed) before the answer."},
              "400": {"$ref": "#/components/responses/Refused"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "429": {"$ref": "#/components/responses/TooMany"},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          },
          "options": {
            "operationId": "preflightEvents",
            "summary": "CORS preflight.",
            "parameters": [{"$ref": "#/components/parameters/Origin"}],
            "responses": {"204": {"description": "Allowed."}, "403": {"$ref": "#/components/responses/Forbidden"},
                          "429": {"$ref": "#/components/responses/TooMany"}}
          }
        },
        "/bookings": {
          "post": {
            "operationId": "postBooking",
            "summary": "A test-drive booking: the form as JSON (answered in JSON) or form-encoded (answered with a page or a redirect).",
            "parameters": [{"$ref": "#/components/parameters/Origin"}],
            "requestBody": {"required": true, "content": {
              "application/json": {"schema": {"$ref": "#/components/schemas/Booking"}},
              "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/Booking"}}
            }},
            "responses": {
              "200": {"description": "Booked (or a repeat of a booking): the dealer who will call.", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/BookingAnswer"}}}},
              "204": {"description": "Taken (a form post without a dealer to name)."},
              "303": {"description": "Booked by a form post: the thank-you page.", "headers": {"Location": {"schema": {"type": "string"}}}},
              "400": {"description": "Refused, saying which field is wrong.", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/BookingAnswer"}}, "text/html": {"schema": {"type": "string"}}}},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "429": {"$ref": "#/components/responses/TooMany"},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          },
          "options": {
            "operationId": "preflightBookings",
            "summary": "CORS preflight.",
            "parameters": [{"$ref": "#/components/parameters/Origin"}],
            "responses": {"204": {"description": "Allowed."}, "403": {"$ref": "#/components/responses/Forbidden"},
                          "429": {"$ref": "#/components/responses/TooMany"}}
          }
        },
        "/bookings/thanks": {
          "get": {
            "operationId": "bookingThanks",
            "summary": "The thank-you page after a form post.",
            "parameters": [
              {"name": "site", "in": "query", "schema": {"type": "string"}},
              {"name": "dealer", "in": "query", "schema": {"type": "string"}},
              {"name": "model", "in": "query", "schema": {"type": "string"}},
              {"name": "page", "in": "query", "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}},
                          "404": {"$ref": "#/components/responses/NotFound"}}
          }
        },
        "/dl/{asset}": {
          "get": {
            "operationId": "download",
            "summary": "Counts a download of a library asset and redirects to the file on the site.",
            "parameters": [
              {"name": "asset", "in": "path", "required": true, "schema": {"type": "string"}},
              {"name": "site", "in": "query", "schema": {"type": "string"}},
              {"name": "page", "in": "query", "schema": {"type": "string"}},
              {"name": "v", "in": "query", "description": "The visitor id.", "schema": {"type": "string"}}
            ],
            "responses": {"302": {"description": "To the file.", "headers": {"Location": {"schema": {"type": "string"}}}},
                          "404": {"$ref": "#/components/responses/NotFound"},
                          "429": {"$ref": "#/components/responses/TooMany"},
                          "503": {"$ref": "#/components/responses/Unavailable"}}
          }
        },
        "/healthz": {
          "get": {
            "operationId": "health",
            "summary": "Whether the store answers.",
            "responses": {"200": {"description": "ok", "content": {"text/plain": {"schema": {"type": "string"}}}},
                          "503": {"description": "The store does not answer, and why.", "content": {"text/plain": {"schema": {"type": "string"}}}}}
          }
        },
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics.",
            "responses": {"200": {"description": "Text exposition format.", "content": {"text/plain": {"schema": {"type": "string"}}}}}
          }
        },
        "/leads/export": {
          "get": {
            "operationId": "exportLeads",
            "summary": "Leads since a day or time, for the dealers' CRM (only when the collector has a leads token).",
            "security": [{"leadsToken": []}],
            "parameters": [
              {"name": "since", "in": "query", "required": true, "schema": {"type": "string"}, "example": "2026-03-15"},
              {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "json"]}}
            ],
            "responses": {"200": {"description": "The leads.", "content": {"text/csv": {"schema": {"type": "string"}},
                                                                              "application/json": {"schema": {}}}},
                          "400": {"$ref": "#/components/responses/Refused"},
                          "401": {"description": "No or a wrong token."},
                          "404": {"$ref": "#/components/responses/NotFound"},
                          "429": {"$ref": "#/components/responses/TooMany"},
                          "503": {"$ref": "#/components/responses/Unavailable"}}
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "This description.",
            "responses": {"200": {"description": "OpenAPI 3.1.", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
      },
      "components": {
        "securitySchemes": {"leadsToken": {"type": "http", "scheme": "bearer"}},
        "parameters": {
          "Origin": {"name": "Origin", "in": "header", "description": "The page's origin: a fleet site's (apps send none).",
                     "schema": {"type": "string"}}
        },
        "schemas": {
          "Event": {
            "type": "object",
            "required": ["site", "type", "page"],
            "properties": {
              "site": {"type": "string", "description": "A site id of the fleet."},
              "type": {"type": "string", "enum": [\(EventType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]},
              "page": {"type": "string", "description": "The page's path, starting with /.", "maxLength": \(EventRules.maxPageLength)},
              "visitor": {"type": "string", "pattern": "^[A-Za-z0-9_-]{16,64}$",
                          "description": "The snippet's first-party id, or an app's own in the same format; left out without consent."},
              "ts": {"type": "number", "description": "Milliseconds since 1970 by the visitor's clock, within a day of now."},
              "source": {"type": "string", "enum": [\(EventSource.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))], "default": "web"},
              "asset": {"type": "string", "description": "The asset id of a download_click."},
              "url": {"type": "string", "description": "The target of an outbound_click."},
              "step": {"type": "string"},
              "field": {"type": "string"},
              "ref": {"type": "string", "description": "On a landing page view: the referrer's host, empty for none."},
              "utm_source": {"type": "string"}, "utm_medium": {"type": "string"}, "utm_campaign": {"type": "string"},
              "utm_content": {"type": "string"}, "utm_term": {"type": "string"},
              "click": {"type": "string", "description": "A click-id parameter and its value, gclid=…"}
            }
          },
          "EventBatch": {
            "oneOf": [{"$ref": "#/components/schemas/Event"},
                      {"type": "array", "minItems": 1, "maxItems": \(EventRules.maxBatch), "items": {"$ref": "#/components/schemas/Event"}}]
          },
          "Booking": {
            "type": "object",
            "required": ["site", "model", "name", "phone", "consent"],
            "properties": {
              "site": {"type": "string"}, "page": {"type": "string"}, "model": {"type": "string"},
              "name": {"type": "string"}, "phone": {"type": "string"}, "city": {"type": "string"},
              "consent": {"type": ["string", "boolean"]}, "consentVersion": {"type": "string"},
              "visitor": {"type": "string"}, "website": {"type": "string", "description": "Left empty by people."}
            }
          },
          "BookingAnswer": {
            "type": "object",
            "required": ["ok"],
            "properties": {
              "ok": {"type": "boolean"}, "repeated": {"type": "boolean"},
              "dealer": {"type": "object"},
              "errors": {"type": "array", "items": {"type": "object", "properties": {
                "field": {"type": ["string", "null"]}, "message": {"type": "string"}}}}
            }
          },
          "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {"message": {"type": "string"}}}}}
        },
        "responses": {
          "Refused": {"description": "Refused, saying what is wrong.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Forbidden": {"description": "Not from a fleet site's page.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such thing.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "TooLarge": {"description": "The body is too large (the answer may have no body: the server stops reading)."},
          "TooMany": {"description": "Too many requests from this client; try again after Retry-After.",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unavailable": {"description": "The store cannot take it now; nothing was stored.",
                          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    }
    """

    /// The answer to `GET /openapi.json`.
    static func response() -> Response {
        var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
        response.headers[.contentType] = "application/json; charset=utf-8"
        return response
    }
}
