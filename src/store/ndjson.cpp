#include "store/ndjson.hpp"

#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

UnixTime require_time(const json& v, const std::string& source, const std::string& path) {
  const std::string text = require_string(v, source, path);
  auto t = parse_iso8601(text);
  if (!t) fail(source, path, "an ISO 8601 time", v);
  return *t;
}

CommitInfo read_commit(const json& c, const std::string& source) {
  require_object(c, source, "commit");
  CommitInfo info;
  info.sha = require_string(require(c, "sha", source, "commit"), source, "commit.sha");
  for (const json& p : require_array(require(c, "parents", source, "commit"), source, "commit.parents")) {
    info.parents.push_back(require_string(p, source, "commit.parents[]"));
  }
  info.author = require_string(require(c, "author", source, "commit"), source, "commit.author");
  info.time = require_time(require(c, "time", source, "commit"), source, "commit.time");
  info.subject = require_string(require(c, "subject", source, "commit"), source, "commit.subject");
  return info;
}

Environment read_environment(const json& e, const std::string& source) {
  require_object(e, source, "environment");
  Environment env;
  env.name = require_string(require(e, "name", source, "environment"), source, "environment.name");
  env.cpu = require_string(require(e, "cpu", source, "environment"), source, "environment.cpu");
  env.cores = static_cast<int>(require_count(require(e, "cores", source, "environment"), source, "environment.cores"));
  env.os = require_string(require(e, "os", source, "environment"), source, "environment.os");
  // Both absent in exports older than schema 3.
  if (const json* arch = optional(e, "arch")) env.arch = require_string(*arch, source, "environment.arch");
  if (const json* id = optional(e, "identity")) env.identity = require_string(*id, source, "environment.identity");
  return env;
}

RunRecord read_run(const json& line, const std::string& source) {
  require_object(line, source, "(line)");
  RunRecord run;
  run.commit = read_commit(require(line, "commit", source, ""), source);
  run.environment = read_environment(require(line, "environment", source, ""), source);
  run.time = require_time(require(line, "time", source, ""), source, "time");
  run.suite = require_string(require(line, "suite", source, ""), source, "suite");
  const json& status = require(line, "status", source, "");
  if (!parse_run_status(require_string(status, source, "status"), run.status)) {
    fail(source, "status", "complete, interrupted or invalidated", status);
  }
  run.tool_version = require_string(require(line, "tool_version", source, ""), source, "tool_version");
  run.source_format = require_string(require(line, "source_format", source, ""), source, "source_format");
  const json& aggregate = require(line, "aggregate_only", source, "");
  if (!aggregate.is_boolean()) fail(source, "aggregate_only", "a boolean", aggregate);
  run.aggregate_only = aggregate.get<bool>();
  const json& results = require_array(require(line, "results", source, ""), source, "results");
  for (size_t i = 0; i < results.size(); ++i) {
    run.results.push_back(read_native_benchmark(results[i], source, element("results", i)));
  }
  return run;
}

std::string optional_string(const json& object, const char* key, const std::string& source, const std::string& path) {
  const json* v = optional(object, key);
  return v ? require_string(*v, source, path + "." + key) : "";
}

DecisionRecord read_decision(const json& line, const std::string& source) {
  const json& d = require(line, "decision", source, "");
  require_object(d, source, "decision");
  DecisionRecord out;
  Decision& decision = out.decision;
  const json& kind = require(d, "kind", source, "decision");
  if (!parse_decision_kind(require_string(kind, source, "decision.kind"), decision.kind)) {
    fail(source, "decision.kind", "accept, ignore, unignore or invalidate", kind);
  }
  decision.time = require_time(require(d, "time", source, "decision"), source, "decision.time");
  decision.benchmark = optional_string(d, "benchmark", source, "decision");
  decision.metric = optional_string(d, "metric", source, "decision");
  decision.commit_sha = optional_string(d, "commit", source, "decision");
  if (const json* since = optional(d, "since")) decision.since = require_time(*since, source, "decision.since");
  if (const json* until = optional(d, "until")) decision.until = require_time(*until, source, "decision.until");
  if (const json* run = optional(d, "run_time")) out.run_time = require_time(*run, source, "decision.run_time");
  decision.actor = require_string(require(d, "actor", source, "decision"), source, "decision.actor");
  decision.reason = require_string(require(d, "reason", source, "decision"), source, "decision.reason");
  decision.source = require_string(require(d, "source", source, "decision"), source, "decision.source");
  return out;
}

}  // namespace

