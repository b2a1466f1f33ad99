#pragma once
// A minimal std::expected stand-in (C++20 has none): low-level functions
// return values or an Error; callers decide whether to throw.
#include <utility>
#include <variant>

#include "util/error.hpp"

namespace perfwatch {

template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(Error error) : v_(std::move(error)) {}

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  const Error& error() const { return std::get<1>(v_); }

  // The value, or throws the carried error.
  T& value() & {
    if (!has_value()) throw std::get<1>(v_);
    return std::get<0>(v_);
  }
  T&& value() && {
    if (!has_value()) throw std::get<1>(v_);
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace perfwatch
