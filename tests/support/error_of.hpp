#pragma once
// The message of the perfwatch::Error that `f` throws, or "" when it throws none.
#include <string>

#include "util/error.hpp"

namespace perfwatch::testing {

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace perfwatch::testing
