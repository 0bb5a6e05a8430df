// onoma serve: the desk's API as plain requests (cli/desk.h), the same
// over HTTP on an ephemeral loopback port (cli/serve_http.h), requests a
// server must refuse without failing, and the command itself (its URL,
// its warning off loopback, SIGTERM).

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/command_table.h"
#include "cli/desk.h"
#include "cli/desk_pool.h"
#include "cli/json.h"
#include "cli/options.h"
#include "cli/serve_http.h"
#include "memory/sqlite/database.h"
#include "memory/store/open.h"
#include "memory/terms/name_index.h"
#include "memory/terms/term_store.h"
#include "memory/tm/translation_memory.h"
#include "tests/support/files.h"
#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"

namespace onoma::cli {
namespace {

using Json = nlohmann::ordered_json;

// A note that would run script if the page ever took it as markup.
constexpr char kHostileNote[] =
    "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

std::string TestDb() {
  return ::testing::TempDir() + "onoma_serve_" + std::to_string(getpid()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
         ".db";
}

// A small store: Kyiv and Kharkiv with their variants, a concept whose
// note is markup, and a memory of three units; in the SQLite file `path`,
// or the PostgreSQL database a URI names.
void MakeStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", ".names"}) {
    std::remove((path + suffix).c_str());
  }
  auto db = store::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  terms::TermStore store(**db);
  auto add = [&](const char* slug, terms::ConceptType type, const char* lang,
                 const char* form, terms::TermStatus status,
                 const char* note = "") {
    terms::Concept c;
    c.slug = slug;
    c.type = type;
    terms::Term t;
    t.lang = lang;
    t.form = form;
    t.status = status;
    t.note = note;
    auto added = store.Add(c, t);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  };
  using terms::ConceptType;
  using terms::TermStatus;
  add("kyiv", ConceptType::kPlace, "en", "Kyiv", TermStatus::kPreferred);
  add("kyiv", ConceptType::kPlace, "en", "Kiev", TermStatus::kDeprecated);
  add("kyiv", ConceptType::kPlace, "uk", "Київ", TermStatus::kPreferred);
  add("kyiv", ConceptType::kPlace, "ko", "키이우", TermStatus::kPreferred);
  add("kyiv", ConceptType::kPlace, "ko", "키예프", TermStatus::kDeprecated);
  add("kharkiv", ConceptType::kPlace, "en", "Kharkiv", TermStatus::kPreferred);
  add("kharkiv", ConceptType::kPlace, "en", "Kharkov", TermStatus::kDeprecated);
  add("kharkiv", ConceptType::kPlace, "uk", "Харків", TermStatus::kPreferred);
  add("hostile", ConceptType::kOther, "en", "Scriptville",
      TermStatus::kPreferred, kHostileNote);
  tm::TranslationMemory memory(**db);
  for (auto [en, uk] : {
           std::pair{"Shelling in Kharkiv on Monday killed 5 people.",
                     "Обстріл у Харкові в понеділок убив 5 людей."},
           {"Kyiv said on Monday it had shot down 40 drones.",
            "Київ заявив у понеділок, що збив 40 дронів."},
           {"The ministry said exports rose.",
            "Міністерство повідомило, що експорт зріс."},
       }) {
    auto added = memory.Add("en", "uk", en, uk);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
}

Options ServeOptions(const std::string& db, bool allow_edit = false) {
  Options options;
  options.command = FindCommand("serve");
  options.command_name = "serve";
  options.db = db;
  options.serve.allow_edit = allow_edit;
  return options;
}

DeskRequest Get(std::string path,
                std::vector<std::pair<std::string, std::string>> params = {}) {
  DeskRequest r;
  r.method = "GET";
  r.path = std::move(path);
  r.params = std::move(params);
  r.host = "127.0.0.1:8470";
  return r;
}

DeskRequest Post(std::string path, std::string body,
                 std::string type = "application/json") {
  DeskRequest r;
  r.method = "POST";
  r.path = std::move(path);
  r.body = std::move(body);
  r.content_type = std::move(type);
  r.host = "127.0.0.1:8470";
  return r;
}

Json Body(const DeskResponse& r) { return Json::parse(r.body); }

// On SQLite a file; in the onoma_serve_test_pg run a new PostgreSQL
// database (tests/support/pg_server.h), given as --db is, by its URI.
class DeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDb();
    if (testing::TestOnPostgres()) {
      auto pg = testing::PgTestDatabase::Make();
      if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
      pg_.emplace(std::move(*pg));
      db_ = pg_->uri();
    }
    MakeStore(db_);
    Open(false);
  }
  void Open(bool allow_edit) {
    desk_.reset();
    auto desk = Desk::Open(ServeOptions(db_, allow_edit), limits_);
    ASSERT_TRUE(desk.ok()) << desk.status().ToString();
    desk_ = std::move(*desk);
  }
  // What the refusal says, checked to be the JSON error of `status`.
  std::string Refusal(const DeskResponse& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    Json body = Body(r);
    EXPECT_EQ(body["status"], status);
    return body["error"].get<std::string>();
  }