std::string decision_to_ndjson(const DecisionRecord& r) {
  const Decision& d = r.decision;
  nlohmann::json out = {{"kind", to_string(d.kind)}, {"time", format_iso8601(d.time)}, {"actor", d.actor},
                        {"reason", d.reason}, {"source", d.source}};
  if (!d.benchmark.empty()) out["benchmark"] = d.benchmark;
  if (!d.metric.empty()) out["metric"] = d.metric;
  if (!d.commit_sha.empty()) out["commit"] = d.commit_sha;
  if (d.kind == DecisionKind::accept) out["since"] = format_iso8601(d.since);
  if (d.until) out["until"] = format_iso8601(*d.until);
  if (d.kind == DecisionKind::invalidate) out["run_time"] = format_iso8601(r.run_time);
  return nlohmann::json{{"decision", std::move(out)}}.dump();
}

std::string ndjson_header() {
  return nlohmann::json{{"perfwatch_history", kNdjsonVersion}}.dump();
}

namespace {

nlohmann::json environment_json(const Environment& e) {
  nlohmann::json j = {{"name", e.name}, {"cpu", e.cpu}, {"cores", e.cores}, {"os", e.os}};
  if (!e.arch.empty()) j["arch"] = e.arch;
  if (!e.identity.empty()) j["identity"] = e.identity;
  return j;
}

}  // namespace

std::string run_to_ndjson(const RunRecord& run) {
  nlohmann::json results = nlohmann::json::array();
  for (const BenchmarkResult& r : run.results) results.push_back(native_benchmark_json(r));
  const CommitInfo& c = run.commit;
  const Environment& e = run.environment;
  return nlohmann::json{
      {"time", format_iso8601(run.time)},
      {"suite", run.suite},
      {"status", to_string(run.status)},
      {"tool_version", run.tool_version},
      {"source_format", run.source_format},
      {"aggregate_only", run.aggregate_only},
      {"commit", {{"sha", c.sha}, {"parents", c.parents}, {"author", c.author},
                  {"time", format_iso8601(c.time)}, {"subject", c.subject}}},
      {"environment", environment_json(e)},
      {"results", std::move(results)}}
      .dump();
}

HistoryExport parse_ndjson(std::istream& in, const std::string& source) {
  HistoryExport history;
  std::string text;
  size_t line_no = 0;
  bool header_seen = false;
  while (std::getline(in, text)) {
    ++line_no;
    if (text.empty()) continue;
    const std::string where = source + ":" + std::to_string(line_no);
    const json line = parse_document(text, source, line_no);
    if (!header_seen) {
      const json* version = optional(line, "perfwatch_history");
      if (!version || !version->is_number_integer() || version->get<int>() > kNdjsonVersion) {
        fail(where, "perfwatch_history", "a perfwatch export header of version " + std::to_string(kNdjsonVersion),
             version ? *version : json(nullptr));
      }
      header_seen = true;
      continue;
    }
    if (line.is_object() && line.contains("decision")) {
      history.decisions.push_back(read_decision(line, where));
    } else {
      history.runs.push_back(read_run(line, where));
    }
  }
  if (!header_seen) throw input_error(source + ": expected a perfwatch export (NDJSON with a header line), got an empty file");
  return history;
}

}  // namespace perfwatch
