#include "cli/confirm.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "cli/bisect.hpp"
#include "detect/paired.hpp"

namespace perfwatch {
namespace {

std::vector<ConfirmationRecord> every_candidate(const Comparison& c, const std::string& note) {
  std::vector<ConfirmationRecord> out;
  for (const MetricResult& r : c.results) {
    if (!is_rerun_candidate(r)) continue;
    Confirmation none;
    none.good_sha = c.last_good_commit;
    none.note = note;
    out.push_back({r.benchmark, r.metric, none});
  }
  return out;
}

// The candidate's own result in `c` (every record is one of them).
const MetricResult& result_of(const Comparison& c, const ConfirmationRecord& r) {
  return *std::find_if(c.results.begin(), c.results.end(),
                       [&](const MetricResult& m) { return m.benchmark == r.benchmark && m.metric == r.metric; });
}

// Why nothing can be rerun tonight ("" when something can).
std::string cannot_confirm(const Comparison& c, const Workspace& ws) {
  if (c.last_good_commit.empty()) return "no baseline night to rerun";
  if (!ws.problem().empty()) return ws.problem();
  return "";
}

}  // namespace

ConfirmPhase confirm_candidates(Context& ctx, const std::vector<SuiteEntry>& entries, const std::filesystem::path& suite_dir,
                                const Comparison& c, const Policy& policy, const ConfirmOptions& options) {
  ConfirmPhase phase;
  if (!options.enabled) {
    phase.records = every_candidate(c, "not rerun: --no-confirm");
    return phase;
  }
  const git::Repository& repo = ctx.repo();
  Workspace ws(repo, repo.workdir() / ".perfwatch" / "confirm" / std::to_string(ctx.now()), suite_dir);
  phase.records = every_candidate(c, "");
  if (phase.records.empty()) return phase;
  if (const std::string why = cannot_confirm(c, ws); !why.empty()) {
    for (ConfirmationRecord& r : phase.records) r.confirmation.note = "not rerun: " + why;
    return phase;
  }
  if (c.last_good_commit == c.commit) {
    // The code did not change since the baseline: the machine did.
    for (ConfirmationRecord& r : phase.records) {
      r.confirmation.confirmed = false;
      r.confirmation.note = "tonight's commit is the last good night's: the change is not in the code";
    }
    return phase;
  }
  // Candidates by the suite entry that measures them (one rerun serves all
  // of an entry's), the entry of the most urgent candidate first: the
  // budget may run out before the last.
  std::vector<ConfirmationRecord*> urgent_first;
  for (ConfirmationRecord& r : phase.records) urgent_first.push_back(&r);
  std::stable_sort(urgent_first.begin(), urgent_first.end(), [&](const ConfirmationRecord* a, const ConfirmationRecord* b) {
    return reruns_before(result_of(c, *a), result_of(c, *b));
  });
  std::vector<std::pair<const SuiteEntry*, std::vector<ConfirmationRecord*>>> by_entry;
  for (ConfirmationRecord* r : urgent_first) {
    const SuiteEntry* e = entry_of(entries, r->benchmark);
    if (!e) {
      r->confirmation.note = "not rerun: no suite entry measures it";
      continue;
    }
    const auto same = std::find_if(by_entry.begin(), by_entry.end(), [&](const auto& item) { return item.first == e; });
    if (same == by_entry.end()) by_entry.push_back({e, {r}});
    else same->second.push_back(r);
  }
  Budget budget{options.budget_minutes * 60};
  std::ostream& info = ctx.info();
  const std::string good_label = c.last_good_commit.substr(0, 8);
  info << fmt::format("perfwatch: confirming {} candidate regression(s) against {} with interleaved reruns (budget {:.0f} min)\n",
                      phase.records.size(), good_label, options.budget_minutes);
  const auto good_tree = ws.checkout(c.last_good_commit);
  const Tree good = ws.tree_of(*good_tree);
  const Tree tonight{c.commit, suite_dir};
  const std::vector<CommitInfo> range = suspect_range(repo, c.last_good_commit, c.commit);
  for (auto& item : by_entry) {
    const SuiteEntry* entry = item.first;  // not a structured binding: clang 14 cannot capture one
    std::vector<ConfirmationRecord*>& records = item.second;
    auto note_all = [&](const std::string& note) {
      for (ConfirmationRecord* r : records) r->confirmation.note = note;
    };
    if (const std::string failed = prepare_entry(*entry, good, budget, ws.work_dir(good_label)); !failed.empty()) {
      note_all("not rerun: the good commit's prepare step failed: " + failed);
      continue;
    }
    std::vector<Probe> probes;
    for (ConfirmationRecord* r : records) {
      const MetricResult& result = result_of(c, *r);
      const RerunProbe probe = rerun_probe(c.results, result, policy);
      r->confirmation.on_median = probe.metric == Metric::p50_latency;  // candidates alert: never a p50 themselves
      probes.push_back({r->benchmark, probe.metric, probe.boundary});
    }
    const InterleaveOutcome run = interleave(*entry, good, tonight, probes, budget, ws.work_dir(good_label),
                                             round_reporter(info, "confirming " + entry->name));
    const ProbeOutcome* worst = nullptr;  // the confirmed probe with the largest effect, for bisection
    for (size_t i = 0; i < records.size(); ++i) {
      Confirmation& conf = records[i]->confirmation;
      const ProbeOutcome& p = run.probes[i];
      conf.effect = effect_from(p.probe.metric, p.summary);
      conf.seconds = run.seconds;
      const PairedCall call = sequential_call(p.summary, p.probe.boundary, kMinRounds);
      if (!run.failure.empty()) {
        conf.note = "a rerun failed: " + run.failure;
      } else if (call != PairedCall::undecided) {
        conf.confirmed = call == PairedCall::above;
      } else if (p.summary.rounds >= kMinRounds) {
        // Evidence is what files an issue: reruns that cannot tell the
        // change from this machine's noise do not confirm it.
        conf.confirmed = false;
        conf.note = "could not tell it from this machine's noise";
      } else if (run.rounds >= kMinRounds) {
        conf.note = fmt::format("the reruns' output did not report {}", to_string(p.probe.metric));
      } else {
        conf.note = fmt::format("the budget ran out after {} round(s)", run.rounds);
      }
      if (conf.confirmed == true && (!worst || p.summary.mean > worst->summary.mean)) worst = &p;
      info << fmt::format("perfwatch: {} {}: {} after {} round(s) in {:.1f} s\n", records[i]->benchmark,
                          to_string(records[i]->metric),
                          !conf.confirmed ? "undecided" : *conf.confirmed ? "confirmed" : conf.note.empty() ? "refuted" : "not confirmed",
                          conf.effect.rounds, run.seconds);
    }
    if (!worst || range.size() < 2) {
      if (worst && range.size() == 1)
        for (ConfirmationRecord* r : records)
          if (r->confirmation.confirmed == true)
            r->confirmation.culprit = Culprit{range[0].sha, range[0].author, range[0].subject, r->confirmation.effect};
      continue;
    }
    BisectOutcome found = bisect(ws, *entry, good, range, worst->probe, worst->summary, budget, c.run_time, info);
    for (ConfirmationRecord* r : records) {
      if (r->confirmation.confirmed != true) continue;
      r->confirmation.culprit = found.culprit;
      r->confirmation.bisect_note = found.note;
    }
    for (BisectStep& s : found.steps) phase.steps.push_back(std::move(s));
  }
  return phase;
}

}  // namespace perfwatch
