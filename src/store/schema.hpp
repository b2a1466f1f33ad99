#pragma once
#include "store/sqlite.hpp"

namespace perfwatch::store {

// The newest schema version this perfwatch writes (PRAGMA user_version).
constexpr int kSchemaVersion = 2;

// Brings the database forward to kSchemaVersion, one migration per version,
// all in one transaction. A database from a newer perfwatch is refused (exit 2).
void migrate(sqlite::Database& db);

// Refuses a database this perfwatch cannot read (newer, or not ours).
void check_readable(sqlite::Database& db);

}  // namespace perfwatch::store