  std::optional<testing::PgTestDatabase> pg_;
  std::string db_;
  DeskLimits limits_;
  std::unique_ptr<Desk> desk_;
};

TEST_F(DeskTest, TermLookupAnswersAsTermLookupJsonPrintsIt) {
  DeskResponse r = desk_->Handle(Get("/api/term/lookup", {{"q", "Kiev"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  testing::Output cli =
      testing::RunOnoma("", "--db '" + db_ + "' term lookup --json Kiev");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(r.body, cli.out);
  Json body = Body(r);
  EXPECT_EQ(body["concepts"][0]["slug"], "kyiv");
  EXPECT_EQ(body["concepts"][0]["terms"][0]["form"], "Kyiv");
}

TEST_F(DeskTest, TermLookupFindsInflectedAndOtherScripts) {
  for (const char* q : {"Києві", "키예프", "Kyyiv"}) {
    DeskResponse r = desk_->Handle(Get("/api/term/lookup", {{"q", q}}));
    ASSERT_EQ(r.status, 200) << q << ": " << r.body;
    Json body = Body(r);
    ASSERT_FALSE(body["concepts"].empty()) << q;
    EXPECT_EQ(body["concepts"][0]["slug"], "kyiv") << q;
  }
}

TEST_F(DeskTest, MemoryLookupAnswersAsTmLookupJsonPrintsIt) {
  const std::string q = "Shelling in Kyiv on Tuesday killed 7 people.";
  DeskResponse r = desk_->Handle(
      Get("/api/tm/lookup", {{"from", "en"}, {"to", "uk"}, {"q", q}}));
  ASSERT_EQ(r.status, 200) << r.body;
  testing::Output cli = testing::RunOnoma(
      "", "--db '" + db_ + "' tm lookup --json --from en --to uk '" + q + "'");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(r.body, cli.out);
  Json match = Body(r)["matches"][0];
  EXPECT_EQ(match["target"], "Обстріл у Києві в понеділок убив 7 людей.")
      << r.body;
}

TEST_F(DeskTest, ConcordanceAnswersAsTmConcordanceJsonPrintsIt) {
  DeskResponse r = desk_->Handle(Get("/api/tm/concordance", {{"q", "иїв"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  testing::Output cli =
      testing::RunOnoma("", "--db '" + db_ + "' tm concordance --json иїв");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(r.body, cli.out);
  EXPECT_EQ(Body(r)["hits"].size(), 1u);
}

TEST_F(DeskTest, NormalizeGivesTextReportAndPieces) {
  DeskResponse r = desk_->Handle(
      Post("/api/normalize",
           R"({"text": "Shelling hit Kharkov and Kiev's suburbs."})"));
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = Body(r);
  EXPECT_EQ(body["text"], "Shelling hit Kharkiv and Kyiv's suburbs.");
  EXPECT_EQ(body["lang"], "en");
  ASSERT_EQ(body["changes"].size(), 2u);
  EXPECT_EQ(body["changes"][0]["found"], "Kharkov");
  EXPECT_EQ(body["changes"][0]["replacement"], "Kharkiv");
  EXPECT_EQ(body["changes"][0]["reason"], "deprecated");
  EXPECT_EQ(body["changes"][1]["found"], "Kiev's");
  std::string joined;
  for (const Json& piece : body["pieces"]) joined += piece["text"];
  EXPECT_EQ(joined, body["text"]);
  EXPECT_EQ(body["pieces"][1]["text"], "Kharkiv");
  EXPECT_EQ(body["pieces"][1]["change"], 0);
}

TEST_F(DeskTest, NormalizeTakesPlainTextToo) {
  DeskRequest request =
      Post("/api/normalize", "Обстріл Харкова.", "text/plain");
  request.params = {{"lang", "uk"}};
  DeskResponse r = desk_->Handle(request);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["lang"], "uk");
}

TEST_F(DeskTest, RomanizesUnderTheSchemeAsked) {
  DeskResponse r =
      desk_->Handle(Get("/api/romanize", {{"q", "윤석열"}, {"kind", "name"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["text"], "Yun Seok-yeol");
  r = desk_->Handle(
      Get("/api/romanize", {{"q", "Курск"}, {"scheme", "ru-bgn"}}));
  EXPECT_EQ(Body(r)["text"], "Kursk");
  EXPECT_NE(Refusal(desk_->Handle(Get("/api/romanize",
                                      {{"q", "x"}, {"scheme", "xx-none"}})),
                    400),
            "");
}

TEST_F(DeskTest, VersionAndSchemes) {
  Json version = Body(desk_->Handle(Get("/api/version")));
  EXPECT_EQ(version["name"], "onoma");
  EXPECT_EQ(version["allow_edit"], false);
  Json schemes = Body(desk_->Handle(Get("/api/schemes")));
  bool has_rr = false;
  for (const Json& s : schemes["schemes"]) has_rr |= s["id"] == "ko-rr";
  EXPECT_TRUE(has_rr);
}

TEST_F(DeskTest, ThePageComesWithAPolicyThatRunsOnlyItsOwnScript) {
  DeskResponse page = desk_->Handle(Get("/"));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<script src=\"desk.js\""), std::string::npos);
  bool policy = false;
  for (const auto& [name, value] : page.headers) {
    if (name == "Content-Security-Policy") {
      policy = value.find("script-src 'self'") != std::string::npos;
    }
  }
  EXPECT_TRUE(policy);
  DeskResponse script = desk_->Handle(Get("/desk.js"));
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body.find("innerHTML"), std::string::npos)
      << "the page puts store strings in as text only";
}

TEST_F(DeskTest, RefusesBadRequestsWithAMessage) {
  EXPECT_NE(Refusal(desk_->Handle(Get("/nope")), 404).find("/nope"),
            std::string::npos);
  DeskResponse wrong = desk_->Handle(Post("/api/term/lookup", "{}"));
  Refusal(wrong, 405);
  ASSERT_EQ(wrong.headers.size(), 1u);
  EXPECT_EQ(wrong.headers[0].first, "Allow");
  EXPECT_EQ(wrong.headers[0].second, "GET");
  EXPECT_NE(Refusal(desk_->Handle(Get("/api/term/lookup")), 400).find("'q'"),
            std::string::npos);
  EXPECT_NE(
      Refusal(desk_->Handle(Get("/api/term/lookup", {{"q", "K\xff"}})), 400)
          .find("invalid UTF-8"),
      std::string::npos);
  Refusal(desk_->Handle(
              Get("/api/term/lookup", {{"q", std::string(1024 * 1024, 'a')}})),
          414);
  Refusal(desk_->Handle(
              Post("/api/normalize", std::string(2 << 20, 'a'), "text/plain")),
          413);
  Refusal(desk_->Handle(Post("/api/normalize", "{\"text\": ")), 400);
  Refusal(desk_->Handle(Post("/api/normalize", "[1, 2]")), 400);
  Refusal(desk_->Handle(Post("/api/normalize", R"({"text": 5})")), 400);
  Refusal(desk_->Handle(Post("/api/normalize", "{\"text\": \"\\udc00\"}")),
          400);
  Refusal(desk_->Handle(Get("/api/tm/lookup",
                            {{"from", "english!"}, {"to", "uk"}, {"q", "x"}})),
          400);
  Refusal(desk_->Handle(
              Get("/api/tm/lookup",
                  {{"from", "en"}, {"to", "uk"}, {"q", "x"}, {"min", "101"}})),
          400);
}

TEST_F(DeskTest, AnswersOnlyRequestsNamingThisMachine) {
  DeskRequest request = Get("/api/version");
  request.host = "attacker.example:8470";
  Refusal(desk_->Handle(request), 403);
  request.host = "localhost:8470";
  EXPECT_EQ(desk_->Handle(request).status, 200);
  request.host = "[::1]:8470";
  EXPECT_EQ(desk_->Handle(request).status, 200);
}

TEST_F(DeskTest, ReadOnlyRefusesEdits) {
  DeskResponse r = desk_->Handle(Post(
      "/api/term/add",
      R"({"concept": "kyiv", "lang": "en", "form": "Kyjiw", "status": "deprecated"})"));
  EXPECT_NE(Refusal(r, 403).find("--allow-edit"), std::string::npos);
}

// docs/shared-store.md's read-only role: the desk serves lookups as a
// role that may only read, and the server refuses what it would write.
TEST_F(DeskTest, ServesLookupsAsARoleThatMayOnlyRead) {
  if (!testing::TestOnPostgres()) {
    GTEST_SKIP() << "roles are PostgreSQL's (onoma_serve_test_pg)";
  }
  const std::string role = pg_->name() + "_reader";
  ASSERT_TRUE(pg_->Exec("CREATE ROLE " + role +
                        " LOGIN;"
                        "GRANT CONNECT ON DATABASE " +
                        pg_->name() + " TO " + role +
                        ";"
                        "GRANT USAGE ON SCHEMA public TO " +
                        role +
                        ";"
                        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " +
                        role)
                  .ok());
  std::string uri = db_;
  const std::size_t user = uri.find("user=");
  ASSERT_NE(user, std::string::npos) << uri;
  uri = uri.substr(0, user) + "user=" + role;
  // A unit the lookup index lacks, which the reader cannot index.
  {
    auto db = store::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(tm::TranslationMemory(**db)
                    .Add("en", "uk", "Odesa port was shelled on Monday.",
                         "Одеський порт обстріляли в понеділок.")
                    .ok());
  }
  desk_.reset();
  auto reader = Desk::Open(ServeOptions(uri), limits_);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Json found =
      Body((*reader)->Handle(Get("/api/term/lookup", {{"q", "Києві"}})));
  EXPECT_EQ(found["concepts"][0]["slug"], "kyiv");
  Json matches = Body((*reader)->Handle(
      Get("/api/tm/lookup", {{"from", "en"},
                             {"to", "uk"},
                             {"q", "Odesa port was shelled on Monday."}})));
  ASSERT_FALSE(matches["matches"].empty());
  EXPECT_EQ(matches["matches"][0]["score"], 100);
  auto editor = Desk::Open(ServeOptions(uri, true), limits_);
  ASSERT_TRUE(editor.ok()) << editor.status().ToString();
  DeskResponse refused = (*editor)->Handle(Post(
      "/api/term/add",
      R"({"concept": "kyiv", "lang": "de", "form": "Kiew", "status": "preferred"})"));
  EXPECT_NE(refused.status, 200);
  EXPECT_NE(refused.body.find("permission denied"), std::string::npos)
      << refused.body;
  editor->reset();
  reader->reset();
  (void)pg_->Exec("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role +
                  "; REVOKE ALL ON SCHEMA public FROM " + role +
                  "; REVOKE ALL ON DATABASE " + pg_->name() + " FROM " + role +
                  "; DROP ROLE " + role);
}

TEST_F(DeskTest, EditsWithTheCommandsChecksAndNamesFollow) {
  Open(true);
  // Normalize does not know the spelling yet.
  const std::string text = R"({"text": "Kyjiw said.", "lang": "en"})";
  EXPECT_EQ(Body(desk_->Handle(Post("/api/normalize", text)))["text"],
            "Kyjiw said.");
  DeskResponse added = desk_->Handle(Post(
      "/api/term/add",
      R"({"concept": "kyiv", "lang": "en", "form": "Kyjiw", "status": "deprecated"})"));
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(Body(added)["slug"], "kyiv");
  desk_->WaitForNames();
  EXPECT_EQ(Body(desk_->Handle(Post("/api/normalize", text)))["text"],
            "Kyiv said.");
  // The names compiled after the edit are kept beside a SQLite database,
  // where the next start and `onoma normalize` map them as they are.
  if (!testing::TestOnPostgres()) {
    auto db = sqlite::Database::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    bool compiled = false;
    auto index = terms::OpenNameIndex(*db, [&]() -> Result<normalize::Input> {
      compiled = true;
      return normalize::Input{};
    });
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    EXPECT_TRUE(index->mapped) << index->rebuilt_because;
    EXPECT_FALSE(compiled);
    EXPECT_GT(index->matcher.concept_count(), 0u);
  }
  // The same checks as `onoma term add`: no second identical rendering,
  // no second preferred form, a BCP 47 language, a known status.
  Refusal(desk_->Handle(
              Post("/api/term/add",
                   R"({"concept": "kyiv", "lang": "en", "form": "Kyjiw"})")),
          400);
  Refusal(desk_->Handle(
              Post("/api/term/add",
                   R"({"concept": "kyiv", "lang": "en", "form": "Kyiw"})")),
          400);
  Refusal(desk_->Handle(
              Post("/api/term/add",
                   R"({"concept": "kyiv", "lang": "english!", "form": "K"})")),
          400);
  Refusal(desk_->Handle(Post("/api/term/add",
                             R"({"concept": "kyiv", "lang": "en",
                                 "form": "K2", "status": "best"})")),
          400);
  Refusal(desk_->Handle(Post("/api/term/add", R"({"concept": "kyiv"})")), 400);
  // A status changed.
  DeskResponse edited = desk_->Handle(Post(
      "/api/term/edit",
      R"({"concept": "kyiv", "lang": "en", "form": "Kiev", "status": "admitted"})"));
  ASSERT_EQ(edited.status, 200) << edited.body;
  bool admitted = false;
  const Json concept_json = Body(edited);
  for (const Json& t : concept_json["terms"]) {
    admitted |= t["form"] == "Kiev" && t["status"] == "admitted";
  }
  EXPECT_TRUE(admitted) << edited.body;
  Refusal(desk_->Handle(Post("/api/term/edit",
                             R"({"concept": "nowhere", "lang": "en",
                                 "form": "X", "status": "admitted"})")),
          404);
  // Another site's page may not post edits; nor may a form's content type.
  DeskRequest foreign = Post(
      "/api/term/add", R"({"concept": "kyiv", "lang": "de", "form": "Kiew"})");
  foreign.origin = "http://attacker.example";
  Refusal(desk_->Handle(foreign), 403);
  foreign.origin = "http://127.0.0.1:9999";  // another server here
  Refusal(desk_->Handle(foreign), 403);
  foreign.origin = "http://127.0.0.1:8470";  // the page itself
  EXPECT_EQ(desk_->Handle(foreign).status, 200);
  Refusal(desk_->Handle(Post("/api/term/add", "concept=kyiv",
                             "application/x-www-form-urlencoded")),
          415);
}

// --- the read connections ---------------------------------------------------

// The store of a DeskPoolTest: a SQLite file, or in the _pg run a
// PostgreSQL database (kept in `pg`).
std::string PoolStore(std::optional<testing::PgTestDatabase>& pg) {
  if (!testing::TestOnPostgres()) return TestDb();
  auto made = testing::PgTestDatabase::Make();
  if (!made.ok()) return "";
  pg.emplace(std::move(*made));
  return pg->uri();
}

TEST(DeskPoolTest, StopsARequestsDatabaseWorkWhenItsTimeIsUp) {
  std::optional<testing::PgTestDatabase> pg;
  const std::string db = PoolStore(pg);
  if (db.empty())
    ONOMA_SKIP_WITHOUT_PG(testing::PgTestDatabase::Make().status());
  MakeStore(db);
  // On PostgreSQL the server stops the statement after max_time.
  auto pool = DeskPool::Open(db, 1, std::chrono::milliseconds(1000),
                             std::chrono::milliseconds(500));
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  {
    // Time already up: a statement of a hundred million steps is stopped
    // at its first check.
    DeskPool::Lease lease = (*pool)->Acquire(std::chrono::steady_clock::now() -
                                             std::chrono::seconds(1));
    ASSERT_TRUE(lease);
    auto count = lease->db->Prepare(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
        "WHERE i < 100000000) SELECT count(*) FROM n",
        "count to a hundred million");
    ASSERT_TRUE(count.ok()) << count.status().ToString();
    auto row = (*count)->Step();
    EXPECT_FALSE(row.ok());
    EXPECT_TRUE(lease->timed_out());
  }
  // The connection comes back, and serves the next request in full.
  DeskPool::Lease lease = (*pool)->Acquire(std::chrono::steady_clock::now() +
                                           std::chrono::hours(1));
  ASSERT_TRUE(lease);
  auto one = lease->db->Prepare("SELECT 1", "select one");
  ASSERT_TRUE(one.ok());
  auto row = (*one)->Step();
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_TRUE(*row);
  EXPECT_FALSE(lease->timed_out());
}

TEST(DeskPoolTest, NoReaderFreeByTheDeadlineIsAnEmptyLease) {
  std::optional<testing::PgTestDatabase> pg;
  const std::string db = PoolStore(pg);
  if (db.empty())
    ONOMA_SKIP_WITHOUT_PG(testing::PgTestDatabase::Make().status());
  MakeStore(db);
  auto pool = DeskPool::Open(db, 1, std::chrono::milliseconds(1000),
                             std::chrono::milliseconds(10000));
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  const auto later = std::chrono::steady_clock::now() + std::chrono::hours(1);
  {
    DeskPool::Lease busy = (*pool)->Acquire(later);
    ASSERT_TRUE(busy);
    EXPECT_FALSE((*pool)->Acquire(std::chrono::steady_clock::now() +
                                  std::chrono::milliseconds(10)));
  }
  EXPECT_TRUE((*pool)->Acquire(later));
}

// --- over HTTP ---------------------------------------------------------------

class ServeHttpTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    auto server = DeskServer::Bind(*desk_, "127.0.0.1", 0, limits_);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    run_ = std::thread([this] { (void)server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (run_.joinable()) run_.join();
  }
  httplib::Client Client() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30, 0);
    return client;
  }
  // Sends `bytes` on a new connection and returns what comes back before
  // the server closes it (or nothing, when `close_early`).
  std::string Raw(const std::string& bytes, bool close_early = false) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(server_->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(
        connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(bytes.size()));
    std::string reply;
    if (!close_early) {
      timeval wait{30, 0};
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
      char buffer[4096];
      // Until the server closes the connection, or the JSON answer ends.
      for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
        reply.append(buffer, static_cast<std::size_t>(n));
        if (reply.ends_with("}\n")) break;
      }
    }
    close(fd);
    return reply;
  }

  std::unique_ptr<DeskServer> server_;
  std::thread run_;
};

TEST_F(ServeHttpTest, ServesThePageAndTheApi) {
  httplib::Client client = Client();
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>onoma</title>"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  auto lookup = client.Get("/api/term/lookup?q=%ED%82%A4%EC%98%88%ED%94%84");
  ASSERT_TRUE(lookup);
  EXPECT_EQ(lookup->status, 200);
  EXPECT_EQ(Json::parse(lookup->body)["concepts"][0]["slug"], "kyiv");
  auto normalized = client.Post(
      "/api/normalize", R"({"text": "Kiev and Kharkov"})", "application/json");
  ASSERT_TRUE(normalized);
  EXPECT_EQ(Json::parse(normalized->body)["text"], "Kyiv and Kharkiv");
  EXPECT_EQ(server_->url(),
            "http://127.0.0.1:" + std::to_string(server_->port()) + "/");
}

TEST_F(ServeHttpTest, RefusesAMegabyteQuery) {
  httplib::Client client = Client();
  auto r = client.Get("/api/term/lookup?q=" + std::string(1 << 20, 'a'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 414);
  EXPECT_EQ(Json::parse(r->body)["status"], 414);
  // And goes on serving.
  auto after = client.Get("/api/version");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(ServeHttpTest, RefusesInvalidUtf8UnknownPathsAndWrongMethods) {
  httplib::Client client = Client();
  auto bad = client.Get("/api/term/lookup?q=Ki%FF%FEv");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(Json::parse(bad->body)["error"].get<std::string>().find("UTF-8"),
            std::string::npos);
  auto unknown = client.Get("/etc/passwd");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  auto traversal = client.Get("/../../etc/passwd");
  ASSERT_TRUE(traversal);
  EXPECT_EQ(traversal->status, 404);
  auto wrong = client.Delete("/api/term/lookup");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->get_header_value("Allow"), "GET");
  auto get_post = client.Get("/api/normalize");
  ASSERT_TRUE(get_post);
  EXPECT_EQ(get_post->status, 405);
  // A method HTTP does not have.
  std::string reply =
      Raw("BREW /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          "Connection: close\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_NE(reply.find("{\"error\": "), std::string::npos) << reply;
}

TEST_F(ServeHttpTest, RefusesMalformedAndOversizedBodies) {
  httplib::Client client = Client();
  auto malformed =
      client.Post("/api/normalize", "{\"text\": \"Kiev", "application/json");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
  EXPECT_EQ(Json::parse(malformed->body)["error"],
            "the body is not a JSON object");
  auto huge =
      client.Post("/api/normalize", std::string(3 << 20, 'a'), "text/plain");
  // The server refuses the body unread and may close the connection
  // before the client has sent it all.
  if (huge) {
    EXPECT_EQ(huge->status, 413);
  }
  auto after = Client().Get("/api/version");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(ServeHttpTest, AClientThatGoesAwayMidRequestHarmsNoOther) {
  // Half a request line, half the headers, half a body; then gone.
  Raw("GET /api/term/lookup?q=Ki", true);
  Raw("POST /api/normalize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty", true);
  Raw("POST /api/normalize HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
      "{\"text\": \"Kiev",
      true);
  // A request whose answer nobody reads.
  Raw("GET /api/term/lookup?q=Kiev HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", true);
  auto after = Client().Get("/api/term/lookup?q=Kiev");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(ServeHttpTest, AnswersManyClientsAtOnce) {
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 16; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client = Client();
      for (int i = 0; i < 10; ++i) {
        auto r = (c + i) % 2 == 0
                     ? client.Get("/api/term/lookup?q=Kharkov")
                     : client.Get(
                           "/api/tm/lookup?from=en&to=uk&q=Kyiv+said+on+"
                           "Tuesday+it+had+shot+down+12+drones.");
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(ok, 160);
}

// --- the command ------------------------------------------------------------

// `onoma ARGS` with stdout on a pipe, whose first line (the URL) is read.
struct Started {
  pid_t pid = -1;
  std::string url;
  std::string err_path;
};

Started StartServe(const std::vector<std::string>& args) {
  Started started;
  started.err_path =
      ::testing::TempDir() + "onoma_serve_err_" + std::to_string(getpid()) +
      "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name();
  int out[2];
  EXPECT_EQ(pipe(out), 0);
  started.pid = fork();
  if (started.pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    int err =
        open(started.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, 2);
    setenv("LANG", "C", 1);
    unsetenv("LC_ALL");
    std::vector<char*> argv = {const_cast<char*>("onoma")};
    for (const std::string& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(ONOMA_CLI_PATH, argv.data());
    _exit(127);
  }
  close(out[1]);
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') started.url += c;
  close(out[0]);
  return started;
}

int WaitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(ServeCommandTest, PrintsItsUrlAndStopsCleanlyOnSigterm) {
  const std::string db = TestDb();
  MakeStore(db);
  Started s = StartServe({"--db", db, "serve", "--port", "0"});
  ASSERT_EQ(s.url.rfind("http://127.0.0.1:", 0), 0u) << s.url;
  const int port = std::stoi(s.url.substr(17));
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/api/term/lookup?q=Kiev");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  kill(s.pid, SIGTERM);
  EXPECT_EQ(WaitExit(s.pid), 0);
  std::string err = testing::Slurp(s.err_path);
  EXPECT_NE(err.find("serving (read-only)"), std::string::npos) << err;
  EXPECT_NE(err.find("stopped"), std::string::npos) << err;
  s = StartServe({"--db", db, "serve", "--port", "0", "--allow-edit"});
  kill(s.pid, SIGINT);
  EXPECT_EQ(WaitExit(s.pid), 0);
  EXPECT_NE(testing::Slurp(s.err_path).find("edits allowed"),
            std::string::npos);
}

TEST(ServeCommandTest, WarnsWhenListeningBeyondThisMachine) {
  const std::string db = TestDb();
  MakeStore(db);
  Started s =
      StartServe({"--db", db, "serve", "--host", "0.0.0.0", "--port", "0"});
  ASSERT_EQ(s.url.rfind("http://0.0.0.0:", 0), 0u) << s.url;
  kill(s.pid, SIGTERM);
  EXPECT_EQ(WaitExit(s.pid), 0);
  EXPECT_NE(testing::Slurp(s.err_path).find("no authentication"),
            std::string::npos);
}

TEST(ServeCommandTest, RefusesAStoreThatIsNotThere) {
  testing::Output out = testing::RunOnoma(
      "", "--db '" + ::testing::TempDir() + "no_such_onoma.db' serve --port 0");
  EXPECT_EQ(out.exit_code, 4) << out.err;
  EXPECT_NE(out.err.find("no_such_onoma.db"), std::string::npos) << out.err;
}

// onoma hands serve over to the onoma-serve binary beside it
// (cli/serve_command.cc); without it, it says so and where it looked.
TEST(ServeCommandTest, SaysWhereItLookedWhenTheServerBinaryIsMissing) {
  const std::string db = TestDb();
  MakeStore(db);
  const std::filesystem::path dir =
      ::testing::TempDir() + "onoma_lonely_" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(ONOMA_CLI_PATH, dir / "onoma",
                             std::filesystem::copy_options::overwrite_existing);
  const std::string err = (dir / "err").string();
  const int status =
      std::system(("LANG=C '" + (dir / "onoma").string() + "' --db '" + db +
                   "' serve --port 0 2>'" + err + "'")
                      .c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 0);
  const std::string message = testing::Slurp(err);
  EXPECT_NE(message.find("onoma-serve is not installed"), std::string::npos)
      << message;
  EXPECT_NE(message.find((dir / "onoma-serve").string()), std::string::npos)
      << message;
  std::filesystem::remove_all(dir);
}

// --- the JSON writer
// ------------------------------------------------------------

TEST(JsonLayoutTest, WritesTheCommandsLayoutAndEscapes) {
  cli::Json value;
  value["q"] = std::string("a\"b\\c\n\t\b\f\x01\x7f é 한");
  value["n"] = 3;
  value["list"] = cli::Json::array({1, 2});
  value["empty"] = cli::Json::array();
  value["yes"] = true;
  EXPECT_EQ(JsonLine(value),
            "{\"q\": \"a\\\"b\\\\c\\n\\t\\u0008\\u000c\\u0001\x7f é 한\", "
            "\"n\": 3, \"list\": [1, 2], \"empty\": [], \"yes\": true}\n");
  cli::Json bad;
  bad["file"] = std::string("caf\xe9.txt");
  EXPECT_EQ(JsonLine(bad), "{\"file\": \"caf\xef\xbf\xbd.txt\"}\n");
}

// Strings are escaped by hand where they are UTF-8: the same bytes as the
// library writes, \b and \f as \u0008 and \u000c, for every character
// below U+0080 and a few beyond, alone and between letters.
TEST(JsonLayoutTest, HandEscapingWritesWhatTheLibraryWrites) {
  std::vector<std::string> texts = {
      "", "Київ", "키이우", "\xf0\x9f\x98\x80", "a\xcc\x81", "\xef\xbf\xbd"};
  for (int c = 0; c < 0x80; ++c) {
    texts.push_back(std::string(1, static_cast<char>(c)));
    texts.push_back("x" + std::string(1, static_cast<char>(c)) + "é");
  }
  for (const std::string& text : texts) {
    std::string library = cli::Json(text).dump(
        -1, ' ', false, cli::Json::error_handler_t::replace);
    std::string want;
    for (std::size_t i = 0; i < library.size(); ++i) {
      if (library[i] == '\\' && i + 1 < library.size()) {
        const char next = library[++i];
        want += next == 'b'   ? "\\u0008"
                : next == 'f' ? "\\u000c"
                              : std::string("\\") + next;
      } else {
        want += library[i];
      }
    }
    cli::Json value;
    value[text] = text;
    EXPECT_EQ(JsonLine(value), "{" + want + ": " + want + "}\n")
        << "for the text of bytes " << ::testing::PrintToString(text);
  }
}

}  // namespace
}  // namespace onoma::cli
