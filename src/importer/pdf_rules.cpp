#include "importer/pdf_rules.h"

#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

#include "importer/followup.h"

namespace uppsikt::importer {
namespace {

// A drawn line is a rule when it is this straight (points of slant over its length) …
constexpr double kStraight = 1.0;
// … and a filled rectangle is a rule when it is this thin; a wider one is a cell's
// background, whose edges are rules too.
constexpr double kThin = 2.5;
// Shorter marks are bullets, underlines of a letter or check boxes' sides at most.
constexpr double kMinLength = 6;

// Collects every stroked or filled path of a page in device space (72 dpi, y downwards).
class RuleCollector : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needCharCount() override { return false; }

  void stroke(GfxState* state) override { collect(state, /*filled=*/false); }
  void fill(GfxState* state) override { collect(state, /*filled=*/true); }
  void eoFill(GfxState* state) override { collect(state, /*filled=*/true); }

  PdfRules take() { return std::exchange(rules_, {}); }

 private:
  void collect(GfxState* state, bool filled) {
    auto* path = const_cast<GfxPath*>(state->getPath());  // poppler's getter is not const
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      GfxSubpath* sub = path->getSubpath(i);
      std::vector<std::pair<double, double>> points;
      for (int k = 0; k < sub->getNumPoints(); ++k) {
        double x = 0, y = 0;
        state->transform(sub->getX(k), sub->getY(k), &x, &y);
        points.emplace_back(x, y);
      }
      if (filled) add_box(points);
      else add_lines(points);
    }
  }

  void add_lines(const std::vector<std::pair<double, double>>& points) {
    for (std::size_t k = 1; k < points.size(); ++k) add_line(points[k - 1], points[k]);
  }

  void add_line(std::pair<double, double> a, std::pair<double, double> b) {
    const double dx = std::abs(a.first - b.first), dy = std::abs(a.second - b.second);
    if (dx >= kMinLength && dy <= kStraight)
      rules_.horizontal.push_back({std::min(a.first, b.first), std::max(a.first, b.first), (a.second + b.second) / 2});
    else if (dy >= kMinLength && dx <= kStraight)
      rules_.vertical.push_back({std::min(a.second, b.second), std::max(a.second, b.second), (a.first + b.first) / 2});
  }

  // A filled shape: a thin one is a line; a rectangle's edges are lines.
  void add_box(const std::vector<std::pair<double, double>>& points) {
    if (points.size() < 3 || points.size() > 6) return;
    double left = points[0].first, right = left, top = points[0].second, bottom = top;
    for (const auto& [x, y] : points) {
      left = std::min(left, x), right = std::max(right, x);
      top = std::min(top, y), bottom = std::max(bottom, y);
    }
    if (bottom - top <= kThin && right - left >= kMinLength) {
      rules_.horizontal.push_back({left, right, (top + bottom) / 2});
    } else if (right - left <= kThin && bottom - top >= kMinLength) {
      rules_.vertical.push_back({top, bottom, (left + right) / 2});
    } else if (right - left >= kMinLength && bottom - top >= kMinLength) {
      rules_.horizontal.push_back({left, right, top});
      rules_.horizontal.push_back({left, right, bottom});
      rules_.vertical.push_back({top, bottom, left});
      rules_.vertical.push_back({top, bottom, right});
    }
  }

  PdfRules rules_;
};

void ignore_errors(ErrorCategory, Goffset, const char*) {}

}  // namespace

std::vector<PdfRules> read_pdf_rules(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ImportFailure("PDF-filen är för stor");
  static GlobalParamsIniter params(ignore_errors);  // poppler's core needs its settings once
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream);  // owns the stream; the bytes must outlive it
  if (!doc.isOk()) throw ImportFailure("filen är ingen läsbar PDF (den är skadad eller av en annan filtyp)");
  std::vector<PdfRules> pages;
  RuleCollector collector;
  for (int page = 1; page <= doc.getNumPages(); ++page) {
    doc.displayPage(&collector, page, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
    pages.push_back(collector.take());
  }
  return pages;
}

}  // namespace uppsikt::importer
