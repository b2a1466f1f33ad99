#include "support/adapter_fixtures.hpp"
#include "support/error_of.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

TEST_CASE("detect_format") {
  SUBCASE("every committed fixture is recognised as its own format") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"gbench/repetitions.json", "gbench"},
        {"gbench/aggregates_only.json", "gbench"},
        {"catch2/v2_xml.xml", "catch2"},
        {"catch2/v3_xml.xml", "catch2"},
        {"catch2/v2_console.txt", "catch2"},
        {"catch2/v2_console_wrapped.txt", "catch2"},
        {"catch2/v2_console_no_analysis.txt", "catch2"},
        {"catch2/github-action-benchmark_catch2_output_v3.txt", "catch2"},
        {"hyperfine/runs.json", "hyperfine"},
        {"pytest-benchmark/with_data.json", "pytest-benchmark"},
        {"pytest-benchmark/saved_stats_only.json", "pytest-benchmark"},
        {"gotest/count3_benchmem.txt", "gotest"},
        {"gotest/custom_metrics.txt", "gotest"},
        {"gotest/custom_only.txt", "gotest"},
        {"cargo-bench/libtest_bench.txt", "cargo-bench"},
        {"cargo-bench/criterion_bencher_cycles.txt", "cargo-bench"},
        {"cargo-bench/github-action-benchmark_cargo_output_units.txt", "cargo-bench"},
        {"jmh/results.json", "jmh"},
        {"benchmarkdotnet/report-full.json", "benchmarkdotnet"},
        {"benchmarkdotnet/report-statistics-only.json", "benchmarkdotnet"},
        {"benchmarkjs/suite.txt", "benchmarkjs"},
        {"vitest/bench.json", "vitest"},
        {"vitest/describe_only.json", "vitest"},
        {"criterion-text/book_getting_started.txt", "criterion-text"},
        {"criterion-text/book_command_line_output.txt", "criterion-text"},
        {"criterion-text/book_faq_groups.txt", "criterion-text"},
        {"criterion-text/long_name_thrpt_change.txt", "criterion-text"},
        {"ruby-benchmark/bm_bmbm.txt", "ruby-benchmark"},
        {"iai-callgrind/library_second_run.txt", "iai-callgrind"},
        {"iai-callgrind/all_metrics.txt", "iai-callgrind"},
        {"iai-callgrind/baselines.txt", "iai-callgrind"},
        {"iai-callgrind/callgrind_dhat.txt", "iai-callgrind"},
        {"iai-callgrind/compare_by_id.txt", "iai-callgrind"},
        {"iai-callgrind/binary.txt", "iai-callgrind"},
        {"iai-callgrind/gungraun_0.20_tolerance.txt", "iai-callgrind"},
        {"asv/blas_gha_ubuntu_noble.json", "asv"},
        {"asv/v1_example.json", "asv"},
        {"asv/v1_failed.json", "asv"},
        {"julia-benchmarktools/github-action-benchmark_julia_output.json", "julia-benchmarktools"},
        {"luau-bench/github-action-benchmark_benchmarkluau_output.txt", "luau-bench"},
        {"dart-benchmark-harness/readme_output.txt", "dart-benchmark-harness"},
        {"dart-benchmark-harness/perf_emitter.txt", "dart-benchmark-harness"},
        {"benchmark-ips/ips.json", "benchmark-ips"},
        {"benchmark-ips/report.txt", "benchmark-ips"},
        {"console-time/node20.txt", "console-time"},
        {"console-time/chromium156.txt", "console-time"},
        {"k6/summary_export.json", "k6"},
        {"k6/handle_summary.json", "k6"},
        {"k6-csv/docs_results.csv", "k6-csv"},
        {"locust/run_stats.csv", "locust"},
        {"locust/run_stats_history.csv", "locust"},
        {"jmeter/results.jtl", "jmeter"},
        {"jmeter/results_tab.jtl", "jmeter"},
        {"bmf/results.json", "bmf"},
    };
    for (const auto& c : cases) {
      const auto& [file, format] = c;
      CAPTURE(c.first);  // not `file`: clang before 16 cannot capture a structured binding
      const std::string path = fixture_path(file);
      CHECK(detect_format(read_file(path), path) == format);
    }
  }
  SUBCASE("the native format and a Criterion document") {
    CHECK(detect_format(R"({"benchmarks":[{"name":"a","samples":[1]}]})", "x") == "perfwatch");
    CHECK(detect_format(R"({"criterion":[]})", "x") == "criterion");
  }
  SUBCASE("unrecognised: exit 2 listing every format tried") {
    const std::string message = error_of([] { detect_format("hello\nworld\n", "notes.txt"); });
    CHECK(message.find("notes.txt: --format auto: expected a results file in a known format, tried perfwatch, gbench, catch2,") == 0);
    CHECK(message.find("jmeter, bmf") != std::string::npos);
    CHECK(error_of([] { detect_format(R"({"something": "else"})", "x.json"); }).find("tried perfwatch") != std::string::npos);
  }
  SUBCASE("a gzipped file: unpack it first") {
    CHECK(error_of([] { detect_format(std::string("\x1f\x8b\x08\x00", 4), "results.csv.gz"); }) ==
          "results.csv.gz: a gzipped file: unpack it first (gunzip -k results.csv.gz), then read that");
  }
  SUBCASE("truncated JSON: the syntax error, with line and column") {
    CHECK(error_of([] { detect_format("{\"results\": [\n{\"command\": ", "t.json"); }).find("t.json:2:") == 0);
  }
}

TEST_CASE("detect_format does not take a text that mentions Catch2 for Catch2's XML") {
  CHECK(error_of([] { detect_format("# Notes\nCatch2 v3 writes a <Catch2TestRun> root; v2 a <Catch name=...>.\n", "notes.md"); }).find("notes.md: --format auto: expected a results file in a known format") == 0);
}
