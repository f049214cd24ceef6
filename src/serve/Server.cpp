// HTTP wiring for the API (cpp-httplib from Debian's libcpp-httplib-dev): routes, limits, the
// Host check, and a pool of read-only Stores handed to whichever worker thread answers.

#include "serve/Server.h"

#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "core/Error.h"
#include "exporters/ViewerPage.h"
#include "serve/Api.h"
#include "store/Store.h"

namespace skein::serve {
namespace {

constexpr std::size_t kMaxBody = std::size_t{64} * 1024;
// Connections the kernel holds for the server before it accepts them. Debian 12's cpp-httplib
// (0.11) listens with a backlog of 5, compiled into its library: a burst of clients (the viewer
// opening, a script's parallel requests) overflows it, and on a busy machine some of them see
// their connection reset instead of waiting their turn.
constexpr int kListenBacklog = 1024;

// Read-only Stores, one per thread that is answering a request at the moment.
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}
  std::unique_ptr<store::Store> acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        auto store = std::move(free_.back());
        free_.pop_back();
        return store;
      }
    }
    store::StoreOptions options;
    options.read_only = true;
    options.create_if_missing = false;
    return std::make_unique<store::Store>(path_, options);
  }
  void release(std::unique_ptr<store::Store> store) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(store));
  }

 private:
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> free_;
};

// A JSON string literal: quotes, backslashes and controls escaped, and '<' as \u003c so the
// text may sit inside the page's <script> element.
std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<') {
      out += "\\u003c";
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      out += c;
    }
  }
  return out + "\"";
}

std::string json_error(const std::string& message) {
  return "{\"error\":" + json_string(message) + "}";
}

void send_json(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_content(body, "application/json; charset=utf-8");
}

// The hosts a browser may name when it talks to us: the bound address, and localhost names
// when that is loopback. Anything else is a page on another site reaching in via DNS rebinding.
bool host_allowed(const std::string& header, const std::string& bound, int port) {
  std::string host = header;
  const std::string suffix = ":" + std::to_string(port);
  if (host.size() > suffix.size() &&
      host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0)
    host.resize(host.size() - suffix.size());
  if (host == bound) return true;
  const bool loopback = bound == "127.0.0.1" || bound == "::1" || bound == "localhost";
  if (loopback) return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
  return bound == "0.0.0.0" || bound == "::";  // the user chose to serve every address
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  std::unique_ptr<StorePool> stores;
  std::unique_ptr<Api> api;
  std::string page;
  int port = 0;
  socket_t listening = INVALID_SOCKET;  // the bound socket, kept to raise its backlog
  std::atomic<bool> started{false};
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}
Server::~Server() { stop(); }

