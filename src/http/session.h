#pragma once
// Internal to http/: one connection's request loop. The Session class itself lives in
// session.cpp so that this header, like every header but beast_pch.h, stays free of Beast.
#include <memory>

namespace boost::asio {
class io_context;
}

namespace uppsikt::http {

class ServerState;

// Takes ownership of the accepted socket `native_socket` and serves requests on it, one at a
// time, until the client leaves, a timeout fires or the server drains. Any thread.
void start_session(boost::asio::io_context& ioc, int native_socket, bool ipv6,
                   std::shared_ptr<ServerState> state);

}  // namespace uppsikt::http
