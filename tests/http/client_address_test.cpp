// The client's address behind a reverse proxy: believed only from trusted proxies, taken as
// the right-most untrusted hop, never from a header a client could write on its own.
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/client_address.h"

namespace uppsikt::http {
namespace {

Request with_headers(std::vector<std::pair<std::string, std::string>> headers) {
  Request r;
  r.headers = std::move(headers);
  return r;
}

TEST(TrustedProxies, NoneTrustedMeansThePeerWhateverTheHeadersSay) {
  TrustedProxies none;
  EXPECT_EQ(none.client_of("127.0.0.1", with_headers({{"x-forwarded-for", "203.0.113.9"}})), "127.0.0.1");
}

TEST(TrustedProxies, AnUntrustedPeerCannotNameAnotherAddress) {
  TrustedProxies proxies;
  proxies.add("10.0.0.5");
  EXPECT_EQ(proxies.client_of("198.51.100.1", with_headers({{"x-forwarded-for", "203.0.113.9"}})), "198.51.100.1");
}

TEST(TrustedProxies, TheRightMostUntrustedHopIsTheClient) {
  TrustedProxies proxies;
  proxies.add("10.0.0.0/8");
  // The client wrote "1.2.3.4" itself; nginx appended what it saw; a second proxy too.
  auto request = with_headers({{"x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.1.1.1"}});
  EXPECT_EQ(proxies.client_of("10.0.0.5", request), "203.0.113.9");
  EXPECT_EQ(proxies.client_of("10.0.0.5", with_headers({{"x-forwarded-for", "1.2.3.4"}, {"x-forwarded-for", "203.0.113.7"}})),
            "203.0.113.7");
  EXPECT_EQ(proxies.client_of("10.0.0.5", with_headers({})), "10.0.0.5");
  EXPECT_EQ(proxies.client_of("10.0.0.5", with_headers({{"x-forwarded-for", "10.2.2.2"}})), "10.2.2.2");
}

TEST(TrustedProxies, ForwardedIsReadWhenXForwardedForIsMissing) {
  TrustedProxies proxies;
  proxies.add("::1");
  EXPECT_EQ(proxies.client_of("::1", with_headers({{"forwarded", "for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\""}})),
            "2001:db8:cafe::17");
  EXPECT_EQ(proxies.client_of("::1", with_headers({{"forwarded", "for=192.0.2.60:8080"}})), "192.0.2.60");
}

TEST(TrustedProxies, GarbageInTheHeaderIsNotBelieved) {
  TrustedProxies proxies;
  proxies.add("127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", with_headers({{"x-forwarded-for", "203.0.113.9, nonsense"}})), "127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", with_headers({{"x-forwarded-for", ""}})), "127.0.0.1");
}

TEST(TrustedProxies, PrefixesMatchBitByBitForBothFamilies) {
  TrustedProxies proxies;
  proxies.add("192.168.4.0/22");
  proxies.add("fd00::/8");
  EXPECT_TRUE(proxies.contains("192.168.7.255"));
  EXPECT_FALSE(proxies.contains("192.168.8.0"));
  EXPECT_TRUE(proxies.contains("fd12:3456::1"));
  EXPECT_FALSE(proxies.contains("fe80::1"));
  EXPECT_TRUE(proxies.contains("::ffff:192.168.5.1"));  // IPv4 as IPv6 sees it
  EXPECT_FALSE(proxies.contains("inte en adress"));
}

TEST(TrustedProxies, ABadSpecificationIsRefusedInSwedish) {
  TrustedProxies proxies;
  EXPECT_THROW(proxies.add("proxy.example.se"), std::invalid_argument);
  EXPECT_THROW(proxies.add("10.0.0.0/33"), std::invalid_argument);
  EXPECT_THROW(proxies.add("10.0.0.0/x"), std::invalid_argument);
  try {
    proxies.add("10.0.0.0/33");
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "ogiltigt prefix i proxyadressen \"10.0.0.0/33\"");
  }
  EXPECT_TRUE(proxies.empty());
}

}  // namespace
}  // namespace uppsikt::http
