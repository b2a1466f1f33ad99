#!/usr/bin/env python3
"""Checks perfwatch's GitHub Actions files: they parse as YAML and keep what the
nightly contract needs (schedule, permissions, the history kept from night to
night, the report uploaded, perfwatch nightly run). With --self-test, also
proves each check can fail by breaking a copy of the files in memory.

    tests/check_workflows.py ROOT [--self-test]
"""
import copy
import re
import sys
from pathlib import Path

import yaml


class Problem(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Problem(message)


def triggers(doc):
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    return doc.get("on", doc.get(True)) or {}


def steps(doc):
    out = []
    for job in (doc.get("jobs") or {}).values():
        out += job.get("steps") or []
    return out


def uses(step_list, action):
    return [s for s in step_list if str(s.get("uses", "")).startswith(action + "@")]


def runs(step_list, text):
    return [s for s in step_list if text in str(s.get("run", ""))]


def history_cache(step_list, action):
    return [s for s in uses(step_list, action) if s.get("with", {}).get("path") == ".perfwatch/history.db"]


def check_history_kept(where, step_list):
    restore = history_cache(step_list, "actions/cache/restore")
    save = history_cache(step_list, "actions/cache/save")
    expect(restore and save, f"{where}: expected actions/cache/restore and actions/cache/save of the history")
    expect(restore[0]["with"]["path"] == ".perfwatch/history.db", f"{where}: the cache must hold .perfwatch/history.db")
    expect("restore-keys" in restore[0]["with"], f"{where}: restore must fall back by prefix (restore-keys)")
    expect("github.run_id" in str(save[0]["with"]["key"]), f"{where}: each night must save under a new key")
    expect(save[0].get("if") in ("always()", "always() && inputs.db == ''"),
           f"{where}: the history must be saved even after a regression")
    upload = uses(step_list, "actions/upload-artifact")
    expect(upload and ".perfwatch/history.db" in upload[0]["with"]["path"],
           f"{where}: expected an artifact with a second copy of the history")
    expect(upload[0].get("if") == "always()", f"{where}: the artifact must be uploaded even after a regression")
    order = [step_list.index(s) for s in (restore[0], runs(step_list, "nightly")[0], save[0])]
    expect(order == sorted(order), f"{where}: expected restore, then perfwatch nightly, then save")


def check_ci(doc):
    on = triggers(doc)
    expect("push" in on and "pull_request" in on, "ci.yml: expected on: push and pull_request")
    expect(runs(steps(doc), "ci/test.sh"), "ci.yml: expected a step running ci/test.sh")


def check_nightly(doc):
    on = triggers(doc)
    crons = [s.get("cron") for s in on.get("schedule") or []]
    expect(crons == ["0 2 * * *"], f"nightly.yml: expected schedule cron '0 2 * * *', got {crons}")
    expect("workflow_dispatch" in on, "nightly.yml: expected workflow_dispatch")
    expect(doc.get("permissions") == {"issues": "write", "contents": "read"},
           f"nightly.yml: expected permissions issues: write, contents: read; got {doc.get('permissions')}")
    step_list = steps(doc)
    checkout = uses(step_list, "actions/checkout")
    expect(checkout and checkout[0].get("with", {}).get("fetch-depth") == 0,
           "nightly.yml: expected actions/checkout with fetch-depth: 0 (suspect commits need the history)")
    expect(runs(step_list, "perfwatch nightly"), "nightly.yml: expected a step running perfwatch nightly")
    nightly = runs(step_list, "perfwatch nightly")[0]
    expect("GITHUB_TOKEN" in (nightly.get("env") or {}), "nightly.yml: perfwatch nightly needs GITHUB_TOKEN")
    expect(runs(step_list, "report --html"), "nightly.yml: expected a step writing the HTML report")
    upload = uses(step_list, "actions/upload-artifact")
    expect(upload and "perfwatch-report.html" in upload[0]["with"]["path"], "nightly.yml: expected the report uploaded")
    check_history_kept("nightly.yml", step_list)


def check_action(doc):
    expect(doc.get("runs", {}).get("using") == "composite", "action.yml: expected runs.using: composite")
    step_list = doc["runs"]["steps"]
    for s in step_list:
        expect("uses" in s or s.get("shell"), f"action.yml: step {s.get('name')!r} runs a script without shell:")
    declared = set((doc.get("inputs") or {}).keys())
    used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", yaml.safe_dump(doc)))
    expect(used <= declared, f"action.yml: inputs used but not declared: {sorted(used - declared)}")
    expect(runs(step_list, "nightly"), "action.yml: expected a step running perfwatch nightly")
    check_history_kept("action.yml", step_list)
    # A shared PostgreSQL history (input db) replaces the cached file: every
    # perfwatch step reads PERFWATCH_DB from it, and the cache is left alone.
    expect("db" in declared, "action.yml: expected a db input (a shared PostgreSQL history)")
    for s in step_list:
        if "perfwatch-bin/perfwatch\" " in str(s.get("run", "")) and "cmake" not in str(s.get("run", "")):
            expect((s.get("env") or {}).get("PERFWATCH_DB") == "${{ inputs.db }}",
                   f"action.yml: step {s.get('name')!r} runs perfwatch without PERFWATCH_DB from the db input")
    for s in history_cache(step_list, "actions/cache/restore") + history_cache(step_list, "actions/cache/save"):
        expect("inputs.db == ''" in str(s.get("if", "")), f"action.yml: step {s.get('name')!r} must skip the cache when db is set")
    # The built binary is cached by the sources and the system, and compiled
    # only on a cold cache.
    bins = [s for s in uses(step_list, "actions/cache/restore") if "perfwatch-bin" in str(s.get("with", {}).get("path"))]
    expect(bins and "binary.outputs.key" in str(bins[0]["with"]["key"]), "action.yml: expected the built perfwatch restored from a cache")
    key_step = [s for s in step_list if s.get("id") == "binary"]
    expect(key_step and "RUNNER_OS" in key_step[0]["run"] and "sha256sum" in key_step[0]["run"],
           "action.yml: the binary's key must name the runner OS and a hash of the sources")
    # Everything compiled into the binary: the sources, the embedded templates and uPlot, the build files.
    hashed = next((line for line in key_step[0]["run"].splitlines() if "sha256sum" in line), "") if key_step else ""
    for part in ("src", "templates", "third_party", "cmake", "CMakeLists.txt"):
        expect(f" {part} " in f" {hashed} ", f"action.yml: the binary's key must hash {part} (compiled into perfwatch)")
    build = runs(step_list, "cmake --build")
    expect(build and "cache-hit != 'true'" in str(build[0].get("if", "")), "action.yml: build only when the binary cache missed")


def check_fuzz(doc):
    on = triggers(doc)
    expect(on.get("schedule"), "fuzz.yml: expected a schedule")
    step_list = steps(doc)
    fuzz = runs(step_list, "ci/fuzz.sh")
    expect(fuzz and "FUZZ_SECONDS=600" in fuzz[0]["run"], "fuzz.yml: expected ci/fuzz.sh with FUZZ_SECONDS=600 (10 minutes a parser)")
    restore, save = uses(step_list, "actions/cache/restore"), uses(step_list, "actions/cache/save")
    expect(restore and save and restore[0]["with"]["path"] == "build-fuzz/corpus" == save[0]["with"]["path"],
           "fuzz.yml: the corpora (build-fuzz/corpus) must be restored and saved, to grow")
    expect(save[0].get("if") == "always()", "fuzz.yml: the corpora must be saved even when a crash is found")
    upload = uses(step_list, "actions/upload-artifact")
    expect(upload and "build-fuzz/findings" in upload[0]["with"]["path"], "fuzz.yml: expected the crash inputs uploaded")


CHECKS = {".github/workflows/ci.yml": check_ci, ".github/workflows/nightly.yml": check_nightly, "action.yml": check_action,
          ".github/workflows/fuzz.yml": check_fuzz}


def load(root):
    return {name: yaml.safe_load((root / name).read_text()) for name in CHECKS}


def check_all(docs):
    for name, check in CHECKS.items():
        check(docs[name])


def must_fail(docs, name, mutate, what):
    broken = copy.deepcopy(docs)
    mutate(broken[name])
    try:
        check_all(broken)
    except Problem:
        return
    raise SystemExit(f"self-test: breaking {what} was not caught")


def self_test(docs):
    nightly = ".github/workflows/nightly.yml"
    must_fail(docs, nightly, lambda d: triggers(d)["schedule"][0].update(cron="0 3 * * *"), "the cron")
    must_fail(docs, nightly, lambda d: d["permissions"].update(issues="read"), "the permissions")
    must_fail(docs, nightly, lambda d: d["jobs"]["nightly"]["steps"].pop(
        next(i for i, s in enumerate(d["jobs"]["nightly"]["steps"]) if "cache/save" in str(s.get("uses")))),
              "the history save")
    must_fail(docs, "action.yml", lambda d: d["runs"]["steps"][0].pop("shell"), "a composite step's shell")
    must_fail(docs, "action.yml", lambda d: [s.get("env", {}).pop("PERFWATCH_DB", None) for s in d["runs"]["steps"]],
              "the db input reaching perfwatch")
    must_fail(docs, "action.yml", lambda d: [s.pop("if", None) for s in d["runs"]["steps"] if "cmake --build" in str(s.get("run"))],
              "building only on a cold binary cache")
    must_fail(docs, "action.yml", lambda d: next(s for s in d["runs"]["steps"] if s.get("id") == "binary").update(
        run=next(s for s in d["runs"]["steps"] if s.get("id") == "binary")["run"].replace(" third_party", "")),
              "hashing every folder compiled into the binary")
    must_fail(docs, ".github/workflows/ci.yml", lambda d: triggers(d).pop("pull_request"), "ci's triggers")
    fuzz = ".github/workflows/fuzz.yml"
    must_fail(docs, fuzz, lambda d: d["jobs"]["fuzz"]["steps"].pop(
        next(i for i, s in enumerate(d["jobs"]["fuzz"]["steps"]) if "cache/save" in str(s.get("uses")))), "the corpus save")
    must_fail(docs, fuzz, lambda d: next(s for s in d["jobs"]["fuzz"]["steps"] if "ci/fuzz.sh" in str(s.get("run"))).update(
        run="ci/fuzz.sh"), "the fuzzing time")


def main():
    root = Path(sys.argv[1])
    try:
        docs = load(root)
        check_all(docs)
    except (Problem, yaml.YAMLError, OSError, KeyError, TypeError) as e:
        print(f"check_workflows: {e}", file=sys.stderr)
        return 1
    if "--self-test" in sys.argv:
        self_test(docs)
    print(f"check_workflows: {', '.join(CHECKS)} ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
