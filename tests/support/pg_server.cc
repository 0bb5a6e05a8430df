#include "tests/support/pg_server.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace onoma::testing {
namespace {

std::string BinDir() {
  if (const char* dir = std::getenv("ONOMA_PG_BINDIR"); dir != nullptr) {
    return dir;
  }
  return "/usr/lib/postgresql/15/bin";
}

std::string Tail(const std::string& path) {
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  if (text.size() > 1500) text = "..." + text.substr(text.size() - 1500);
  return text;
}

// Runs argv (as `user` when given, through runuser), its output appended
// to `log`; the exit status, or -1.
int Run(std::vector<std::string> argv, const std::string& log,
        const std::string& as_user) {
  if (!as_user.empty()) {
    argv.insert(argv.begin(), {"runuser", "-u", as_user, "--"});
  }
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string CurrentUser() {
  const passwd* pw = getpwuid(geteuid());
  return pw != nullptr ? pw->pw_name : "postgres";
}

// A cluster read from the ctest fixture's file: "DIR\nUSER\n", or
// "unavailable\nREASON".
std::optional<Result<PgCluster>> FromFixture() {
  const char* file = std::getenv("ONOMA_TEST_PG_FILE");
  if (file == nullptr) return std::nullopt;
  std::ifstream in(file);
  std::string first;
  if (!std::getline(in, first)) return std::nullopt;
  std::string second;
  std::getline(in, second);
  if (first == "unavailable") {
    return Result<PgCluster>(Status::NotFound(second));
  }
  if (!std::filesystem::exists(first + "/.s.PGSQL.5432")) return std::nullopt;
  return Result<PgCluster>(PgCluster{first, second});
}

// This process's own cluster, stopped at exit.
struct OwnCluster {
  Result<PgCluster> cluster = StartPgCluster();
  ~OwnCluster() {
    if (cluster.ok()) StopPgCluster(*cluster);
  }
};

}  // namespace

std::string PgCluster::Uri(const std::string& name) const {
  return "postgresql:///" + name + "?host=" + dir + "&port=5432&user=" + user;
}

Result<PgCluster> StartPgCluster() {
  const std::string bin = BinDir();
  if (access((bin + "/initdb").c_str(), X_OK) != 0) {
    return Status::NotFound("no " + bin +
                            "/initdb (apt-get install postgresql)");
  }
  char pattern[] = "/tmp/onoma-pg-XXXXXX";
  if (mkdtemp(pattern) == nullptr) {
    return Status::Io("cannot make a temporary directory for PostgreSQL");
  }
  PgCluster cluster{pattern, CurrentUser()};
  const std::string log = cluster.dir + "/log";
  std::string as_user;
  if (geteuid() == 0) {
    // initdb and the server refuse to run as root.
    as_user = "postgres";
    cluster.user = "postgres";
    const passwd* pw = getpwnam("postgres");
    if (pw == nullptr) {
      std::filesystem::remove_all(cluster.dir);
      return Status::NotFound("running as root and there is no postgres user");
    }
    if (chown(cluster.dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      std::filesystem::remove_all(cluster.dir);
      return Status::Io("cannot give " + cluster.dir + " to postgres");
    }
  }
  chmod(cluster.dir.c_str(), 0755);
  const std::string data = cluster.dir + "/data";
  const std::string server_log = cluster.dir + "/server.log";
  int rc = Run({bin + "/initdb", "-D", data, "--locale=C.UTF-8", "-E", "UTF8",
                "-A", "trust", "-U", cluster.user, "--no-sync"},
               log, as_user);
  if (rc == 0) {
    rc = Run(
        {bin + "/pg_ctl", "-D", data, "-l", server_log, "-w", "-t", "60", "-o",
         "-c listen_addresses='' -k " + cluster.dir +
             " -p 5432 -c fsync=off -c full_page_writes=off "
             "-c synchronous_commit=off -c max_connections=100",
         "start"},
        log, as_user);
  }
  if (rc != 0) {
    std::string reason = "cannot start PostgreSQL in " + cluster.dir + ": " +
                         Tail(log) + Tail(server_log);
    Run({bin + "/pg_ctl", "-D", data, "-m", "immediate", "stop"}, log, as_user);
    std::filesystem::remove_all(cluster.dir);
    return Status::NotFound(reason);
  }
  return cluster;
}

void StopPgCluster(const PgCluster& cluster) {
  const std::string as_user = geteuid() == 0 ? "postgres" : "";
  Run({BinDir() + "/pg_ctl", "-D", cluster.dir + "/data", "-m", "immediate",
       "-w", "stop"},
      cluster.dir + "/log", as_user);
  std::error_code ignored;
  std::filesystem::remove_all(cluster.dir, ignored);
}

Result<PgCluster> TestCluster() {
  if (auto fixture = FromFixture(); fixture.has_value()) return *fixture;
  static OwnCluster own;
  return own.cluster;
}

Status PgExec(const PgCluster& cluster, const std::string& name,
              const std::string& sql) {
  PGconn* conn = PQconnectdb(cluster.Uri(name).c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    Status error = Status::Database(std::string("cannot connect: ") +
                                    PQerrorMessage(conn));
    PQfinish(conn);
    return error;
  }
  PGresult* result = PQexec(conn, sql.c_str());
  Status done = Status::Ok();
  if (PQresultStatus(result) != PGRES_COMMAND_OK &&
      PQresultStatus(result) != PGRES_TUPLES_OK) {
    done = Status::Database(PQresultErrorMessage(result));
  }
  PQclear(result);
  PQfinish(conn);
  return done;
}

bool TestOnPostgres() {
  const char* engine = std::getenv("ONOMA_TEST_ENGINE");
  return (engine != nullptr && std::string(engine) == "postgresql") ||
         std::getenv("ONOMA_TEST_PG_FILE") != nullptr;
}

bool PgRequired() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

Result<PgTestDatabase> PgTestDatabase::Make() {
  auto cluster = TestCluster();
  if (!cluster.ok()) return cluster.status();
  static std::atomic<int> counter{0};
  std::string name = "onoma_test_" + std::to_string(getpid()) + "_" +
                     std::to_string(counter++);
  ONOMA_RETURN_IF_ERROR(
      PgExec(*cluster, "postgres",
             "CREATE DATABASE " + name +
                 " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' "
                 "STRATEGY FILE_COPY"));
  return PgTestDatabase(*cluster, name);
}

PgTestDatabase::PgTestDatabase(PgCluster cluster, std::string name)
    : cluster_(std::move(cluster)),
      name_(std::move(name)),
      uri_(cluster_.Uri(name_)) {}

PgTestDatabase::PgTestDatabase(PgTestDatabase&& other) noexcept
    : cluster_(std::move(other.cluster_)),
      name_(std::move(other.name_)),
      uri_(std::move(other.uri_)) {
  other.name_.clear();
}

PgTestDatabase::~PgTestDatabase() {
  if (name_.empty()) return;
  (void)PgExec(cluster_, "postgres",
               "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

Status PgTestDatabase::Exec(const std::string& sql) const {
  return PgExec(cluster_, name_, sql);
}

}  // namespace onoma::testing
