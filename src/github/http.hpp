#pragma once
// One HTTP exchange over libcurl. No retries and no policy here: that is the
// client's job (client.hpp); this is only the wire.
#include <map>
#include <string>
#include <vector>

namespace perfwatch::github {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::string body;  // sent when not empty
  std::vector<std::string> headers;
  long connect_timeout_ms = 10000;
  long timeout_ms = 30000;  // the whole exchange
};

struct HttpResponse {
  long status = 0;  // 0: no HTTP answer (see transport_error)
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string transport_error;                 // "timed out", "connection refused", ...
  bool timed_out = false;
  bool reached_server = true;  // false only when the request surely never left (no connection)
};

HttpResponse perform(const HttpRequest& request);

}  // namespace perfwatch::github
