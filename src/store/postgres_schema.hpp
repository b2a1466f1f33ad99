#pragma once
// The history's tables on PostgreSQL: SQLite's layout at the same schema
// version (store/schema.hpp), in PostgreSQL's types (64-bit integers, doubles,
// bytea), kept in the connection's current schema.
#include "store/postgres.hpp"

namespace perfwatch::postgres {

// Creates the tables when the database has none (one transaction, under an
// advisory lock, so shards starting at once create them once). A database of
// a newer perfwatch, or one holding other tables named like ours without
// perfwatch's version table, is refused (exit 2).
void create_schema(Connection& db);

// Refuses a schema this perfwatch cannot read (exit 2); true when
// perfwatch's tables are there (a read-only command on an empty database has
// nothing to read).
bool check_schema(Connection& db);

}  // namespace perfwatch::postgres
