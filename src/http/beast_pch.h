#pragma once
// Precompiled for http/*.cpp only: Beast and Asio are the heaviest headers of the build.
// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>, which
// GCC 12 in C++20 mode no longer pulls in indirectly.
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
