#pragma once
// An exclusive advisory lock (flock) on a file, held for the object's life and
// released by the kernel if the process dies: no stale lock survives a kill.
#include <filesystem>
#include <functional>

namespace perfwatch {

class FileLock {
 public:
  // Takes the lock on `path` (created if missing). When another process holds
  // it, `on_wait` is called once, then this waits for it. Exit 3 when the
  // file cannot be opened.
  FileLock(const std::filesystem::path& path, const std::function<void()>& on_wait);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace perfwatch
