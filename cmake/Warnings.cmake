# Warning and sanitizer flags as INTERFACE targets, linked by every perfwatch target.
add_library(perfwatch_warnings INTERFACE)
target_compile_options(perfwatch_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion -Wno-missing-field-initializers)

add_library(perfwatch_sanitizers INTERFACE)
if(PERFWATCH_SANITIZE)
  target_compile_options(perfwatch_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(perfwatch_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
