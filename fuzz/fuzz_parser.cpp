// One libFuzzer target: PERFWATCH_FUZZ_FORMAT's parser (or --format auto:
// detection, then the chosen parser) over arbitrary bytes. Rejecting the
// input is fine when it is a perfwatch::Error, the one-line exit-2 kind;
// any other exception escapes and libFuzzer reports it as a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/adapter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    std::string format = PERFWATCH_FUZZ_FORMAT;
    if (format == "auto") format = perfwatch::detect_format(text, "fuzz");
    perfwatch::parse_results(format, text, "fuzz");
  } catch (const perfwatch::Error& e) {
    if (std::string(e.what()).find('\n') != std::string::npos) __builtin_trap();  // errors are one line
  }
  return 0;
}
