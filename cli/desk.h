// The desk: `onoma serve`'s page and JSON API as plain functions of a
// request, without the network (cli/serve_http.h puts them on a socket).
//
//   auto desk = Desk::Open(options, DeskLimits{});
//   DeskRequest request;
//   request.method = "GET";
//   request.path = "/api/term/lookup";
//   request.params = {{"q", "Kiev"}};
//   DeskResponse response = (*desk)->Handle(request);
//   // response.status 200, response.body {"query": "Kiev", "concepts": ...}
//
// Every answer of the API is one JSON object of the shape the command's
// --json prints (cli/json_answers.h); a refused request is a 4xx with
// {"error": MESSAGE, "status": CODE}, never a crash. docs/serve.md lists
// the paths. Tested by tests/cli/serve_test.cc.
//
// Thread safety: Handle may be called from any number of threads at once.
// Reads are served from a pool of read-only connections (SQLite WAL lets
// them read beside a writer), the term store's names are compiled once and
// shared; edits (with allow_edit) take one writing connection in turn, and
// the names are compiled again after them on a thread of their own.

#ifndef ONOMA_CLI_DESK_H_
#define ONOMA_CLI_DESK_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lib/util/status.h"

namespace onoma::cli {

struct Options;

struct DeskRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // "/api/term/lookup", without the query string
  // The query string's parameters, decoded; the first of a name counts.
  std::vector<std::pair<std::string, std::string>> params;
  std::string content_type;  // of the body
  std::string body;
  std::string host;    // the Host header
  std::string origin;  // the Origin header, when the browser sent one
};

struct DeskResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  // Extra headers (Allow for a 405, the page's Content-Security-Policy).
  std::vector<std::pair<std::string, std::string>> headers;
};

// What one request may take. The HTTP server enforces the same sizes
// before a request reaches the desk.
struct DeskLimits {
  // The longest query parameter, in bytes. Default: 8 KiB (the longest
  // request line the HTTP server reads).
  std::size_t max_param_bytes = 8 * 1024;
  // The largest body (POST /api/normalize). Default: 1 MiB.
  std::size_t max_body_bytes = 1024 * 1024;
  // How long a request may use the database; longer ones are stopped with
  // a 503. Default: 10 s.
  std::chrono::milliseconds max_time{10000};
  // Read connections in the pool. Default: 8.
  int readers = 8;
  // Whether only requests naming this machine (Host localhost, 127.x.x.x,
  // [::1]) are answered: set for a server on a loopback address, so that a
  // web page elsewhere cannot reach it through a DNS name of its own.
  bool loopback_only = true;
};

class Desk {
 public:
  // Opens the store as `options` say (--db, --read-only), with a writing
  // connection when options.serve.allow_edit, brings the memory's indexes
  // up to date when it can, compiles the term store's names and opens
  // limits.readers read connections. Fails as OpenStore does (kDatabase
  // for a database that is not there or cannot be read).
  [[nodiscard]] static Result<std::unique_ptr<Desk>> Open(
      const Options& options, const DeskLimits& limits);
  ~Desk();

  // The answer to `request`. Never throws.
  DeskResponse Handle(const DeskRequest& request);

  bool allow_edit() const;

  // Waits until the names that normalize and memory lookup use include
  // every edit made so far (they are compiled again in the background
  // after an edit). For tests and scripts that edit, then normalize.
  void WaitForNames();

 private:
  struct Impl;
  explicit Desk(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace onoma::cli

#endif  // ONOMA_CLI_DESK_H_
