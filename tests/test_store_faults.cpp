// The SQLite edge against real files on a real, small filesystem: a disk that
// fills during ingest and a history on a read-only filesystem. Each is exit 3,
// one line naming the file and what to do, and the history as it was.
// tmpfs needs root (as CI and the project's machines run); elsewhere these
// cases say why they did not run.
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <string>

#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

namespace {

// A tmpfs of `kib` KiB mounted on a fresh folder for the object's life.
class SmallDisk {
 public:
  explicit SmallDisk(int kib) {
    const std::string options = "size=" + std::to_string(kib) + "k";
    mounted_ = mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) umount2(dir_.path().c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  bool mounted() const { return mounted_; }
  std::filesystem::path operator/(const std::string& name) const { return dir_ / name; }
  bool make_read_only() const {
    return mount(nullptr, dir_.path().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

 private:
  TempDir dir_;
  bool mounted_ = false;
};

// A native results file of one benchmark with `n` samples.
std::string samples_file(const TempDir& dir, const std::string& name, int n) {
  std::string samples;
  for (int i = 0; i < n; ++i) samples += (i ? "," : "") + std::to_string(1000 + i % 97);
  return dir.write(name, R"({"benchmarks":[{"name":"a","unit":"ns","samples":[)" + samples + "]}]}").string();
}

bool can_mount(const SmallDisk& disk) {
  if (disk.mounted()) return true;
  MESSAGE("skipped: mounting a tmpfs needs root (uid " << getuid() << ")");
  // CI runs as root: there a missing mount is a failure, not a skip.
  CHECK_FALSE(std::getenv("CI"));
  return false;
}

// A repository, and its history on a small disk of its own.
struct HistoryOnSmallDisk {
  TempDir repo;
  GitFixture git{repo.path(), 1};
  SmallDisk disk;
  std::string db = (disk / "history.db").string();

  explicit HistoryOnSmallDisk(int kib) : disk(kib) {}
  CliResult perfwatch(std::vector<std::string> args) {
    args.insert(args.begin(), {"--repo", repo.path().string(), "--db", db});
    return run(args);
  }
};

}  // namespace

TEST_CASE("store faults: the disk fills during ingest") {
  HistoryOnSmallDisk h(640);
  if (!can_mount(h.disk)) return;
  REQUIRE(h.perfwatch({"ingest", samples_file(h.repo, "small.json", 100), "--at", "2026-11-20T02:00:00Z"}).status == 0);
  const std::string before = h.perfwatch({"export"}).out;
  // 200,000 samples: 1.6 MB of doubles, more than the disk holds.
  const auto r = h.perfwatch({"ingest", samples_file(h.repo, "big.json", 200000), "--at", "2026-11-21T02:00:00Z"});
  CHECK(r.status == 3);
  CHECK(one_line(r.err));
  CHECK_MESSAGE(r.err.find(h.db + ": disk full") != std::string::npos, r.err);
  CHECK(r.err.find("free space there and run again") != std::string::npos);
  CHECK(h.perfwatch({"export"}).out == before);
}

TEST_CASE("store faults: a history on a read-only filesystem") {
  HistoryOnSmallDisk h(4096);
  if (!can_mount(h.disk)) return;
  REQUIRE(h.perfwatch({"ingest", samples_file(h.repo, "a.json", 10), "--at", "2026-11-20T02:00:00Z"}).status == 0);
  const std::string before = h.perfwatch({"export"}).out;
  REQUIRE(h.disk.make_read_only());
  const auto r = h.perfwatch({"ingest", samples_file(h.repo, "b.json", 10), "--at", "2026-11-21T02:00:00Z"});
  CHECK(r.status == 3);
  CHECK(one_line(r.err));
  CHECK_MESSAGE(r.err.find(h.db + ": the history is read-only") != std::string::npos, r.err);
  CHECK(r.err.find("point --db at a writable copy") != std::string::npos);
  // Reading still works, and shows what was there.
  CHECK(h.perfwatch({"export"}).out == before);
}
