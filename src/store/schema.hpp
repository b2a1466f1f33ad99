#pragma once
#include <string>
#include <vector>

#include "store/sqlite.hpp"

namespace perfwatch::store {

// The newest schema version this perfwatch writes (PRAGMA user_version).
constexpr int kSchemaVersion = 8;

// Brings the database forward to kSchemaVersion, one migration per version,
// all in one transaction. A database from a newer perfwatch is refused (exit 2).
// Returns what a user should be told of it (environments merged into one identity).
std::vector<std::string> migrate(sqlite::Database& db);

// True when the database is older than kSchemaVersion (or new and empty).
bool needs_migration(sqlite::Database& db);

// Refuses a database this perfwatch cannot read (newer, or not ours).
void check_readable(sqlite::Database& db);

}  // namespace perfwatch::store
