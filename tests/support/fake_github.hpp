#pragma once
// A local stand-in for GitHub's REST API: a real HTTP server on 127.0.0.1
// (cpp-httplib) that keeps issues, comments and labels in memory, pages like
// GitHub (per_page, page, Link), and fails on demand.
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Response;
}

namespace perfwatch::testing {

class FakeGitHub {
 public:
  struct Issue {
    int number = 0;
    std::string title, body, state = "open";
    std::vector<std::string> labels, assignees;
    std::vector<std::string> comments;
    nlohmann::json events = nlohmann::json::array();  // GET /issues/N/events
    std::string created_at;  // set when the issue is added or opened
  };
  // The next request with this method gets this answer instead (after `delay_s`).
  struct Fault {
    std::string method;
    int status = 502;
    std::map<std::string, std::string> headers;
    double delay_s = 0;
    std::string body = R"({"message":"fault"})";
    bool act_first = false;  // carry the request out, then answer with the fault (GitHub's 502 after acting)
    std::string path_contains;  // only requests whose path contains this ("": any)
    bool drop = false;          // start the answer, then drop the connection (a reset mid-response)
  };
  struct Request {
    std::string method, path, authorization, accept, api_version, user_agent, body;
  };

  static Issue issue(std::string title, std::string state = "open", std::vector<std::string> labels = {}) {
    Issue i;
    i.title = std::move(title);
    i.state = std::move(state);
    i.labels = std::move(labels);
    return i;
  }
  static Fault fault(std::string method, int status, std::map<std::string, std::string> headers = {},
                     double delay_s = 0, std::string body = R"({"message":"fault"})") {
    return Fault{std::move(method), status, std::move(headers), delay_s, std::move(body), false};
  }

  FakeGitHub();
  ~FakeGitHub();
  FakeGitHub(const FakeGitHub&) = delete;
  FakeGitHub& operator=(const FakeGitHub&) = delete;

  std::string url() const;  // "http://127.0.0.1:PORT"
  void inject(Fault fault);
  void add_issue(Issue issue);
  void add_label(std::string name);
  // A maintainer (`actor`) puts `label` on issue `number` in the web UI.
  void label_issue(int number, const std::string& label, const std::string& actor);

  // Copies of the state, for assertions.
  std::vector<Issue> issues();
  std::vector<std::string> labels();
  // Logins that exist; an issue assigned to anyone else is refused with 422, as GitHub does.
  void set_users(std::vector<std::string> users);
  std::vector<Request> requests();

 private:
  void routes();
  bool answer_after_acting(const std::string& method, httplib::Response& res);
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<Issue> issues_;
  std::vector<std::string> labels_;
  std::vector<std::string> users_ = {"alice"};
  std::vector<Fault> faults_;
  std::vector<Request> requests_;
  std::vector<Fault> after_;  // faults that answer once the route has acted
};

}  // namespace perfwatch::testing
