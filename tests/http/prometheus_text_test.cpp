// The Prometheus text format as written by hand, the request metrics and the access line.
#include "http/prometheus_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "http/access_log.h"
#include "http/request_metrics.h"

namespace uppsikt::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PrometheusText, WritesHelpTypeAndSamples) {
  PrometheusText out;
  out.family("uppsikt_x_total", "Things.\nMore \\ things.", "counter");
  out.sample("uppsikt_x_total", {{"route", "/a/{id}"}, {"status", "200"}}, 3);
  out.sample("uppsikt_x_total", 0.25);
  EXPECT_EQ(out.text(),
            "# HELP uppsikt_x_total Things.\\nMore \\\\ things.\n"
            "# TYPE uppsikt_x_total counter\n"
            "uppsikt_x_total{route=\"/a/{id}\",status=\"200\"} 3\n"
            "uppsikt_x_total 0.25\n");
}

TEST(PrometheusText, EscapesLabelValues) {
  EXPECT_EQ(escape_label_value("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

TEST(PrometheusText, SpellsSpecialValuesAsPrometheusDoes) {
  EXPECT_EQ(format_sample_value(INFINITY), "+Inf");
  EXPECT_EQ(format_sample_value(-INFINITY), "-Inf");
  EXPECT_EQ(format_sample_value(NAN), "NaN");
  EXPECT_EQ(format_sample_value(12), "12");
  EXPECT_EQ(format_sample_value(0.001), "0.001");
}

TEST(RequestMetrics, CountsAndBucketsCumulatively) {
  RequestMetrics metrics;
  metrics.observe("GET", "/omgangar/{id}", 200, 0.003);
  metrics.observe("GET", "/omgangar/{id}", 200, 0.3);
  metrics.connection_opened();
  PrometheusText out;
  metrics.write(out);
  const auto& text = out.text();
  EXPECT_THAT(text, HasSubstr("uppsikt_http_requests_total{method=\"GET\",route=\"/omgangar/{id}\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("le=\"0.0025\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("le=\"0.005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("le=\"0.5\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("le=\"+Inf\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("uppsikt_http_open_connections 1\n"));
}

TEST(AccessLog, NamesTheRouteAndWhoButNoSecret) {
  AccessRecord record{"POST", "/lank/{token}", 303, 2.46, 120, "abc123", "7", "127.0.0.1"};
  EXPECT_EQ(access_line(record, LogFormat::plain),
            "request POST /lank/{token} 303 120B 2.5ms id=abc123 user=7 from=127.0.0.1");
  const auto json = access_line(record, LogFormat::json);
  EXPECT_THAT(json, HasSubstr("\"route\":\"/lank/{token}\""));
  EXPECT_THAT(json, HasSubstr("\"user\":\"7\""));
  EXPECT_THAT(json, HasSubstr("\"request_id\":\"abc123\""));
  record.user.clear();
  EXPECT_THAT(access_line(record, LogFormat::json), Not(HasSubstr("\"user\"")));
}

}  // namespace
}  // namespace uppsikt::http
