# Warning and sanitizer flags as INTERFACE targets, linked by every perfwatch target.
add_library(perfwatch_warnings INTERFACE)
target_compile_options(perfwatch_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion -Wno-missing-field-initializers)
# CI's warnings job builds with GCC and clang at -O2 with this on: a new
# warning fails there. (GCC 12's -Wrestrict false positive on
# "literal" + std::string&&, PR 105329, is avoided in the code with fmt::format.)
option(PERFWATCH_WERROR "Treat the project's warnings as errors" OFF)
if(PERFWATCH_WERROR)
  target_compile_options(perfwatch_warnings INTERFACE -Werror)
endif()

add_library(perfwatch_sanitizers INTERFACE)
if(PERFWATCH_SANITIZE)
  target_compile_options(perfwatch_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(perfwatch_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
