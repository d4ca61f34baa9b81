#pragma once
// Precompiled for http/*.cpp only: Beast and Asio are the heaviest headers of the build.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
