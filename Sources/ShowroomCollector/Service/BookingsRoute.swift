import Foundation
import Hummingbird
import Logging
import ShowroomCore
import ShowroomStorage

/// `POST /bookings`: the test-drive form. Validates every field, normalises the number, routes the lead to a
/// dealer, and answers success only once the lead is committed to the store.
///
/// A plain form POST (no JavaScript) is answered with `303 See Other` to the thank-you page
/// (`GET /bookings/thanks`), in the site's own look when its build wrote the frame (`BookingAnswerFrame`), with the
/// address the form was sent from (`from`, checked) so its links lead back there, in a preview as in production;
/// a JSON request (the form's script) with JSON naming the dealer. Neither the name nor
/// the number is ever logged: the log line says which site, model and dealer, and what happened.
struct BookingsRoute: Sendable {
    let store: any Store
    let fleet: Fleet
    let metrics: CollectorMetrics
    /// The same number booking the same model again within this window is the same lead.
    let dedupeWindow: TimeInterval
    /// The build output, where each site's `BookingAnswerFrame` is.
    let publicFolder: URL
    /// Whether pages served from this machine count as a site's own address (`showroom serve`, `--allow-loopback-origins`).
    let allowsLoopbackOrigins: Bool

    func receive(_ request: Request, context: CollectorRequestContext) async throws -> Response {
        let body = try await request.collectBody(context: context, metrics: metrics) { "a booking may carry at most \($0) KB" }
        let contentType = request.headers[.contentType]
        let wantsJSON = !(contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false)
            || (request.headers[.accept]?.contains("application/json") ?? false)
        let submission: BookingSubmission
        do {
            submission = try BookingSubmission.decode(Array(buffer: body), contentType: contentType)
        } catch {
            metrics.rejected(reason: error.reason)
            return refuse([error], site: "", page: "/", from: nil, json: wantsJSON)
        }
        let site = submission.value(.site) ?? ""
        let page = submission.value(.page) ?? "/"
        let sentFrom = request.headers[.origin]

        if submission.isSpam {
            return try await answerSpam(submission, site: site, page: page, from: sentFrom, json: wantsJSON, logger: context.logger)
        }
        let booking: Booking
        do {
            booking = try submission.validated(fleet: fleet)
        } catch {
            for problem in error.rejections { metrics.rejected(reason: problem.reason) }
            return refuse(error.rejections, site: site, page: page, from: sentFrom, json: wantsJSON)
        }
        guard let dealer = fleet.booking.router.dealer(brand: booking.model.brand, city: booking.city) else {
            context.logger.error("booking not routed: no dealer for the brand", metadata: ["brand": .string(booking.model.brand)])
            throw HTTPError(.serviceUnavailable, message: "no dealer takes test drives of this model yet; please call the hotline")
        }
        let lead = Lead(
            site: booking.site, page: booking.page, name: booking.name, phone: booking.phone, model: booking.model.id,
            city: booking.city, dealer: dealer.id, visitor: booking.visitor, consentVersion: booking.consentVersion,
            createdAt: Date())
        let outcome = try await StoreRefusal.storing("booking", metrics: metrics, logger: context.logger) {
            try await store.record(lead, dedupeWindow: dedupeWindow)
        }
        let calling: Dealer
        switch outcome {
        case .stored, .spam:
            calling = dealer
            metrics.leadsStored.increment()
        case .duplicate(let earlier):
            calling = fleet.booking.router.dealer(id: earlier.dealer) ?? dealer
            metrics.leadsRepeated.increment()
        }
        context.logger.info("booking", metadata: [
            "site": .string(booking.site), "model": .string(booking.model.id), "dealer": .string(calling.id),
            "outcome": .string(Self.label(outcome)),
        ])
        return success(dealer: calling, model: booking.model, site: booking.site, page: booking.page, from: sentFrom,
                       repeated: Self.label(outcome) == "duplicate", json: wantsJSON)
    }

    /// `GET /bookings/thanks?site=…&dealer=…&model=…&page=…&from=…`: the thank-you page after a plain form POST.
    /// It carries no personal data: only which site, dealer and model, all checked against the fleet, and the
    /// address the form was on, used only when it is the site's own (or, in a preview, this machine's).
    func thanks(_ request: Request, context: CollectorRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let site = query["site"].map(String.init) ?? ""
        guard fleet.booking.sites[site] != nil,
              let dealer = query["dealer"].flatMap({ fleet.booking.router.dealer(id: String($0)) })
        else { throw HTTPError(.notFound, message: "there is no such booking confirmation") }
        let model = query["model"].flatMap { fleet.booking.models[String($0)] }
        return page(site: site, from: query["from"].map(String.init))
            .thanks(dealer: dealer, model: model, page: query["page"].map(String.init) ?? "/")
    }

