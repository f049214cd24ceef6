// skein serve: the browser view against a live store (all logic in serve/; this file maps
// options and prints where to point the browser).

#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "core/Error.h"
#include "serve/Server.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  serve::ServerOptions options;
  int port = options.port, threads = static_cast<int>(options.threads);
  int overview = static_cast<int>(options.overview);
  ArgParser parser(
      "serve [options]",
      "Serves the browser view (the page of 'skein export html') against the store, with a\n"
      "read-only JSON API (docs/serve.md): search, neighbourhoods on demand, evidence per\n"
      "click, paths. Loopback only unless --host says otherwise. Ctrl-C stops it.");
  add_store_option(parser, db);
  parser.option("--port", "N", "TCP port (0 = any free port)", port)
      .option("--host", "ADDR", "address to bind", options.host)
      .option("--threads", "N", "worker threads, each with its own read-only store", threads)
      .option("--overview", "N", "entities the page starts with, by PageRank", overview)
      .option("--title", "TEXT", "the page title", options.title)
      .flag("-q,--quiet", "no request log", options.quiet);
  parser.epilog(
      "examples:\n"
      "  skein serve                      then open http://127.0.0.1:8080/\n"
      "  curl 'http://127.0.0.1:8080/api/entities?q=blair'\n");
  if (!parser.parse(args)) return 0;
  if (port < 0 || port > 65535) throw UsageError("--port must be between 0 and 65535");
  if (threads < 1 || threads > 256) throw UsageError("--threads must be between 1 and 256");
  if (overview < 1 || overview > 5000) throw UsageError("--overview must be between 1 and 5000");
  options.port = port;
  options.threads = static_cast<std::size_t>(threads);
  options.overview = static_cast<std::size_t>(overview);
  open_existing_store(db);  // the CLI's usual message for a missing or foreign file
  options.store_path = db;

  serve::Server server(options);
  server.start();
  std::cerr << "skein serve: " << server.entity_count() << " entities from " << db << " at http://"
            << (options.host.find(':') != std::string::npos ? "[" + options.host + "]"
                                                            : options.host)
            << ":" << server.port() << "/ (Ctrl-C stops)" << std::endl;
  const int signal = serve::run_until_signal(server);
  std::cerr << "skein serve: stopped" << (signal != 0 ? " on signal " + std::to_string(signal) : "")
            << std::endl;
  return exit_code::kSuccess;
}

const bool registered =
    register_command({"serve", "explore the store in a browser (HTTP, loopback)", run});

}  // namespace
}  // namespace skein::cli
