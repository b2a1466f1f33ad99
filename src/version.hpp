#pragma once
namespace perfwatch {
inline constexpr const char* kVersion = "0.1.0";
}