    /// A filled honeypot gets the same answer as a person, so the bot learns nothing; only a count is kept.
    private func answerSpam(_ submission: BookingSubmission, site: String, page: String, from: String?, json: Bool,
                            logger: Logger) async throws -> Response {
        let knownSite = fleet.siteIDs.contains(site) ? site : ""
        let safePage = EventRules.isValidPage(page) ? page : "/"
        _ = try await StoreRefusal.storing("booking", metrics: metrics, logger: logger) {
            try await store.record(Lead.spam(site: knownSite, page: safePage, at: Date()), dedupeWindow: dedupeWindow)
        }
        metrics.leadsSpam.increment()
        logger.info("booking", metadata: ["site": .string(knownSite), "outcome": "spam"])
        let model = submission.value(.model).flatMap { fleet.booking.models[$0] }
        let dealer = fleet.booking.router.dealer(brand: model?.brand ?? "", city: nil) ?? fleet.booking.router.dealers.first
        guard let dealer else { return Response(status: json ? .ok : .noContent) }
        return success(dealer: dealer, model: model, site: knownSite, page: safePage, from: from, repeated: false, json: json)
    }

    /// The answer page of `site`, linking back to `from` when that is the site's own address (or this machine's, in a
    /// preview), else to the site's `baseURL`.
    private func page(site: String, from: String?) -> BookingPage {
        BookingPage(directory: fleet.booking, site: site, origin: origin(of: site, claimed: from),
                    frame: BookingAnswerFrame(site: site, publicFolder: publicFolder))
    }

    /// `claimed` (an `Origin` header, or the `from` it was passed on as) when it is `site`'s own address, or a page on
    /// this machine when loopback origins are allowed; else the origin of the site's `baseURL`.
    private func origin(of site: String, claimed: String?) -> String {
        let own = fleet.booking.sites[site].flatMap { Fleet.origin(of: $0.baseURL) } ?? ""
        guard let claimed = claimed?.lowercased(), !claimed.isEmpty else { return own }
        if claimed == own || (allowsLoopbackOrigins && OriginPolicy.isLoopback(claimed) && Fleet.origin(of: claimed) == claimed) {
            return claimed
        }
        return own
    }

    private func success(dealer: Dealer, model: BookingDirectory.Model?, site: String, page: String, from: String?, repeated: Bool,
                         json: Bool) -> Response {
        if json {
            return Self.json(.ok, BookingAnswer(ok: true, repeated: repeated, dealer: .init(dealer), errors: nil))
        }
        var query = URLComponents()
        query.queryItems = [
            URLQueryItem(name: "site", value: site), URLQueryItem(name: "dealer", value: dealer.id),
            URLQueryItem(name: "model", value: model?.id ?? ""), URLQueryItem(name: "page", value: page),
            URLQueryItem(name: "from", value: origin(of: site, claimed: from)),
        ]
        var response = Response(status: .seeOther)
        response.headers[.location] = "/bookings/thanks?" + (query.percentEncodedQuery ?? "")
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func refuse(_ problems: [BookingRejection], site: String, page: String, from: String?, json: Bool) -> Response {
        if json {
            let errors = problems.map { BookingAnswer.FieldError(field: $0.field?.rawValue, message: $0.message) }
            return Self.json(.badRequest, BookingAnswer(ok: false, repeated: nil, dealer: nil, errors: errors))
        }
        let knownSite = fleet.siteIDs.contains(site) ? site : ""
        return self.page(site: knownSite, from: from).problems(problems, page: page)
    }

    private static func label(_ outcome: LeadOutcome) -> String {
        switch outcome {
        case .stored: "stored"
        case .duplicate: "duplicate"
        case .spam: "spam"
        }
    }

    private static func json(_ status: HTTPResponse.Status, _ answer: BookingAnswer) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(answer)) ?? Data("{}".utf8)
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.contentType] = "application/json"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// The JSON answer to the form's script: the dealer who will call, or what to correct, field by field.
struct BookingAnswer: Codable, Sendable, Hashable {
    struct DealerInfo: Codable, Sendable, Hashable {
        var id: String
        var name: String
        var city: String
        var phone: String
        var address: String

        init(_ dealer: Dealer) {
            id = dealer.id
            name = dealer.name
            city = dealer.city
            phone = dealer.phone
            address = dealer.address
        }
    }

    struct FieldError: Codable, Sendable, Hashable {
        var field: String?
        var message: String
    }

    var ok: Bool
    /// True when the same number had booked the same model within a day: the earlier lead stands.
    var repeated: Bool?
    var dealer: DealerInfo?
    var errors: [FieldError]?
}
