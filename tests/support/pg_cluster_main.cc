// onoma_pg_cluster start|stop FILE: the ctest fixture around the tests
// that run against PostgreSQL (tests/support/pg_server.h). `start` starts
// a throwaway cluster and writes where it is to FILE ("DIR\nUSER\n"), or
// "unavailable\nREASON" when it cannot, which then skips those tests (and
// fails this one when CI=true). `stop` stops the cluster FILE names and
// removes it and FILE.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/pg_server.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: onoma_pg_cluster start|stop FILE\n");
    return 2;
  }
  const std::string command = argv[1];
  const std::string file = argv[2];
  if (command == "start") {
    auto cluster = onoma::testing::StartPgCluster();
    std::ofstream out(file, std::ios::trunc);
    if (!cluster.ok()) {
      std::string reason = cluster.status().message();
      for (char& c : reason) {
        if (c == '\n') c = ' ';
      }
      out << "unavailable\n" << reason << "\n";
      std::fprintf(stderr, "PostgreSQL tests will be skipped: %s\n",
                   reason.c_str());
      return onoma::testing::PgRequired() ? 1 : 0;
    }
    out << cluster->dir << "\n" << cluster->user << "\n";
    std::printf("PostgreSQL cluster in %s\n", cluster->dir.c_str());
    return 0;
  }
  if (command == "stop") {
    std::ifstream in(file);
    std::string dir;
    std::string user;
    if (std::getline(in, dir) && std::getline(in, user) &&
        dir != "unavailable") {
      onoma::testing::StopPgCluster({dir, user});
    }
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    return 0;
  }
  std::fprintf(stderr, "usage: onoma_pg_cluster start|stop FILE\n");
  return 2;
}
