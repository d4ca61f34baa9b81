#include "http/multipart.h"

#include <algorithm>
#include <cctype>

namespace uppsikt::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `key` in a header value "form-data; name=\"a\"; filename=\"b\"".
// Quoted values may escape '"' and '\' with a backslash; unquoted ones end at ';'.
std::optional<std::string> parameter(std::string_view value, std::string_view key) {
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    std::size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string name = lower(trim(value.substr(i, eq - i)));
    std::size_t j = eq + 1;
    std::string v;
    if (j < value.size() && value[j] == '"') {
      ++j;
      while (j < value.size() && value[j] != '"') {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        v += value[j++];
      }
      if (j >= value.size()) return std::nullopt;  // unterminated quote
      ++j;
      i = value.find(';', j);
    } else {
      std::size_t end = value.find(';', j);
      v = std::string(trim(value.substr(j, end == std::string_view::npos ? std::string_view::npos : end - j)));
      i = end;
    }
    if (name == key) return v;
  }
  return std::nullopt;
}

// Reads the headers of one part, up to the empty line; false when they are malformed.
bool read_part(std::string_view raw, FormPart& part, std::string& error) {
  const std::size_t head_end = raw.find("\r\n\r\n");
  std::string_view head;
  if (raw.starts_with("\r\n")) {
    part.body = std::string(raw.substr(2));
  } else if (head_end == std::string_view::npos) {
    error = "a part has no empty line after its headers";
    return false;
  } else {
    head = raw.substr(0, head_end);
    part.body = std::string(raw.substr(head_end + 4));
  }
  while (!head.empty()) {
    const std::size_t eol = head.find("\r\n");
    std::string_view line = head.substr(0, eol);
    head = eol == std::string_view::npos ? std::string_view{} : head.substr(eol + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      error = "a part header has no name";
      return false;
    }
    part.headers.emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  auto disposition = std::find_if(part.headers.begin(), part.headers.end(),
                                  [](const auto& h) { return h.first == "content-disposition"; });
  if (disposition == part.headers.end() || !lower(disposition->second).starts_with("form-data")) {
    error = "a part has no Content-Disposition: form-data";
    return false;
  }
  auto name = parameter(disposition->second, "name");
  if (!name) {
    error = "a part has no field name";
    return false;
  }
  part.name = *name;
  part.file_name = parameter(disposition->second, "filename");
  for (const auto& [key, value] : part.headers)
    if (key == "content-type") part.content_type = value;
  return true;
}

}  // namespace

std::string Multipart::field(std::string_view name) const {
  for (const auto& p : parts)
    if (p.name == name && !p.file_name) return p.body;
  return {};
}

std::vector<const FormPart*> Multipart::files(std::string_view name) const {
  std::vector<const FormPart*> out;
  for (const auto& p : parts)
    if (p.name == name && p.file_name && !p.file_name->empty()) out.push_back(&p);
  return out;
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  if (!lower(trim(content_type.substr(0, content_type.find(';')))).starts_with("multipart/form-data"))
    return std::nullopt;
  auto boundary = parameter(content_type, "boundary");
  // RFC 2046: 1 to 70 characters.
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

Multipart parse_multipart(std::string_view body, std::string_view boundary) {
  Multipart out;
  if (boundary.empty()) {
    out.error = "no boundary";
    return out;
  }
  const std::string delimiter = "--" + std::string(boundary);
  const std::string inner = "\r\n" + delimiter;
  // The first delimiter may be preceded by a preamble; it starts the body or a line.
  std::size_t at;
  if (body.starts_with(delimiter)) {
    at = delimiter.size();
  } else {
    at = body.find(inner);
    if (at == std::string_view::npos) {
      out.error = "the boundary does not occur in the body";
      return out;
    }
    at += inner.size();
  }
  for (;;) {
    // After a delimiter: "--" ends the body, else optional whitespace and CRLF start a part.
    if (body.substr(at).starts_with("--")) return out;
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (!body.substr(at).starts_with("\r\n")) {
      out.error = "a boundary line is not followed by CRLF (truncated body?)";
      out.parts.clear();
      return out;
    }
    at += 2;
    const std::size_t end = body.find(inner, at);
    if (end == std::string_view::npos) {
      out.error = "the body ends inside a part (no closing boundary)";
      out.parts.clear();
      return out;
    }
    if (out.parts.size() == kMaxFormParts) {
      out.error = "more than " + std::to_string(kMaxFormParts) + " parts";
      out.parts.clear();
      return out;
    }
    FormPart part;
    // Headers and the empty line: the part starts with headers or directly with CRLF.
    if (!read_part(body.substr(at, end - at), part, out.error)) {
      out.parts.clear();
      return out;
    }
    out.parts.push_back(std::move(part));
    at = end + inner.size();
  }
}

Multipart parse_multipart(const Request& request) {
  auto type = request.header("content-type");
  if (!type) return Multipart{.error = "no Content-Type"};
  auto boundary = multipart_boundary(*type);
  if (!boundary) return Multipart{.error = "not multipart/form-data with a boundary"};
  return parse_multipart(request.body, *boundary);
}

}  // namespace uppsikt::http
