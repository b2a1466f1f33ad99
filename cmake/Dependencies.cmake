# Every third-party lookup in one place. All come from Debian packages
# (ci/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Boost 1.74 REQUIRED)  # Boost.Math is header-only
find_package(fmt REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)  # histories on a PostgreSQL server (--db postgresql://...)
find_package(CURL REQUIRED)
find_package(mstch REQUIRED)
find_package(pugixml REQUIRED)  # Catch2's XML results
if(PERFWATCH_TESTS)
  find_package(doctest REQUIRED)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)  # the fake GitHub in tests
endif()
if(PERFWATCH_BENCH OR PERFWATCH_EXAMPLES)
  find_package(benchmark REQUIRED)
endif()
