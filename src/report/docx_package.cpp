#include "report/docx_package.h"

#include <pugixml.hpp>
#include <zip.h>

#include <deque>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace uppsikt::report::docx {
namespace {

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>)"
    R"(</Types>)";

constexpr const char* kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>)"
    R"(</Relationships>)";

// The ids here are the ones document.xml refers to (rIdFooter1 in its sectPr).
constexpr const char* kDocumentRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rIdStyles1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>)"
    R"(</Relationships>)";

constexpr const char* kApp =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">)"
    R"(<Application>Uppsikt</Application></Properties>)";

// "Sida 3 av 12": Word and LibreOffice compute the fields when they lay out the pages.
constexpr const char* kFooter =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>)"
    R"(<w:r><w:t xml:space="preserve">Sida </w:t></w:r>)"
    R"(<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>)"
    R"(<w:r><w:t xml:space="preserve"> av </w:t></w:r>)"
    R"(<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>)"
    R"(</w:p></w:ftr>)";

// A heading style at outline level `level` (1–3); Word's own name, so that the navigation
// pane and a table of contents see it.
std::string heading_style(int level, int half_points, int space_before) {
  const std::string n = std::to_string(level), size = std::to_string(half_points);
  return R"(<w:style w:type="paragraph" w:styleId="Heading)" + n + R"(">)" +
         R"(<w:name w:val="heading )" + n + R"("/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>)" +
         R"(<w:uiPriority w:val="9"/><w:qFormat/>)" +
         R"(<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=")" + std::to_string(space_before) +
         R"(" w:after="120"/><w:outlineLvl w:val=")" + std::to_string(level - 1) + R"("/></w:pPr>)" +
         R"(<w:rPr><w:b/><w:bCs/><w:sz w:val=")" + size + R"("/><w:szCs w:val=")" + size + R"("/></w:rPr></w:style>)";
}

// Word's built-in names (Title, heading 1–3, Table Grid, footer), so that the navigation
// pane and a table of contents see the headings; the text is Swedish (sv-SE).
std::string styles() {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr>)"
    R"(<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:eastAsia="Liberation Sans" w:cs="Liberation Sans"/>)"
    R"(<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>)"
    R"(</w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>)"
    R"(</w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>)"
    R"(<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">)"
    R"(<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:before="2400" w:after="240"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:bCs/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr></w:style>)") +
         heading_style(1, 32, 360) + heading_style(2, 26, 240) + heading_style(3, 22, 200) +
         R"(<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>)"
    R"(<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:jc w:val="right"/></w:pPr>)"
    R"(<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>)"
    R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>)"
    R"(<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>)"
    R"(<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>)"
    R"(<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)"
    R"(<w:style w:type="table" w:styleId="Tabell"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>)"
    R"(<w:uiPriority w:val="39"/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>)"
    R"(<w:tblPr><w:tblBorders>)"
    R"(<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(</w:tblBorders></w:tblPr></w:style>)"
    R"(</w:styles>)";
}

std::string core_properties(std::string_view title) {
  pugi::xml_document xml;
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  pugi::xml_node root = xml.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_child("dc:title").text() = std::string(title).c_str();
  root.append_child("dc:creator").text() = "Uppsikt";
  root.append_child("dc:language").text() = "sv-SE";
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("Word-filen kunde inte skapas: ") + what); }

// The bytes the zip source holds after the archive was closed into it.
std::string read_all(zip_source_t* source) {
  if (zip_source_open(source) < 0) fail(zip_error_strerror(zip_source_error(source)));
  std::string bytes;
  char buffer[65536];
  for (zip_int64_t n; (n = zip_source_read(source, buffer, sizeof buffer)) > 0;) bytes.append(buffer, static_cast<std::size_t>(n));
  zip_source_close(source);
  return bytes;
}

}  // namespace

std::string package(std::string_view title, const std::string& document_xml) {
  // The parts must live until the archive is closed: libzip reads them only then.
  const std::deque<std::pair<const char*, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},  // first, as readers expect
      {"_rels/.rels", kPackageRelationships},
      {"word/document.xml", document_xml},
      {"word/_rels/document.xml.rels", kDocumentRelationships},
      {"word/styles.xml", styles()},
      {"word/footer1.xml", kFooter},
      {"docProps/core.xml", core_properties(title)},
      {"docProps/app.xml", kApp},
  };
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> target(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!target) fail(zip_error_strerror(&error));
  std::unique_ptr<zip_t, ArchiveDiscard> archive(zip_open_from_source(target.get(), ZIP_TRUNCATE, &error));
  if (!archive) fail(zip_error_strerror(&error));
  zip_source_keep(target.get());  // the archive releases its reference when it closes; the bytes stay
  for (const auto& [name, bytes] : parts) {
    zip_source_t* source = zip_source_buffer(archive.get(), bytes.data(), bytes.size(), 0);
    if (!source || zip_file_add(archive.get(), name, source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source) zip_source_free(source);
      fail(zip_strerror(archive.get()));
    }
  }
  if (zip_close(archive.get()) < 0) fail(zip_strerror(archive.get()));
  archive.release();  // closed: nothing left to discard
  return read_all(target.get());
}

}  // namespace uppsikt::report::docx
