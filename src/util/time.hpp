#pragma once
// Instants are Unix seconds (UTC) everywhere in perfwatch.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace perfwatch {

using UnixTime = std::int64_t;

// Parses ISO 8601: "2026-11-15", "2026-11-15T02:00:00Z",
// "2026-11-15T02:00:00.5+01:00", "2026-11-15 02:00". nullopt when invalid.
std::optional<UnixTime> parse_iso8601(std::string_view text);

// "2026-11-15T02:00:00Z".
std::string format_iso8601(UnixTime t);

// "2026-11-15 02:00", for tables a person reads.
std::string format_short_time(UnixTime t);

UnixTime now_unix();

}  // namespace perfwatch
