#pragma once
// The two real corpora, read from the files copied under bench/data/.
#include <string>

#include "accuracy/corpus.hpp"

namespace perfwatch::accuracy {

// SAP HANA's CI (bench/data/sap-hana-large/series.ndjson.gz, read with gzip -dc):
// each build one night of each series it measured, one run (Benjamini-
// Hochberg across the series it measured), its samples the night's latency samples. Series with
// `parity` (0 even, 1 odd index; -1 all). Must-catch: annotated changes whose
// median of the 10 builds after is at least `min_step` (x1.25, the goal's
// size) the 10 before; an alert up
// to one build early counts (the annotation can be off by one). Clean: every
// build of a series with no change, and builds more than 5 before its first.
Corpus load_sap_hana(const std::string& path, int parity, double min_step = 1.25);

// TigerBeetle's load_accepted, batch_p90 and transfer_p90 over 365 commits
// (one value a night, one run a night). Its two reference change points
// (15: -12 %, 71: +16 %) are below the policy's -15 % throughput rule and
// not regressions, so nothing is must-catch; nights within 5 of them (and
// the one-night drop at 13 among them) are not scored; every other night is clean.
Corpus load_tigerbeetle(const std::string& path);

}  // namespace perfwatch::accuracy
