#include "http/client_address.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace uppsikt::http {
namespace {

namespace ip = boost::asio::ip;

std::optional<std::array<unsigned char, 16>> parse_address(std::string_view text) {
  boost::system::error_code ec;
  auto address = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (address.is_v4()) return ip::make_address_v6(ip::v4_mapped, address.to_v4()).to_bytes();
  return address.to_v6().to_bytes();
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// One node of Forwarded's for= ("192.0.2.43", "\"[2001:db8::17]:4711\"", "192.0.2.43:80") as
// a bare address.
std::string bare_address(std::string_view node) {
  node = trimmed(node);
  if (node.size() >= 2 && node.front() == '"' && node.back() == '"') node = node.substr(1, node.size() - 2);
  if (!node.empty() && node.front() == '[') {
    const auto close = node.find(']');
    return std::string(node.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  }
  if (std::count(node.begin(), node.end(), ':') == 1) node = node.substr(0, node.find(':'));  // IPv4:port
  return std::string(node);
}

// The addresses a header lists, left to right, across every copy of the header.
std::vector<std::string> forwarded_chain(const Request& request) {
  std::vector<std::string> chain;
  for (const auto& [name, value] : request.headers) {
    if (name != "x-forwarded-for") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      chain.push_back(bare_address(rest.substr(0, comma)));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  if (!chain.empty()) return chain;
  for (const auto& [name, value] : request.headers) {
    if (name != "forwarded") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      std::string_view element = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      while (!element.empty()) {
        const auto semicolon = element.find(';');
        std::string_view pair = trimmed(element.substr(0, semicolon));
        element = semicolon == std::string_view::npos ? std::string_view{} : element.substr(semicolon + 1);
        if (pair.size() > 4 && (pair.substr(0, 4) == "for=" || pair.substr(0, 4) == "For=" || pair.substr(0, 4) == "FOR="))
          chain.push_back(bare_address(pair.substr(4)));
      }
    }
  }
  return chain;
}

}  // namespace

void TrustedProxies::add(std::string_view spec) {
  const auto slash = spec.find('/');
  const auto address = parse_address(spec.substr(0, slash));
  if (!address) throw std::invalid_argument("ogiltig proxyadress \"" + std::string(spec) + "\"");
  const bool v4 = ip::make_address_v6(*address).is_v4_mapped();
  Network network{*address, 128};
  if (slash != std::string_view::npos) {
    const auto digits = spec.substr(slash + 1);
    int prefix = -1;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    const int most = v4 ? 32 : 128;
    if (error != std::errc{} || end != digits.data() + digits.size() || prefix < 0 || prefix > most)
      throw std::invalid_argument("ogiltigt prefix i proxyadressen \"" + std::string(spec) + "\"");
    network.prefix = v4 ? prefix + 96 : prefix;
  }
  networks_.push_back(network);
}

bool TrustedProxies::contains(std::string_view address) const {
  const auto bytes = parse_address(address);
  if (!bytes) return false;
  for (const auto& n : networks_) {
    int bits = n.prefix;
    bool match = true;
    for (std::size_t i = 0; i < 16 && bits > 0 && match; ++i, bits -= 8) {
      const unsigned mask = bits >= 8 ? 0xffu : (0xffu << (8 - bits)) & 0xffu;
      match = ((*bytes)[i] & mask) == (n.bytes[i] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string TrustedProxies::client_of(std::string_view peer, const Request& request) const {
  if (networks_.empty() || !contains(peer)) return std::string(peer);
  const auto chain = forwarded_chain(request);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    // A proxy writes addresses; anything else there cannot be believed, nor what lies left of it.
    if (!parse_address(*it)) return std::string(peer);
    if (!contains(*it)) return *it;
  }
  // Every listed hop is a trusted proxy: the left-most is the nearest thing to a client.
  return chain.empty() ? std::string(peer) : chain.front();
}

}  // namespace uppsikt::http
