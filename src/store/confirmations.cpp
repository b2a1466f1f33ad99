// Store's confirmations and bisection steps: what the reruns of a night said,
// kept beside the run they judged (schema 5).
#include <cmath>

#include "store/store.hpp"

namespace perfwatch {
namespace {

std::optional<double> maybe(double v) { return std::isnan(v) ? std::nullopt : std::optional(v); }
double real_or_nan(const db::Statement& s, int column) { return s.is_null(column) ? NAN : s.column_double(column); }

void insert_step(db::Connection& db, std::optional<std::int64_t> run_id, const BisectStep& step) {
  auto insert = db.prepare(
      "INSERT INTO bisect_steps(run_id, time, benchmark, metric, good_sha, commit_sha, call, ratio, low, high, rounds, seconds)"
      " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, run_id).bind(2, step.time).bind(3, step.benchmark).bind(4, std::string_view(to_string(step.metric)));
  insert.bind(5, step.good_sha).bind(6, step.commit_sha).bind(7, std::string_view(to_string(step.call)));
  insert.bind(8, maybe(step.effect.ratio)).bind(9, maybe(step.effect.low)).bind(10, maybe(step.effect.high));
  insert.bind(11, std::int64_t{step.effect.rounds}).bind(12, step.seconds);
  insert.step();
}

}  // namespace

void Store::record_confirmations(std::int64_t run_id, const std::vector<ConfirmationRecord>& records,
                                 const std::vector<BisectStep>& steps) {
  db::Transaction tx(*db_);
  insert_confirmations(run_id, records, steps);
  tx.commit();
}

void Store::insert_confirmations(std::int64_t run_id, const std::vector<ConfirmationRecord>& records,
                                 const std::vector<BisectStep>& steps) {
  for (const ConfirmationRecord& r : records) {
    const Confirmation& c = r.confirmation;
    auto insert = db_->prepare(
        "INSERT INTO confirmations(run_id, benchmark, metric, confirmed, ratio, low, high, rounds, seconds,"
        " good_sha, note, culprit_sha, culprit_author, culprit_subject, culprit_ratio, culprit_low, culprit_high,"
        " culprit_rounds, bisect_note, on_median) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(run_id, benchmark, metric) DO UPDATE SET confirmed = excluded.confirmed,"
        " ratio = excluded.ratio, low = excluded.low, high = excluded.high, rounds = excluded.rounds,"
        " seconds = excluded.seconds, good_sha = excluded.good_sha, note = excluded.note,"
        " culprit_sha = excluded.culprit_sha, culprit_author = excluded.culprit_author,"
        " culprit_subject = excluded.culprit_subject, culprit_ratio = excluded.culprit_ratio,"
        " culprit_low = excluded.culprit_low, culprit_high = excluded.culprit_high,"
        " culprit_rounds = excluded.culprit_rounds, bisect_note = excluded.bisect_note,"
        " on_median = excluded.on_median");
    insert.bind(1, run_id).bind(2, r.benchmark).bind(3, std::string_view(to_string(r.metric)));
    insert.bind(4, c.confirmed ? std::optional<std::int64_t>(*c.confirmed) : std::nullopt);
    insert.bind(5, maybe(c.effect.ratio)).bind(6, maybe(c.effect.low)).bind(7, maybe(c.effect.high));
    insert.bind(8, std::int64_t{c.effect.rounds}).bind(9, c.seconds).bind(10, c.good_sha).bind(11, c.note);
    if (c.culprit) {
      insert.bind(12, c.culprit->sha).bind(13, c.culprit->author).bind(14, c.culprit->subject);
      insert.bind(15, maybe(c.culprit->effect.ratio)).bind(16, maybe(c.culprit->effect.low));
      insert.bind(17, maybe(c.culprit->effect.high)).bind(18, std::int64_t{c.culprit->effect.rounds});
    } else {
      for (int i = 12; i <= 18; ++i) insert.bind_null(i);
    }
    insert.bind(19, c.bisect_note).bind(20, std::int64_t{c.on_median});
    insert.step();
  }
  for (const BisectStep& s : steps) insert_step(*db_, run_id, s);
}

void Store::insert_bisect_step(std::optional<std::int64_t> run_id, const BisectStep& step) {
  insert_step(*db_, run_id, step);
}

void Store::record_bisect_steps(const std::vector<BisectStep>& steps) {
  db::Transaction tx(*db_);
  for (const BisectStep& s : steps) insert_step(*db_, std::nullopt, s);
  tx.commit();
}

std::vector<ConfirmationRecord> Store::confirmations(std::int64_t run_id) {
  auto rows = db_->prepare(
      "SELECT benchmark, metric, confirmed, ratio, low, high, rounds, seconds, good_sha, note, culprit_sha,"
      " culprit_author, culprit_subject, culprit_ratio, culprit_low, culprit_high, culprit_rounds, bisect_note,"
      " on_median FROM confirmations WHERE run_id = ? ORDER BY benchmark, metric");
  rows.bind(1, run_id);
  std::vector<ConfirmationRecord> out;
  while (rows.step()) {
    const auto metric = parse_metric(rows.column_text(1));
    if (!metric) continue;  // a metric a newer perfwatch knows
    ConfirmationRecord r{rows.column_text(0), *metric, {}};
    Confirmation& c = r.confirmation;
    if (!rows.is_null(2)) c.confirmed = rows.column_int(2) != 0;
    c.effect = {real_or_nan(rows, 3), real_or_nan(rows, 4), real_or_nan(rows, 5), static_cast<int>(rows.column_int(6))};
    c.seconds = rows.column_double(7);
    c.good_sha = rows.column_text(8);
    c.note = rows.column_text(9);
    if (!rows.is_null(10)) {
      c.culprit = Culprit{rows.column_text(10), rows.column_text(11), rows.column_text(12),
                          {real_or_nan(rows, 13), real_or_nan(rows, 14), real_or_nan(rows, 15),
                           static_cast<int>(rows.column_int(16))}};
    }
    c.bisect_note = rows.column_text(17);
    c.on_median = rows.column_int(18) != 0;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<BisectStep> Store::bisect_steps() {
  std::vector<BisectStep> out;
  for (auto& [run, step] : bisect_steps_by_run()) out.push_back(std::move(step));
  return out;
}

std::vector<std::pair<std::optional<std::int64_t>, BisectStep>> Store::bisect_steps_by_run() {
  auto rows = db_->prepare(
      "SELECT time, benchmark, metric, good_sha, commit_sha, call, ratio, low, high, rounds, seconds, run_id"
      " FROM bisect_steps ORDER BY id");
  std::vector<std::pair<std::optional<std::int64_t>, BisectStep>> out;
  while (rows.step()) {
    BisectStep s;
    s.time = rows.column_int(0);
    s.benchmark = rows.column_text(1);
    s.metric = parse_metric(rows.column_text(2)).value_or(Metric::p95_latency);
    s.good_sha = rows.column_text(3);
    s.commit_sha = rows.column_text(4);
    s.call = parse_step_call(rows.column_text(5));
    s.effect = {real_or_nan(rows, 6), real_or_nan(rows, 7), real_or_nan(rows, 8), static_cast<int>(rows.column_int(9))};
    s.seconds = rows.column_double(10);
    out.emplace_back(rows.is_null(11) ? std::nullopt : std::optional(rows.column_int(11)), std::move(s));
  }
  return out;
}

}  // namespace perfwatch
