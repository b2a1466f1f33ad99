#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "report/comparison_view.hpp"
#include "report/json_out.hpp"

using namespace perfwatch;

TEST_CASE("JsonOut") {
  // The same document through nlohmann and through JsonOut: the same text.
  const nlohmann::json tree = {{"a", 1}, {"nested", {{"deep", {1, 2}}, {"empty", nlohmann::json::array()}}}};
  nlohmann::json expected = {{"empty_array", nlohmann::json::array()},
                             {"empty_object", nlohmann::json::object()},
                             {"flag", false},
                             {"int", -42},
                             {"list", {1.5, "two", nullptr}},
                             {"nan", nullptr},
                             {"number", 0.1},
                             {"text", "quote \" backslash \\ tab \t é"},
                             {"tree", tree}};
  std::string text;
  JsonOut j(text);
  j.begin_object();
  j.key("empty_array").begin_array().end_array();
  j.key("empty_object").begin_object().end_object();
  j.key("flag").value(false);
  j.key("int").value(-42);
  j.key("list").begin_array().value(1.5).value("two").null().end_array();
  j.key("nan").value(std::nan(""));
  j.key("number").value(0.1);
  j.key("text").value("quote \" backslash \\ tab \t é");
  j.key("tree").tree(tree);
  j.end_object();
  CHECK(text == expected.dump(2));
}

TEST_CASE("comparison_json") {
  Comparison c;
  c.commit = "abc123";
  c.run_id = 9;
  c.run_time = 1780000000;
  c.environment = "env:ci";
  c.baseline = {7, 1779400000, 1779900000};
  MetricResult p95;
  p95.benchmark = "parse/\"quoted\"";
  p95.unit = "ns";
  p95.baseline = 100;
  p95.current = 130;
  p95.ratio = 1.3;
  p95.ci_low = 1.2;
  p95.ci_high = 1.4;
  p95.p_value = 1e-6;
  p95.q_value = 2e-5;
  p95.baseline_nights = 7;
  p95.verdict = Verdict::regression;
  p95.alerting = true;
  p95.noise = {true, 56, std::log1p(0.031), 0, 0, std::log1p(0.042), 0.0002};
  p95.nights_in_row = 1;
  Confirmation confirmed;
  confirmed.confirmed = true;
  confirmed.effect = {1.49, 1.41, 1.58, 4};
  confirmed.good_sha = "def456";
  confirmed.culprit = Culprit{"0a1b2c", "Ann <ann@example.com>", "parse: copy tokens", {1.5, 1.44, 1.57, 7}};
  p95.confirmation = confirmed;
  MetricResult p999;
  p999.benchmark = "soak";
  p999.metric = Metric::p999_latency;
  p999.unit = "ns";
  p999.baseline = p999.current = p999.ratio = p999.ci_low = p999.ci_high = NAN;
  p999.too_few_samples = 30;
  MetricResult counted;
  counted.benchmark = "tokenize";
  counted.metric = Metric::instructions;
  counted.counted_by = "callgrind";
  counted.verdict = Verdict::insufficient_baseline;
  MetricResult persisted = p95;  // a noisy benchmark's second night, rerun
  persisted.benchmark = "noisy";
  persisted.verdict = Verdict::unchanged;
  persisted.confirmation.reset();
  persisted.nights_in_row = 2;
  persisted.screened = persisted.persisted = true;
  c.results = {p95, p999, counted, persisted};
  c.failures = {{"broken", "exit status 3"}};
  c.warnings = {{"soak", WarningKind::too_few_samples, "30 samples"}};
  c.verdict = Verdict::regression;

  const std::string text = comparison_json(c);
  const nlohmann::json doc = nlohmann::json::parse(text);
  CHECK(doc.dump(2) == text);  // nlohmann's layout and key order, whoever wrote it
  CHECK(doc["baseline"]["runs"] == 7);
  CHECK(doc["baseline"]["from"] == "2026-05-21T21:46:40Z");
  CHECK(doc["environment_note"].is_null());
  CHECK(doc["failures"][0]["failure"] == "exit status 3");
  CHECK(doc["warnings"][0]["kind"] == "too_few_samples");
  const auto& row = doc["results"][0];
  CHECK(row["benchmark"] == "parse/\"quoted\"");
  CHECK(row["ratio"] == 1.3);
  CHECK(row["confirmed"] == true);
  CHECK(row["confirmation"]["culprit"]["effect"]["rounds"] == 7);
  CHECK(row["reason"]["noise"]["nights"] == 56);
  CHECK(row["reason"]["noise"]["spread"].get<double>() == doctest::Approx(0.031));
  CHECK(row["reason"]["noise"]["returns_to"].get<double>() == doctest::Approx(0.042));
  CHECK(row["reason"]["noise"]["pooled"].get<double>() == doctest::Approx(0.0002));
  CHECK(row["reason"]["screened_by"].is_null());
  CHECK(doc["results"][3]["reason"]["screened"] == true);
  CHECK(doc["results"][3]["reason"]["screened_by"] == "second night");
  CHECK(doc["results"][1]["current"].is_null());  // NaN is null
  CHECK(doc["results"][1]["too_few_samples"] == nlohmann::json({{"needed", 1000}, {"samples", 30}}));
  CHECK(doc["results"][1]["confirmation"].is_null());
  CHECK(doc["results"][2]["counted_by"] == "callgrind");
  CHECK(doc["results"][2]["reason"]["noise"].is_null());
  CHECK_FALSE(doc["results"][0].contains("counted_by"));
}
