#include "util/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.hpp"

namespace perfwatch {

FileLock::FileLock(const std::filesystem::path& path, const std::function<void()>& on_wait) {
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw environment_error(path.string() + ": cannot open the lock file (" + std::strerror(errno) +
                            "): make its folder writable");
  }
  if (flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (on_wait) on_wait();
  int rc;
  while ((rc = flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {
  }
  if (rc != 0) {
    const int e = errno;
    close(fd_);
    throw environment_error(path.string() + ": cannot lock (" + std::strerror(e) + ")");
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) close(fd_);  // closing releases the lock
}

}  // namespace perfwatch
