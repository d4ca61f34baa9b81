#pragma once
// The API's handlers, one per file, named for the resource and what they do with it. Each
// reads its input, asks a service and answers JSON or a problem (api/reply.h). The guard in
// routes.cpp has checked the token, its rate and whether it may write before they run.
#include "api/api.h"
#include "http/message.h"
#include "service/api_tokens.h"

namespace uppsikt::api {

// Who asks: the token's owner on routes that need a token; nobody on open routes.
struct Call {
  const service::ApiCaller* caller = nullptr;
  const service::Viewer& viewer() const { return caller->viewer; }
};

using ApiHandler = http::Response (*)(const ApiSite& site, const Call& call, const http::Request& request);

// Rounds, their questionnaires and the units
http::Response rounds_list(const ApiSite& site, const Call& call, const http::Request& request);
http::Response round_get(const ApiSite& site, const Call& call, const http::Request& request);
http::Response round_questions_get(const ApiSite& site, const Call& call, const http::Request& request);
http::Response units_list(const ApiSite& site, const Call& call, const http::Request& request);
// Creating: a round from a copy (whoever runs the source), a unit and a person (admins)
http::Response round_copy(const ApiSite& site, const Call& call, const http::Request& request);
http::Response unit_create(const ApiSite& site, const Call& call, const http::Request& request);
http::Response person_invite(const ApiSite& site, const Call& call, const http::Request& request);
// Responses and answers: read, save an answer against its version, hand in, approve, send
// back, return; every answer of a round as one stream
http::Response responses_list(const ApiSite& site, const Call& call, const http::Request& request);
http::Response response_get(const ApiSite& site, const Call& call, const http::Request& request);
http::Response answer_get(const ApiSite& site, const Call& call, const http::Request& request);
http::Response answer_put(const ApiSite& site, const Call& call, const http::Request& request);
http::Response response_decide(const ApiSite& site, const Call& call, const http::Request& request);
http::Response round_answers_stream(const ApiSite& site, const Call& call, const http::Request& request);
// Reports: the compiled report's numbers, and the published reports, open to anyone
http::Response report_get(const ApiSite& site, const Call& call, const http::Request& request);
http::Response published_list(const ApiSite& site, const Call& call, const http::Request& request);
http::Response published_get(const ApiSite& site, const Call& call, const http::Request& request);
// The audit trail, for admins and coordinators
http::Response audit_list(const ApiSite& site, const Call& call, const http::Request& request);
// The API's description: the OpenAPI document and a page that reads it out
http::Response openapi_get(const ApiSite& site, const Call& call, const http::Request& request);
http::Response api_page(const ApiSite& site, const Call& call, const http::Request& request);

}  // namespace uppsikt::api
