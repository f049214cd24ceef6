#pragma once
// Server: `skein serve`, the browser view against a live store over HTTP (loopback by default).
//
//   GET /                 the viewer page (the same page as `skein export html`, in serve mode)
//   GET|POST /api/NAME    the JSON API of serve/Api.h; POST takes a JSON object of parameters
// Anything else is a 404 with a JSON error; no file is ever served from disk.
//
// Contract
//  - Read-only: every worker thread borrows its own Store opened read-only from a pool, so
//    requests are answered concurrently and nothing a request says can change the store.
//  - Hostile input gets a 4xx with {"error": ...}: bodies over 64 KiB (413), URIs over 8 KiB
//    (414, from the HTTP library), a Host header that is not the address served (403: DNS
//    rebinding), bad JSON or parameters (400), unknown paths, endpoints or entities (404),
//    methods other than GET/POST (405).
//  - start() binds (port 0 = any free port; port() then says which); run() blocks until stop()
//    or, with wait_for_signal(), until SIGINT/SIGTERM.
//  - Errors: skein::Error when the store cannot be opened or the address cannot be bound.
//
// Thread-safety: stop() may be called from any thread; everything else from one.

#include <cstddef>
#include <memory>
#include <string>

namespace skein::serve {

struct ServerOptions {
  std::string store_path = "skein.db";  // the store to serve (opened read-only)
  std::string host = "127.0.0.1";       // address to bind; loopback unless asked otherwise
  int port = 8080;                      // 0 = any free port
  std::size_t threads = 8;              // worker threads (each with its own Store)
  std::size_t overview = 300;           // entities the page starts with
  std::string web_dir;                  // viewer and libraries ("" = default_web_dir())
  std::string title = "Skein";          // the page title
  bool quiet = false;                   // no request log on stderr
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the page and the name index, binds the socket. Throws Error on failure.
  void start();
  int port() const;
  std::size_t entity_count() const;
  // Serves until stop(); returns when the last request has been answered.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Blocks SIGINT and SIGTERM in the calling thread (call it before any thread is started, so
// every thread inherits the mask), then runs `server` and stops it cleanly on either signal.
// Returns the signal number that stopped it (0 if it stopped on its own).
int run_until_signal(Server& server);

}  // namespace skein::serve
