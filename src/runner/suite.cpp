#include "runner/suite.hpp"

#include <algorithm>
#include <set>

#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"
#include "util/text.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

std::vector<std::string> read_argv(const json& value, const std::string& source, const std::string& path) {
  require_array(value, source, path);
  if (value.empty()) throw input_error(source + ": " + path + ": expected a non-empty argv array, got []");
  std::vector<std::string> argv;
  for (size_t i = 0; i < value.size(); ++i) argv.push_back(require_string(value[i], source, element(path, i)));
  return argv;
}

int read_count(const json& value, const std::string& source, const std::string& path, int minimum) {
  const std::int64_t n = require_count(value, source, path);
  if (n < minimum || n > 100000) fail(source, path, "an integer from " + std::to_string(minimum) + " to 100000", value);
  return static_cast<int>(n);
}

SuiteEntry read_entry(const json& b, const std::string& source, const std::string& path) {
  require_object(b, source, path);
  reject_unknown_keys(b, {"name", "command", "format", "cwd", "env", "timeout_s", "repetitions", "warmup", "prepare",
                          "memory_growth_min_seconds", "measure"},
                      source, path);
  SuiteEntry e;
  e.name = require_string(require(b, "name", source, path), source, child(path, "name"));
  if (e.name.empty()) fail(source, child(path, "name"), "a non-empty string", b["name"]);
  e.command = read_argv(require(b, "command", source, path), source, child(path, "command"));
  if (const json* f = optional(b, "format")) {
    e.format = require_string(*f, source, child(path, "format"));
    bool known = e.format == "time";
    for (const Adapter& a : adapters()) known = known || e.format == a.name;
    if (!known) fail(source, child(path, "format"), "time or one of " + adapter_names(), *f);
  }
  if (const json* c = optional(b, "cwd")) e.cwd = require_string(*c, source, child(path, "cwd"));
  if (const json* env = optional(b, "env")) {
    require_object(*env, source, child(path, "env"));
    for (const auto& [key, value] : env->items()) e.env[key] = require_string(value, source, child(child(path, "env"), key));
  }
  if (const json* t = optional(b, "timeout_s")) {
    e.timeout_s = require_number(*t, source, child(path, "timeout_s"));
    if (e.timeout_s <= 0) fail(source, child(path, "timeout_s"), "a positive number of seconds", *t);
  }
  if (const json* r = optional(b, "repetitions")) e.repetitions = read_count(*r, source, child(path, "repetitions"), 1);
  if (const json* w = optional(b, "warmup")) e.warmup = read_count(*w, source, child(path, "warmup"), 0);
  if (const json* p = optional(b, "prepare")) e.prepare = read_argv(*p, source, child(path, "prepare"));
  if (const json* m = optional(b, "measure")) {
    const std::string what = require_string(*m, source, child(path, "measure"));
    if (what != "time" && what != "instructions") fail(source, child(path, "measure"), "\"time\" or \"instructions\"", *m);
    e.count_instructions = what == "instructions";
    // The count is the whole process's: a format's own timings under callgrind would be its, not the code's.
    if (e.count_instructions && e.format != "time")
      fail(source, child(path, "format"), "\"time\" (or no format) with \"measure\": \"instructions\"", b["format"]);
  }
  if (const json* m = optional(b, "memory_growth_min_seconds"))
    e.memory_growth_min_seconds = require_non_negative(*m, source, child(path, "memory_growth_min_seconds"));
  return e;
}

GitHubSettings read_github(const json& g, const std::string& source) {
  require_object(g, source, "github");
  reject_unknown_keys(g, {"repository", "assignees"}, source, "github");
  GitHubSettings s;
  if (const json* r = optional(g, "repository")) {
    s.repository = require_string(*r, source, "github.repository");
    if (s.repository.find('/') == std::string::npos) fail(source, "github.repository", "owner/name", *r);
  }
  if (const json* a = optional(g, "assignees")) {
    require_object(*a, source, "github.assignees");
    for (const auto& [glob, logins] : a->items()) {
      const std::string path = child("github.assignees", glob);
      require_array(logins, source, path);
      std::vector<std::string> names;
      for (size_t i = 0; i < logins.size(); ++i) names.push_back(require_string(logins[i], source, element(path, i)));
      s.assignees.emplace_back(glob, names);
    }
  }
  return s;
}

}  // namespace

bool counts_instructions(const Suite& suite) {
  return std::any_of(suite.benchmarks.begin(), suite.benchmarks.end(),
                     [](const SuiteEntry& e) { return e.count_instructions; });
}

std::vector<std::string> assignees_for(const GitHubSettings& github, const std::string& benchmark) {
  std::vector<std::string> logins;
  for (const auto& [glob, names] : github.assignees) {
    if (!glob_match(glob, benchmark)) continue;
    for (const std::string& n : names)
      if (std::find(logins.begin(), logins.end(), n) == logins.end()) logins.push_back(n);
  }
  return logins;
}

Suite parse_suite(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  require_object(doc, source, "(document)");
  reject_unknown_keys(doc, {"suite", "environment", "benchmarks", "github"}, source, "");
  Suite suite;
  suite.name = require_string(require(doc, "suite", source, ""), source, "suite");
  const json& list = require_array(require(doc, "benchmarks", source, ""), source, "benchmarks");
  if (list.empty()) throw input_error(source + ": benchmarks: expected at least one benchmark, got []");
  if (const json* g = optional(doc, "github")) suite.github = read_github(*g, source);
  if (const json* e = optional(doc, "environment")) {
    suite.environment = require_string(*e, source, "environment");
    if (suite.environment.empty()) throw input_error(source + ": environment: expected a non-empty name, got \"\"");
  }
  std::set<std::string> names;
  for (size_t i = 0; i < list.size(); ++i) {
    SuiteEntry e = read_entry(list[i], source, element("benchmarks", i));
    if (!names.insert(e.name).second) {
      throw input_error(source + ": " + element("benchmarks", i) + ".name: expected a unique name, got \"" + e.name + "\" twice");
    }
    suite.benchmarks.push_back(std::move(e));
  }
  return suite;
}

}  // namespace perfwatch
