#include "cli/serve_http.h"

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/i18n.h"
#include "cli/json.h"

namespace onoma::cli {
namespace {

// Threads reading requests. A browser keeps a connection open between its
// requests, and each open connection holds a thread (cpp-httplib's model),
// so there are more threads than read connections (DeskLimits::readers):
// the extra ones mostly wait on their sockets.
constexpr std::size_t kThreads = 64;

// The message of a refusal cpp-httplib makes itself, before the desk sees
// the request.
std::string RefusalMessage(int status) {
  switch (status) {
    case 400:
      return Tr("the request is not valid HTTP");
    case 413:
      return Tr("the body is too large");
    case 414:
      return Tr("the address is too long");
    case 404:
      return Tr("there is nothing here");
    default:
      return Tr("the request was refused");
  }
}

}  // namespace

struct DeskServer::Impl {
  Desk* desk = nullptr;
  httplib::Server server;
  std::string host;
  int port = 0;
  std::atomic<int> socket{-1};
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> running{false};
};

DeskServer::DeskServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DeskServer::~DeskServer() = default;

Result<std::unique_ptr<DeskServer>> DeskServer::Bind(Desk& desk,
                                                     const std::string& host,
                                                     int port,
                                                     const DeskLimits& limits) {
  auto impl = std::make_unique<Impl>();
  impl->desk = &desk;
  impl->host = host;
  httplib::Server& server = impl->server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server.set_payload_max_length(limits.max_body_bytes);
  // A client that stops sending or reading holds its thread this long.
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(1000);
  Impl* self = impl.get();
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which
  // a second server on the same port would share it instead of failing.
  server.set_socket_options([self](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    self->socket = sock;
  });
  auto handle = [self](const httplib::Request& req, httplib::Response& res) {
    DeskRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [key, value] : req.params) {
      request.params.emplace_back(key, value);
    }
    request.content_type = req.get_header_value("Content-Type");
    request.body = req.body;
    request.host = req.get_header_value("Host");
    request.origin = req.get_header_value("Origin");
    DeskResponse response = self->desk->Handle(request);
    res.status = response.status;
    for (const auto& [name, value] : response.headers) {
      res.set_header(name, value);
    }
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_content(response.body, response.content_type);
  };
  // Every path of every method goes to the desk, which knows its routes
  // and answers 404 or 405 itself.
  server.Get(".*", handle);
  server.Post(".*", handle);
  server.Put(".*", handle);
  server.Patch(".*", handle);
  server.Delete(".*", handle);
  server.Options(".*", handle);
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty())
          return httplib::Server::HandlerResponse::Unhandled;
        Json error;
        error["error"] = RefusalMessage(res.status);
        error["status"] = res.status;
        res.set_content(JsonLine(error), "application/json; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Json error;
        error["error"] = Tr("internal error");
        error["status"] = 500;
        res.status = 500;
        res.set_content(JsonLine(error), "application/json; charset=utf-8");
      });

  const int bound = port == 0 ? server.bind_to_any_port(host)
                              : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    return Status::Io(Format(Tr("cannot listen on {0} port {1} (in use, or "
                                "not an address of this machine)"),
                             {host, std::to_string(port)}));
  }
  impl->port = bound;
  // cpp-httplib listens with a backlog of 5: fifty clients connecting at
  // once would see connections refused or retried a second later. Linux
  // takes a second listen() on the socket as a new backlog.
  if (impl->socket >= 0) ::listen(impl->socket, SOMAXCONN);
  return std::unique_ptr<DeskServer>(new DeskServer(std::move(impl)));
}

int DeskServer::port() const { return impl_->port; }

std::string DeskServer::url() const {
  const bool v6 = impl_->host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + impl_->host + "]" : impl_->host) + ":" +
         std::to_string(impl_->port) + "/";
}

Status DeskServer::Run() {
  impl_->running = true;
  if (!impl_->stop_requested) impl_->server.listen_after_bind();
  impl_->running = false;
  return Status::Ok();
}

void DeskServer::Stop() {
  impl_->stop_requested = true;
  // cpp-httplib's stop() does nothing until the server is listening: wait
  // for a Run that has begun to get there.
  for (int i = 0; i < 200 && impl_->running && !impl_->server.is_running();
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  impl_->server.stop();
}

}  // namespace onoma::cli
