#pragma once
// GITHUB_* pointing at a FakeGitHub for the life of the object, as a workflow
// run would set them.
#include <cstdlib>
#include <string>

#include "support/fake_github.hpp"

namespace perfwatch::testing {

inline const std::string kTestToken = "ghp_reportTestTokenZYXW9876543210";

struct GitHubEnvironment {
  explicit GitHubEnvironment(const FakeGitHub& server) {
    setenv("GITHUB_API_URL", server.url().c_str(), 1);
    setenv("GITHUB_REPOSITORY", "octo/widgets", 1);
    setenv("GITHUB_TOKEN", kTestToken.c_str(), 1);
    setenv("GITHUB_SERVER_URL", "https://github.example", 1);
    setenv("GITHUB_RUN_ID", "4242", 1);
  }
  ~GitHubEnvironment() {
    for (const char* v : {"GITHUB_API_URL", "GITHUB_REPOSITORY", "GITHUB_TOKEN", "GITHUB_SERVER_URL", "GITHUB_RUN_ID",
                          "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"})
      unsetenv(v);
  }
  GitHubEnvironment(const GitHubEnvironment&) = delete;
  GitHubEnvironment& operator=(const GitHubEnvironment&) = delete;
};

}  // namespace perfwatch::testing
