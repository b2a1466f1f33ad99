#include "support/fake_github.hpp"

#include <httplib.h>

#include <algorithm>

#include "support/cli.hpp"
#include "util/time.hpp"

namespace perfwatch::testing {
namespace {

nlohmann::json issue_json(const FakeGitHub::Issue& i) {
  nlohmann::json labels = nlohmann::json::array();
  for (const auto& l : i.labels) labels.push_back({{"name", l}});
  return {{"number", i.number}, {"title", i.title}, {"body", i.body}, {"state", i.state}, {"labels", labels},
          {"comments", i.comments.size()}, {"created_at", i.created_at}};
}

// The server keeps the tests' clock: its issues and label events are dated
// as the perfwatch it talks to would date them, whatever the day the suite runs.
std::string now_iso8601() { return format_iso8601(kTestNow); }

int query_int(const httplib::Request& req, const char* name, int fallback) {
  return req.has_param(name) ? std::atoi(req.get_param_value(name).c_str()) : fallback;
}

}  // namespace

FakeGitHub::FakeGitHub() : server_(std::make_unique<httplib::Server>()) {
  routes();
  port_ = server_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeGitHub::~FakeGitHub() {
  server_->stop();
  thread_.join();
}

std::string FakeGitHub::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FakeGitHub::inject(Fault fault) {
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(fault));
}

void FakeGitHub::add_issue(Issue issue) {
  std::lock_guard lock(mutex_);
  issue.number = static_cast<int>(issues_.size()) + 1;
  if (issue.created_at.empty()) issue.created_at = now_iso8601();
  issues_.push_back(std::move(issue));
}

void FakeGitHub::add_label(std::string name) {
  std::lock_guard lock(mutex_);
  labels_.push_back(std::move(name));
}

void FakeGitHub::label_issue(int number, const std::string& label, const std::string& actor) {
  std::lock_guard lock(mutex_);
  Issue& i = issues_.at(static_cast<size_t>(number - 1));
  i.labels.push_back(label);
  i.events.push_back({{"event", "labeled"}, {"actor", {{"login", actor}}}, {"label", {{"name", label}}},
                      {"created_at", "2026-11-20T09:00:00Z"}});
}

std::vector<FakeGitHub::Issue> FakeGitHub::issues() {
  std::lock_guard lock(mutex_);
  return issues_;
}

std::vector<std::string> FakeGitHub::labels() {
  std::lock_guard lock(mutex_);
  return labels_;
}

void FakeGitHub::set_users(std::vector<std::string> users) {
  std::lock_guard lock(mutex_);
  users_ = std::move(users);
}

std::vector<FakeGitHub::Request> FakeGitHub::requests() {
  std::lock_guard lock(mutex_);
  return requests_;
}

// A fault marked act_first answers once the route has acted (called with the lock held).
bool FakeGitHub::answer_after_acting(const std::string& method, httplib::Response& res) {
  auto it = std::find_if(after_.begin(), after_.end(), [&](const Fault& f) { return f.method == method; });
  if (it == after_.end()) return false;
  res.status = it->status;
  res.set_content(it->body, "application/json");
  after_.erase(it);
  return true;
}

void FakeGitHub::routes() {
  using httplib::Request;
  using httplib::Response;
  // Every request is logged; a pending fault for its method answers instead of the route.
  server_->set_pre_routing_handler([this](const Request& req, Response& res) {
    Fault fault;
    bool faulted = false;
    {
      std::lock_guard lock(mutex_);
      requests_.push_back({req.method, req.path, req.get_header_value("Authorization"), req.get_header_value("Accept"),
                           req.get_header_value("X-GitHub-Api-Version"), req.get_header_value("User-Agent"), req.body});
      auto it = std::find_if(faults_.begin(), faults_.end(), [&](const Fault& f) {
        return f.method == req.method && req.path.find(f.path_contains) != std::string::npos;
      });
      if (it != faults_.end()) {
        fault = *it;
        faults_.erase(it);
        faulted = true;
      }
    }
    if (!faulted) return httplib::Server::HandlerResponse::Unhandled;
    if (fault.act_first) {
      std::lock_guard lock(mutex_);
      after_.push_back(fault);
      return httplib::Server::HandlerResponse::Unhandled;
    }
    if (fault.delay_s > 0) std::this_thread::sleep_for(std::chrono::duration<double>(fault.delay_s));
    res.status = fault.status;
    for (const auto& [k, v] : fault.headers) res.set_header(k, v);
    if (fault.drop) {
      // Promises 4 KiB, sends none, and closes: the client sees the connection end mid-answer.
      res.set_content_provider(4096, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
    } else {
      res.set_content(fault.body, "application/json");
    }
    return httplib::Server::HandlerResponse::Handled;
  });
  // github.com's commit page, which the HTML report opens on a click.
  server_->Get(R"(/[^/]+/[^/]+/commit/[0-9a-f]+)", [](const Request& req, Response& res) {
    res.set_content("<!DOCTYPE html><title>" + req.path + "</title>", "text/html");
  });
  const std::string repo = R"(/repos/[^/]+/[^/]+)";
  server_->Get(repo + "/issues", [this](const Request& req, Response& res) {
    std::lock_guard lock(mutex_);
    const std::string state = req.has_param("state") ? req.get_param_value("state") : "open";
    const std::string label = req.has_param("labels") ? req.get_param_value("labels") : "";
    std::vector<const Issue*> matching;
    for (const Issue& i : issues_) {
      const bool labelled = label.empty() || std::find(i.labels.begin(), i.labels.end(), label) != i.labels.end();
      if ((state == "all" || i.state == state) && labelled) matching.push_back(&i);
    }
    const int per_page = std::clamp(query_int(req, "per_page", 30), 1, 100);
    const int page = std::max(query_int(req, "page", 1), 1);
    nlohmann::json out = nlohmann::json::array();
    for (size_t k = static_cast<size_t>((page - 1) * per_page); k < matching.size() && out.size() < static_cast<size_t>(per_page); ++k) {
      out.push_back(issue_json(*matching[k]));
    }
    if (static_cast<size_t>(page * per_page) < matching.size()) {
      std::string next = url() + req.path + "?state=" + state + "&per_page=" + std::to_string(per_page) +
                         "&page=" + std::to_string(page + 1) + (label.empty() ? "" : "&labels=" + label);
      res.set_header("Link", "<" + next + ">; rel=\"next\"");
    }
    res.set_content(out.dump(), "application/json");
  });
  server_->Post(repo + "/issues", [this](const Request& req, Response& res) {
    const auto body = nlohmann::json::parse(req.body);
    std::lock_guard lock(mutex_);
    Issue i;
    i.number = static_cast<int>(issues_.size()) + 1;
    i.created_at = now_iso8601();
    i.title = body.value("title", "");
    i.body = body.value("body", "");
    for (const auto& l : body.value("labels", nlohmann::json::array())) i.labels.push_back(l);
    for (const auto& a : body.value("assignees", nlohmann::json::array())) {
      if (std::find(users_.begin(), users_.end(), a.get<std::string>()) == users_.end()) {
        res.status = 422;
        res.set_content(R"({"message":"Validation Failed","errors":[{"field":"assignees","code":"invalid"}]})", "application/json");
        return;
      }
      i.assignees.push_back(a);
    }
    issues_.push_back(i);
    if (answer_after_acting("POST", res)) return;
    res.status = 201;
    res.set_content(issue_json(i).dump(), "application/json");
  });
  server_->Post(repo + R"(/issues/(\d+)/comments)", [this](const Request& req, Response& res) {
    const int number = std::stoi(req.matches[1]);
    std::lock_guard lock(mutex_);
    if (number < 1 || number > static_cast<int>(issues_.size())) {
      res.status = 404;
      return;
    }
    issues_[number - 1].comments.push_back(nlohmann::json::parse(req.body).value("body", ""));
    res.status = 201;
    res.set_content(R"({"id": 1})", "application/json");
  });
  server_->Get(repo + R"(/issues/(\d+)/events)", [this](const Request& req, Response& res) {
    const int number = std::stoi(req.matches[1]);
    std::lock_guard lock(mutex_);
    if (number < 1 || number > static_cast<int>(issues_.size())) {
      res.status = 404;
      return;
    }
    res.set_content(issues_[number - 1].events.dump(), "application/json");
  });
  server_->Patch(repo + R"(/issues/(\d+))", [this](const Request& req, Response& res) {
    const int number = std::stoi(req.matches[1]);
    std::lock_guard lock(mutex_);
    if (number < 1 || number > static_cast<int>(issues_.size())) {
      res.status = 404;
      return;
    }
    const auto body = nlohmann::json::parse(req.body);
    Issue& i = issues_[number - 1];
    if (body.contains("state")) i.state = body["state"];
    if (body.contains("body")) i.body = body["body"];
    res.set_content(issue_json(i).dump(), "application/json");
  });
  server_->Get(repo + "/labels", [this](const Request&, Response& res) {
    std::lock_guard lock(mutex_);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : labels_) out.push_back({{"name", l}});
    res.set_content(out.dump(), "application/json");
  });
  server_->Post(repo + "/labels", [this](const Request& req, Response& res) {
    std::lock_guard lock(mutex_);
    const std::string name = nlohmann::json::parse(req.body).value("name", "");
    if (std::find(labels_.begin(), labels_.end(), name) != labels_.end()) {  // as GitHub: no duplicate labels
      res.status = 422;
      res.set_content(R"({"message":"Validation Failed","errors":[{"code":"already_exists"}]})", "application/json");
      return;
    }
    labels_.push_back(name);
    if (answer_after_acting("POST", res)) return;
    res.status = 201;
    res.set_content(req.body, "application/json");
  });
}

}  // namespace perfwatch::testing
