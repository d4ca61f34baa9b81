#pragma once
// The address of the person behind a request. Behind a reverse proxy every connection comes
// from the proxy, so the client's address is read from X-Forwarded-For or Forwarded — but only
// when the connection comes from a proxy named as trusted: anyone else could write any
// address into those headers.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace uppsikt::http {

class TrustedProxies {
 public:
  // Adds "ADDR" or "ADDR/PREFIX", IPv4 or IPv6 ("10.0.0.5", "10.0.0.0/8", "::1", "fd00::/8").
  // Throws std::invalid_argument with a message in Swedish naming `spec`.
  void add(std::string_view spec);
  bool empty() const { return networks_.empty(); }
  // Whether `address` (without port) lies in a trusted network.
  bool contains(std::string_view address) const;

  // The client's address: `peer` itself unless it is a trusted proxy; then the right-most
  // address of X-Forwarded-For (or else of Forwarded's for=) that is not a trusted proxy,
  // since each proxy appends the address it was reached from and only the proxies' own
  // entries can be believed. Without such a header, `peer`.
  std::string client_of(std::string_view peer, const Request& request) const;

 private:
  struct Network {
    std::array<unsigned char, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix = 128;
  };
  std::vector<Network> networks_;
};

}  // namespace uppsikt::http