void Server::start() {
  auto& s = *impl_;
  s.stores = std::make_unique<StorePool>(s.options.store_path);
  {
    auto store = s.stores->acquire();  // fails here, with the store's message, if unreadable
    ApiOptions api_options;
    api_options.web_dir = s.options.web_dir;
    s.api = std::make_unique<Api>(*store, api_options);
    s.stores->release(std::move(store));
  }
  const auto viewer = exporters::load_viewer_page(s.options.web_dir, s.options.title);
  s.page = viewer.before_data + "{\"meta\":{\"mode\":\"serve\",\"api\":\"api\",\"title\":" +
           json_string(s.options.title) + ",\"overview\":" + std::to_string(s.options.overview) +
           "}}" + viewer.after_data;

  auto& http = s.http;
  const auto threads = std::max<std::size_t>(1, s.options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(kMaxBody);
  http.set_read_timeout(10);
  // A worker serves one connection at a time: idle keep-alive connections must not hold the
  // workers for long while other clients wait.
  http.set_keep_alive_timeout(1);
  http.set_keep_alive_max_count(50);
  http.set_write_timeout(10);
  http.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        const auto host = request.get_header_value("Host");
        if (!host_allowed(host, impl_->options.host, impl_->port)) {
          send_json(
              response, 403,
              json_error("this server answers only requests addressed to " + impl_->options.host));
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  http.Get("/", [this](const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_header(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "connect-src 'self'; img-src 'self' data: blob:");
    response.set_content(impl_->page, "text/html; charset=utf-8");
  });
  auto answer = [this](const std::string& endpoint, const Params& params,
                       httplib::Response& response) {
    auto store = impl_->stores->acquire();
    ApiResponse result;
    try {
      result = impl_->api->handle(endpoint, params, *store);
    } catch (const std::exception& error) {
      result = {500, json_error(std::string("internal error: ") + error.what())};
    }
    impl_->stores->release(std::move(store));
    send_json(response, result.status, result.body);
  };
  http.Get(R"(/api/([A-Za-z_]+))", [answer](const httplib::Request& request,
                                            httplib::Response& response) {
    Params params;
    for (const auto& [name, value] : request.params) {
      if (!params.emplace(name, value).second) {
        send_json(response, 400, json_error("parameter '" + name.substr(0, 64) + "' given twice"));
        return;
      }
    }
    answer(request.matches[1].str(), params, response);
  });
  // The body is read here, chunk by chunk, so a chunked upload cannot grow past kMaxBody
  // either (the library's own limit covers Content-Length bodies only).
  http.Post(
      R"(/api/([A-Za-z_]+))", [answer](const httplib::Request& request, httplib::Response& response,
                                       const httplib::ContentReader& content) {
        std::string body;
        bool too_big = request.get_header_value<std::uint64_t>("Content-Length") > kMaxBody;
        if (!too_big)
          content([&](const char* data, std::size_t size) {
            if (body.size() + size > kMaxBody) {
              too_big = true;
              return false;
            }
            body.append(data, size);
            return true;
          });
        Params params;
        std::string error;
        if (too_big) {
          send_json(response, 413, json_error("the request body is larger than 64 KiB"));
        } else if (!Api::params_from_json(body, params, error)) {  // whatever its declared type
          send_json(response, 400, json_error(error));
        } else {
          answer(request.matches[1].str(), params, response);
        }
      });
  auto not_allowed = [](const httplib::Request&, httplib::Response& response) {
    send_json(response, 405, json_error("only GET and POST are answered; the API is read-only"));
  };
  http.Put(R"(/.*)", not_allowed);
  http.Delete(R"(/.*)", not_allowed);
  http.Patch(R"(/.*)", not_allowed);
  http.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    const int status = response.status == 404 ? 404 : response.status;
    send_json(response, status,
              json_error(status == 404 ? "nothing at " + request.path.substr(0, 100)
                                       : "bad request (HTTP " + std::to_string(status) + ")"));
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, const std::exception_ptr&) {
        send_json(response, 500, json_error("internal error"));
      });
  if (!s.options.quiet) {
    http.set_logger([](const httplib::Request& request, const httplib::Response& response) {
      std::fprintf(stderr, "%d %s %s\n", response.status, request.method.c_str(),
                   request.path.substr(0, 200).c_str());
    });
  }
  // The socket httplib binds is the last one it creates (it closes those that fail to bind).
  http.set_socket_options([&s](socket_t socket) {
    httplib::default_socket_options(socket);
    s.listening = socket;
  });
  if (s.options.port == 0) {
    s.port = http.bind_to_any_port(s.options.host);
    if (s.port < 0) throw Error("cannot bind " + s.options.host + " on any port");
  } else {
    if (!http.bind_to_port(s.options.host, s.options.port)) {
      throw Error("cannot bind " + s.options.host + ":" + std::to_string(s.options.port) +
                  " (in use? try --port 0 for any free port)");
    }
    s.port = s.options.port;
  }
  // Listening again on a listening socket sets its backlog anew (Linux); should it fail, the
  // server still runs with httplib's.
  if (s.listening != INVALID_SOCKET) ::listen(s.listening, kListenBacklog);
  s.started = true;
}

int Server::port() const { return impl_->port; }
std::size_t Server::entity_count() const { return impl_->api ? impl_->api->entity_count() : 0; }

void Server::run() {
  if (!impl_->started) throw Error("serve: run() before start()");
  impl_->http.listen_after_bind();
}

void Server::stop() {
  if (impl_ && impl_->started) impl_->http.stop();
}

int run_until_signal(Server& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::atomic<int> caught{0};
  std::thread runner([&] { server.run(); });
  // sigwait in this thread; a signal wakes it and the server is told to stop. When the server
  // stops on its own, a SIGTERM to ourselves ends the wait.
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    caught = signal;
    server.stop();
  });
  runner.join();
  if (caught == 0) {
    caught = -1;
    // SIGTERM is blocked in every thread and the waiter takes it with sigwait: this wakes the
    // waiter, it terminates nothing.
    pthread_kill(waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  }
  waiter.join();
  return caught > 0 ? caught.load() : 0;
}

}  // namespace skein::serve
