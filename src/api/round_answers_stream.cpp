// GET /api/v1/rounds/{id}/answers — every current answer of the round that the token's owner
// may see, with comments, as one JSON array, or one JSON object a line with
// Accept: application/x-ndjson. Sent while it is read, a page of answers at a time, so the
// server's memory stays the same for the national round's 1.7 million answers.
#include <memory>

#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"
#include "service/answer_stream.h"

namespace uppsikt::api {
namespace {

bool wants_ndjson(const http::Request& request) {
  auto accept = request.header("accept");
  return accept && accept->find("application/x-ndjson") != std::string_view::npos;
}

}  // namespace

http::Response round_answers_stream(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  std::optional<service::AnswerStream> opened;
  if (round_id) opened = service::AnswerStream::open(site.store, call.viewer(), *round_id);
  if (!opened) return problem(problems::not_found, "Omgången finns inte, eller så ser du den inte.", request);

  const bool ndjson = wants_ndjson(request);
  http::Response response{.status = 200, .headers = {}, .body = {}};
  response.set_header("Content-Type", ndjson ? "application/x-ndjson" : "application/json");
  response.set_header("Cache-Control", "private, no-store");
  // One page of answers per piece; the JSON array opens with the first and closes after the last.
  auto stream = std::make_shared<service::AnswerStream>(std::move(*opened));
  response.stream = [stream, ndjson, started = false, any = false](std::string& out) mutable {
    if (!ndjson && !started) out += "[";
    started = true;
    const auto page = stream->next();
    for (const auto& row : page) {
      if (!ndjson && any) out += ",";
      out += answer_json(row.answer, row.unit_id).dump();
      out += "\n";
      any = true;
    }
    if (!page.empty()) return true;
    if (!ndjson) out += "]\n";
    return false;
  };
  return response;
}

}  // namespace uppsikt::api
