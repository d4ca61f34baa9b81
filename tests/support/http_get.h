#pragma once
// A one-shot HTTP/1.1 client for page tests: sends one request with "Connection: close"
// over loopback and reads the whole answer.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <map>
#include <string>

namespace uppsikt::testing {

struct Fetched {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
};

inline Fetched fetch(std::uint16_t port, const std::string& method, const std::string& target,
                     const std::string& body = "", const std::string& extra_headers = "") {
  Fetched out;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return out;
  }
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                        extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string raw;
  char buffer[8192];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) raw.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);

  auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return out;
  out.body = raw.substr(head_end + 4);
  std::string head = raw.substr(0, head_end);
  out.status = std::stoi(head.substr(9, 3));
  for (std::size_t pos = head.find("\r\n"); pos != std::string::npos;) {
    auto next = head.find("\r\n", pos + 2);
    std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
    }
    pos = next;
  }
  return out;
}

}  // namespace uppsikt::testing
