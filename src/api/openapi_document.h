#pragma once
// The OpenAPI document, written by hand in docs/openapi.json and compiled into the binary.
#include <string_view>

namespace uppsikt::api {

std::string_view openapi_document();

}  // namespace uppsikt::api
