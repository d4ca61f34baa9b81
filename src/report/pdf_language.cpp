#include "report/pdf_language.h"

#include <cstdio>
#include <regex>

namespace uppsikt::report::pdf {
namespace {

// The numbers of the last trailer: /Size, /Root, /Info and where its xref starts.
struct Trailer {
  std::string size, root, info, xref;
};

bool read_trailer(const std::string& pdf, Trailer& t) {
  const std::size_t at = pdf.rfind("trailer");
  if (at == std::string::npos) return false;
  const std::string tail = pdf.substr(at);
  std::smatch m;
  auto find = [&](const char* pattern, std::string& out) {
    if (!std::regex_search(tail, m, std::regex(pattern))) return false;
    out = m[1];
    return true;
  };
  return find(R"(/Size\s+(\d+))", t.size) && find(R"(/Root\s+(\d+)\s+0\s+R)", t.root) &&
         find(R"(/Info\s+(\d+)\s+0\s+R)", t.info) && find(R"(startxref\s+(\d+))", t.xref);
}

}  // namespace

std::string with_language(std::string pdf, std::string_view language) {
  Trailer t;
  if (!read_trailer(pdf, t)) return pdf;
  const std::string header = "\n" + t.root + " 0 obj";
  const std::size_t begin = pdf.rfind(header);
  const std::size_t end = begin == std::string::npos ? begin : pdf.find("endobj", begin);
  if (end == std::string::npos) return pdf;
  std::string dict = pdf.substr(begin + header.size(), end - begin - header.size());
  const std::size_t close = dict.rfind(">>");
  if (close == std::string::npos || dict.find("/Lang") != std::string::npos) return pdf;
  dict = dict.substr(0, close) + "   /Lang (" + std::string(language) + ")\n>>\n";

  if (pdf.back() != '\n') pdf += '\n';
  const std::size_t offset = pdf.size();
  pdf += t.root + " 0 obj" + dict + "endobj\n";
  const std::size_t xref = pdf.size();
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);  // exactly 20 bytes
  pdf += "xref\n" + t.root + " 1\n" + entry;
  pdf += "trailer\n<< /Size " + t.size + "\n   /Root " + t.root + " 0 R\n   /Info " + t.info + " 0 R\n   /Prev " +
         t.xref + "\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace uppsikt::report::pdf
