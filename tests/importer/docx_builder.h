#pragma once
// Builds small .docx files in memory for the DOCX importer tests, so that each test's input
// is readable XML in the test source. A .docx is a zip of XML parts; Word needs the content
// types and package relationships, the importer only word/document.xml.
#include <zip.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace uppsikt::importer::testing_docx {

inline std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// A paragraph; `style` is a style id such as "Heading2" or "Rubrik1".
inline std::string p(const std::string& text, const std::string& style = "") {
  std::string out = "<w:p>";
  if (!style.empty()) out += "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
  return out + "<w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r></w:p>";
}

inline std::string tc(const std::string& paragraphs) { return "<w:tc>" + paragraphs + "</w:tc>"; }
inline std::string tr(const std::string& cells) { return "<w:tr>" + cells + "</w:tr>"; }
inline std::string row(const std::string& question, const std::string& answer) { return tr(tc(question) + tc(answer)); }
inline std::string header_row() { return row(p("Uppföljningsfrågor"), p("Svarsalternativ med kommentar")); }
inline std::string table(const std::string& rows) { return "<w:tbl>" + header_row() + rows + "</w:tbl>"; }

// A Word content-control check box (Developer → Check Box) labelled with `label`.
inline std::string content_control_box(bool checked, const std::string& label) {
  const std::string glyph = checked ? "\u2612" : "\u2610";
  return "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"" + std::string(checked ? "1" : "0") +
         "\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>" + glyph + "</w:t></w:r></w:sdtContent></w:sdt>"
         "<w:r><w:t xml:space=\"preserve\"> " + label + " </w:t></w:r>";
}

// An old-style form-field check box (FORMCHECKBOX).
inline std::string form_field_box(bool checked, const std::string& label) {
  return "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val=\"" +
         std::string(checked ? "1" : "0") +
         "\"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> " + label + " </w:t></w:r>";
}

inline std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"><w:body>" +
         body + "</w:body></w:document>";
}

// A zip archive of the named parts, in memory.
inline std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open_from_source");
  for (const auto& [name, data] : parts) {
    zip_source_t* part = zip_source_buffer(archive, data.data(), data.size(), 0);
    zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

inline std::string docx(const std::string& body) {
  const std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
      "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  const std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  return zip_parts({{"[Content_Types].xml", content_types}, {"_rels/.rels", rels}, {"word/document.xml", document_xml(body)}});
}

}  // namespace uppsikt::importer::testing_docx
