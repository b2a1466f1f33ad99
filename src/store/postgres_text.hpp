#pragma once
// Pure text work for the PostgreSQL engine, tested without a server.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfwatch::postgres {

// "postgresql://..." or "postgres://...": a history on a server, not a file.
bool is_url(std::string_view location);

// The URL as messages may show it: no password, whether in the user part
// ("user:secret@host") or a parameter ("?password=secret").
std::string redact(std::string_view url);

// The host (and port) the URL names, for "cannot connect to HOST": libpq's
// defaults when it names none.
std::string host_of(std::string_view url);

// The URL with `schema` as its search path: a history of its own in a shared
// database (tests, benchmarks).
std::string with_schema(std::string_view url, std::string_view schema);

// SQLite's `?` placeholders as PostgreSQL's `$1, $2, ...`, leaving quoted
// text alone; `count` (when given) is set to how many there are.
std::string numbered_placeholders(std::string_view sql, int* count = nullptr);

// A bytea column in text form ("\x0a1b...") as its bytes; nullopt when it is
// not hex form.
std::optional<std::vector<std::byte>> decode_bytea_hex(std::string_view text);

}  // namespace perfwatch::postgres
