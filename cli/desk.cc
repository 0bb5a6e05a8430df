// The desk's routes and handlers (cli/desk.h). Tested by
// tests/cli/serve_test.cc.

#include "cli/desk.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <span>
#include <string_view>
#include <thread>
#include <tuple>

#include "cli/desk_pool.h"
#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/json_answers.h"
#include "cli/language_option.h"
#include "cli/line_converter.h"
#include "cli/options.h"
#include "cli/store.h"
#include "cli/term_input.h"
#include "cli/terminal.h"
#include "lib/normalize/document.h"
#include "lib/romanize/registry.h"
#include "lib/text/language_guess.h"
#include "lib/text/utf8.h"
#include "lib/util/embedded_file.h"
#include "lib/util/limits.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/db_path.h"
#include "memory/store/connection.h"
#include "memory/terms/name_index.h"
#include "memory/terms/term_store.h"
#include "memory/tm/concordance.h"
#include "memory/tm/match_tokens.h"
#include "memory/tm/tm_index.h"

namespace onoma::cli {
namespace internal {
std::span<const EmbeddedFile> DeskPage();  // generated from cli/page/
}  // namespace internal

namespace {

constexpr char kJson[] = "application/json; charset=utf-8";

// The page runs only its own script and style, and is never framed: a
// string from the store that reached the DOM as markup would still not run.
constexpr char kPagePolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

DeskResponse JsonAnswer(const Json& value) {
  return {200, kJson, JsonLine(value), {}};
}

DeskResponse Refuse(int status, const std::string& message) {
  Json error;
  error["error"] = message;
  error["status"] = status;
  return {status, kJson, JsonLine(error), {}};
}

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kBadArgument:
    case StatusCode::kBadInput:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kDatabase:
      return 503;
    default:
      return 500;
  }
}

DeskResponse Refuse(const Status& s) {
  return Refuse(HttpStatus(s), s.ToString());
}

// What a route takes: its method and what it does.
enum class Route {
  kPage,
  kAsset,
  kVersion,
  kSchemes,
  kTermLookup,
  kTmLookup,
  kConcordance,
  kNormalize,
  kRomanize,
  kTermAdd,
  kTermEdit,
};

struct RouteEntry {
  std::string_view path;
  std::string_view method;
  Route route;
};

constexpr RouteEntry kRoutes[] = {
    {"/", "GET", Route::kPage},
    {"/index.html", "GET", Route::kPage},
    {"/desk.css", "GET", Route::kAsset},
    {"/desk.js", "GET", Route::kAsset},
    {"/api/version", "GET", Route::kVersion},
    {"/api/schemes", "GET", Route::kSchemes},
    {"/api/term/lookup", "GET", Route::kTermLookup},
    {"/api/tm/lookup", "GET", Route::kTmLookup},
    {"/api/tm/concordance", "GET", Route::kConcordance},
    {"/api/normalize", "POST", Route::kNormalize},
    {"/api/romanize", "GET", Route::kRomanize},
    {"/api/term/add", "POST", Route::kTermAdd},
    {"/api/term/edit", "POST", Route::kTermEdit},
};

// The host part of a Host header or of an Origin's authority, lower case,
// without the port: "127.0.0.1", "localhost", "::1".
std::string HostName(std::string_view authority) {
  if (auto scheme = authority.find("://"); scheme != std::string_view::npos) {
    authority.remove_prefix(scheme + 3);
  }
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    host = host.substr(1, host.find(']') - 1);
  } else if (auto colon = host.find(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

// "host:port" of an Origin ("http://127.0.0.1:8470") or a Host header,
// lower case.
std::string Authority(std::string_view origin) {
  if (auto scheme = origin.find("://"); scheme != std::string_view::npos) {
    origin.remove_prefix(scheme + 3);
  }
  std::string out(origin);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

bool IsLoopbackName(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

struct Desk::Impl {
  DeskLimits limits;
  bool allow_edit = false;
  // The first connection: migrates, brings the indexes up to date, and
  // with allow_edit makes the edits, one at a time.
  std::unique_ptr<store::Connection> primary;
  std::mutex edit_mu;
  std::unique_ptr<DeskPool> pool;
  // The term store's names, compiled at start and again after edits.
  std::mutex names_mu;
  std::shared_ptr<const normalize::Matcher> matcher;
  // After an edit the names are compiled again on `compiler`, a thread of
  // their own (for 100,000 concepts it takes seconds); requests meanwhile
  // use the names as they were, and the edit answers at once. Edits made
  // while it compiles are gathered into one more compile.
  std::thread compiler;
  std::mutex compile_mu;
  std::condition_variable compile_cv;
  std::uint64_t edits = 0;        // edits made
  std::uint64_t edits_named = 0;  // edits the current names include
  bool stopping = false;

  ~Impl() {
    {
      std::lock_guard<std::mutex> lock(compile_mu);
      stopping = true;
    }
    compile_cv.notify_all();
    if (compiler.joinable()) compiler.join();
  }

  void CompileLoop() {
    std::unique_lock<std::mutex> lock(compile_mu);
    for (;;) {
      compile_cv.wait(lock, [&] { return stopping || edits_named < edits; });
      if (stopping) return;
      const std::uint64_t target = edits;
      lock.unlock();
      Status compiled;
      {
        std::lock_guard<std::mutex> edit_lock(edit_mu);
        compiled = CompileNames(*primary);
      }
      if (!compiled.ok()) {
        std::cerr << "onoma: serve: " << compiled.ToString() << '\n';
      }
      lock.lock();
      // A failure keeps the names as they were, and does not try again
      // until the next edit.
      edits_named = target;
      compile_cv.notify_all();
    }
  }

  std::shared_ptr<const normalize::Matcher> Names() {
    std::lock_guard<std::mutex> lock(names_mu);
    return matcher;
  }

  // The names of the store as `db` sees it: mapped from the name index
  // beside a SQLite database when it is current, else compiled and kept
  // there for the next start and for the other commands (docs/terms.md);
  // on PostgreSQL compiled in memory.
  Status CompileNames(store::Connection& db) {
    Result<terms::NameIndex> index = Status::Internal("no names");
    if (sqlite::Database* file = db.sqlite(); file != nullptr) {
      index = terms::OpenNameIndex(*file, [file]() -> Result<normalize::Input> {
        terms::TermStore store(*file);
        return ReadStore(store);
      });
    } else {
      terms::TermStore store(db);
      auto input = ReadStore(store);
      if (!input.ok()) return input.status();
      auto names = normalize::Matcher::Compile(*input);
      if (!names.ok()) return names.status();
      index = terms::NameIndex{std::move(*names), {}, false, {}, {}, 0};
    }
    if (!index.ok()) return index.status();
    std::shared_ptr<const normalize::Matcher> compiled;
    if (index->matcher.concept_count() > 0) {
      compiled =
          std::make_shared<const normalize::Matcher>(std::move(index->matcher));
    }
    std::lock_guard<std::mutex> lock(names_mu);
    matcher = std::move(compiled);
    return Status::Ok();
  }

  DeskResponse Dispatch(const DeskRequest& request);
  DeskResponse WithReader(const std::function<DeskResponse(DeskReader&)>& body);
  const std::string* Param(const DeskRequest& request, std::string_view name,
                           DeskResponse& refusal);
  DeskResponse Page(const DeskRequest& request);
  DeskResponse Version();
  DeskResponse Schemes();
  DeskResponse TermLookup(const DeskRequest& request);
  DeskResponse TmLookup(const DeskRequest& request);
  DeskResponse Concordance(const DeskRequest& request);
  DeskResponse Normalize(const DeskRequest& request);
  DeskResponse Romanize(const DeskRequest& request);
  DeskResponse Edit(const DeskRequest& request, Route route);
};

// --- parameters ------------------------------------------------------------

namespace {

const std::string* Find(const DeskRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.params) {
    if (key == name) return &value;
  }
  return nullptr;
}

// An integer parameter in [low, high], else `fallback` when absent; a
// refusal in `error` when present and not such a number.
int IntParam(const DeskRequest& request, std::string_view name, int fallback,
             int low, int high, std::optional<DeskResponse>& error) {
  const std::string* value = Find(request, name);
  if (value == nullptr || value->empty()) return fallback;
  int n = 0;
  auto [end, ec] =
      std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc() || end != value->data() + value->size() || n < low ||
      n > high) {
    error =
        Refuse(400, Format(Tr("{0} must be a whole number from {1} to {2}"),
                           {name, std::to_string(low), std::to_string(high)}));
  }
  return n;
}

// A JSON object body, or a refusal.
std::optional<Json> JsonBody(const DeskRequest& request,
                             std::optional<DeskResponse>& error) {
  Json body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    error = Refuse(400, Tr("the body is not a JSON object"));
    return std::nullopt;
  }
  return body;
}

// A string member of a JSON body; `fallback` when absent.
std::optional<std::string> Member(const Json& body, const char* name,
                                  std::string fallback,
                                  std::optional<DeskResponse>& error) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string()) {
    error = Refuse(400, Format(Tr("'{0}' must be a string"), {name}));
    return std::nullopt;
  }
  std::string value = it->get<std::string>();
  Status valid = text::ValidateUtf8(value, name);
  if (!valid.ok()) {
    error = Refuse(valid);
    return std::nullopt;
  }
  return value;
}

}  // namespace

const std::string* Desk::Impl::Param(const DeskRequest& request,
                                     std::string_view name,
                                     DeskResponse& refusal) {
  const std::string* value = Find(request, name);
  if (value == nullptr || value->empty()) {
    refusal = Refuse(400, Format(Tr("the parameter '{0}' is missing"), {name}));
    return nullptr;
  }
  return value;
}

// --- dispatch --------------------------------------------------------------

DeskResponse Desk::Impl::Dispatch(const DeskRequest& request) {
  if (limits.loopback_only && !request.host.empty() &&
      !IsLoopbackName(HostName(request.host))) {
    return Refuse(403, Tr("this server answers requests for this machine "
                          "only (Host is not localhost)"));
  }
  const RouteEntry* found = nullptr;
  std::string allowed;
  for (const RouteEntry& entry : kRoutes) {
    if (entry.path != request.path) continue;
    if (entry.method == request.method ||
        (entry.method == "GET" && request.method == "HEAD")) {
      found = &entry;
      break;
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += entry.method;
  }
  if (found == nullptr) {
    if (allowed.empty()) {
      return Refuse(404, Format(Tr("there is no {0} here"), {request.path}));
    }
    DeskResponse refusal =
        Refuse(405, Format(Tr("{0} takes {1}, not {2}"),
                           {request.path, allowed, request.method}));
    refusal.headers.emplace_back("Allow", allowed);
    return refusal;
  }
  for (const auto& [key, value] : request.params) {
    if (value.size() > limits.max_param_bytes) {
      return Refuse(414,
                    Format(Tr("the parameter '{0}' is longer than {1} bytes"),
                           {key, std::to_string(limits.max_param_bytes)}));
    }
    Status valid = text::ValidateUtf8(value, key);
    if (!valid.ok()) return Refuse(valid);
  }
  if (request.body.size() > limits.max_body_bytes) {
    return Refuse(413, Format(Tr("the body is larger than {0} bytes"),
                              {std::to_string(limits.max_body_bytes)}));
  }
  if (found->method == "POST") {
    // A form on another site may post here; only this page's own script
    // (same origin) is listened to.
    if (!request.origin.empty() &&
        Authority(request.origin) != Authority(request.host)) {
      return Refuse(403, Tr("a request from another site's page is refused"));
    }
  }
  switch (found->route) {
    case Route::kPage:
    case Route::kAsset:
      return Page(request);
    case Route::kVersion:
      return Version();
    case Route::kSchemes:
      return Schemes();
    case Route::kTermLookup:
      return TermLookup(request);
    case Route::kTmLookup:
      return TmLookup(request);
    case Route::kConcordance:
      return Concordance(request);
    case Route::kNormalize:
      return Normalize(request);
    case Route::kRomanize:
      return Romanize(request);
    case Route::kTermAdd:
    case Route::kTermEdit:
      return Edit(request, found->route);
  }
  return Refuse(500, Tr("internal error"));
}

DeskResponse Desk::Impl::WithReader(
    const std::function<DeskResponse(DeskReader&)>& body) {
  const auto deadline = std::chrono::steady_clock::now() + limits.max_time;
  DeskPool::Lease reader = pool->Acquire(deadline);
  if (!reader) {
    return Refuse(503, Tr("the server is busy; try again in a moment"));
  }
  Status names = reader->UseNames(Names());
  if (!names.ok()) return Refuse(names);
  DeskResponse response = body(*reader);
  if (reader->timed_out()) {
    return Refuse(503,
                  Format(Tr("the request took longer than {0} seconds "
                            "and was stopped"),
                         {std::to_string(limits.max_time.count() / 1000)}));
  }
  return response;
}

// --- handlers --------------------------------------------------------------

DeskResponse Desk::Impl::Page(const DeskRequest& request) {
  std::string_view name = request.path;
  if (name == "/") name = "/index.html";
  name.remove_prefix(1);
  for (const EmbeddedFile& file : internal::DeskPage()) {
    if (file.name != name) continue;
    std::string type = name.ends_with(".html") ? "text/html; charset=utf-8"
                       : name.ends_with(".css")
                           ? "text/css; charset=utf-8"
                           : "text/javascript; charset=utf-8";
    DeskResponse response{200, type, std::string(file.contents), {}};
    response.headers.emplace_back("Content-Security-Policy", kPagePolicy);
    response.headers.emplace_back("Cache-Control", "no-cache");
    return response;
  }
  return Refuse(404, Format(Tr("there is no {0} here"), {request.path}));
}

DeskResponse Desk::Impl::Version() {
  Json out;
  out["name"] = "onoma";
  out["version"] = ONOMA_VERSION;
  out["allow_edit"] = allow_edit;
  return JsonAnswer(out);
}

DeskResponse Desk::Impl::Schemes() {
  Json out;
  out["schemes"] = Json::array();
  for (const romanize::Scheme* scheme : romanize::Registry::Default().List()) {
    Json one;
    one["id"] = scheme->id();
    one["description"] = scheme->description();
    out["schemes"].push_back(std::move(one));
  }
  return JsonAnswer(out);
}

DeskResponse Desk::Impl::TermLookup(const DeskRequest& request) {
  DeskResponse refusal;
  const std::string* q = Param(request, "q", refusal);
  if (q == nullptr) return refusal;
  terms::LookupOptions options;
  if (const std::string* lang = Find(request, "lang")) options.lang = *lang;
  return WithReader([&](DeskReader& reader) {
    terms::TermStore store(*reader.db);
    auto hits = store.Lookup(*q, options);
    if (!hits.ok()) return Refuse(hits.status());
    return JsonAnswer(TermLookupJson(*q, *hits));
  });
}

DeskResponse Desk::Impl::TmLookup(const DeskRequest& request) {
  DeskResponse refusal;
  const std::string* q = Param(request, "q", refusal);
  if (q == nullptr) return refusal;
  const std::string* from = Param(request, "from", refusal);
  if (from == nullptr) return refusal;
  const std::string* to = Param(request, "to", refusal);
  if (to == nullptr) return refusal;
  for (const std::string* lang : {from, to}) {
    std::string error = LanguageTagError(*lang, lang == from ? "from" : "to");
    if (!error.empty()) return Refuse(400, error);
  }
  std::optional<DeskResponse> error;
  const int min = IntParam(request, "min", 70, 0, 100, error);
  const int max = IntParam(request, "max", 5, 1, 50, error);
  if (error) return *error;
  return WithReader([&](DeskReader& reader) {
    auto lookup = reader.LookupFor(*from, *to, min, max);
    if (!lookup.ok()) return Refuse(lookup.status());
    auto matches = (*lookup)->Find(*q);
    if (!matches.ok()) return Refuse(matches.status());
    return JsonAnswer(TmLookupJson(*q, *matches));
  });
}

DeskResponse Desk::Impl::Concordance(const DeskRequest& request) {
  DeskResponse refusal;
  const std::string* q = Param(request, "q", refusal);
  if (q == nullptr) return refusal;
  std::optional<DeskResponse> error;
  tm::ConcordanceOptions options;
  options.text = *q;
  if (const std::string* lang = Find(request, "lang")) options.lang = *lang;
  options.limit =
      static_cast<std::size_t>(IntParam(request, "max", 20, 1, 200, error));
  if (error) return *error;
  return WithReader([&](DeskReader& reader) {
    auto hits = tm::Concordance(*reader.db, options);
    if (!hits.ok()) return Refuse(hits.status());
    return JsonAnswer(ConcordanceJson(*q, *hits));
  });
}

namespace {

// The normalized text in pieces, each unchanged or one finding, so that a
// page can mark each change without counting bytes: the text is the
// original with every applied finding's `found` replaced by its
// replacement. Empty when the pieces would not make up `normalized` (the
// page then shows the text unmarked).
Json Pieces(std::string_view original, std::string_view normalized,
            const std::vector<normalize::Change>& changes) {
  Json pieces = Json::array();
  std::string joined;
  std::size_t at = 0;
  auto plain = [&](std::string_view text) {
    if (text.empty()) return;
    Json piece;
    piece["text"] = text;
    pieces.push_back(std::move(piece));
    joined += text;
  };
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const normalize::Change& c = changes[i];
    if (c.byte_offset < at ||
        c.byte_offset + c.found.size() > original.size() ||
        original.substr(c.byte_offset, c.found.size()) != c.found) {
      return Json::array();
    }
    plain(original.substr(at, c.byte_offset - at));
    Json piece;
    piece["text"] = c.applied ? c.replacement : c.found;
    piece["change"] = i;
    joined += piece["text"].get<std::string>();
    pieces.push_back(std::move(piece));
    at = c.byte_offset + c.found.size();
  }
  plain(original.substr(at));
  if (joined != normalized) return Json::array();
  return pieces;
}

}  // namespace

DeskResponse Desk::Impl::Normalize(const DeskRequest& request) {
  std::optional<DeskResponse> error;
  std::string text;
  std::string lang;
  bool admitted = false;
  if (request.content_type.rfind("application/json", 0) == 0) {
    auto body = JsonBody(request, error);
    if (!body) return *error;
    auto t = Member(*body, "text", "", error);
    if (!t) return *error;
    auto l = Member(*body, "lang", "", error);
    if (!l) return *error;
    text = std::move(*t);
    lang = std::move(*l);
    auto a = body->find("admitted");
    if (a != body->end() && !a->is_boolean() && !a->is_null()) {
      return Refuse(400,
                    Format(Tr("'{0}' must be true or false"), {"admitted"}));
    }
    admitted = a != body->end() && a->is_boolean() && a->get<bool>();
  } else {
    text = request.body;
    if (const std::string* l = Find(request, "lang")) lang = *l;
  }
  Status valid = text::ValidateUtf8(text, "text");
  if (!valid.ok()) return Refuse(valid);
  if (!lang.empty()) {
    std::string bad = LanguageTagError(lang, "lang");
    if (!bad.empty()) return Refuse(400, bad);
  }
  normalize::DocumentOptions options;
  options.lang = lang.empty() ? text::GuessDocumentLanguage(text) : lang;
  options.admitted = admitted;
  std::shared_ptr<const normalize::Matcher> names = Names();
  Json out;
  out["lang"] = options.lang;
  if (names == nullptr) {
    out["text"] = text;
    out["changes"] = Json::array();
    out["pieces"] = Pieces(text, text, {});
    return JsonAnswer(out);
  }
  auto result = normalize::NormalizeText(*names, text, options);
  if (!result.ok()) return Refuse(result.status());
  out["text"] = result->text;
  out["changes"] = Json::array();
  for (const normalize::Change& c : result->changes) {
    out["changes"].push_back(ChangeRecord("", c));
  }
  out["pieces"] = Pieces(text, result->text, result->changes);
  return JsonAnswer(out);
}

DeskResponse Desk::Impl::Romanize(const DeskRequest& request) {
  DeskResponse refusal;
  const std::string* q = Param(request, "q", refusal);
  if (q == nullptr) return refusal;
  const std::string* scheme_param = Find(request, "scheme");
  const std::string scheme_id =
      scheme_param == nullptr || scheme_param->empty() ? "auto" : *scheme_param;
  const std::string* kind = Find(request, "kind");
  romanize::RomanizeOptions options;
  if (kind != nullptr && !kind->empty()) {
    if (*kind == "name") {
      options.name = true;
    } else if (*kind == "place") {
      options.place = true;
    } else if (*kind != "text") {
      return Refuse(400,
                    Format(Tr("'{0}' must be text, name or place"), {"kind"}));
    }
  }
  const romanize::Registry& registry = romanize::Registry::Default();
  std::optional<LineConverter> converter;
  if (scheme_id == "auto") {
    auto cyrillic = registry.Find("uk-kmu2010");
    auto hangul = registry.Find("ko-rr");
    converter.emplace(cyrillic.ok() ? *cyrillic : nullptr,
                      hangul.ok() ? *hangul : nullptr, options);
  } else {
    auto scheme = registry.Find(scheme_id);
    if (!scheme.ok()) return Refuse(400, scheme.status().message());
    converter.emplace(*scheme, false, options);
  }
  std::string text;
  std::size_t at = 0;
  while (at <= q->size()) {
    std::size_t end = q->find('\n', at);
    if (end == std::string::npos) end = q->size();
    Status s =
        converter->Convert(std::string_view(*q).substr(at, end - at), text);
    if (!s.ok()) return Refuse(s);
    if (end == q->size()) break;
    text += '\n';
    at = end + 1;
  }
  Json out;
  out["query"] = *q;
  out["scheme"] = scheme_id;
  out["text"] = text;
  return JsonAnswer(out);
}

DeskResponse Desk::Impl::Edit(const DeskRequest& request, Route route) {
  if (!allow_edit) {
    return Refuse(403, Tr("this server is read-only; start it with "
                          "'onoma serve --allow-edit' to edit"));
  }
  if (request.content_type.rfind("application/json", 0) != 0) {
    return Refuse(415, Tr("send the edit as application/json"));
  }
  std::optional<DeskResponse> error;
  auto body = JsonBody(request, error);
  if (!body) return *error;
  std::string slug, lang, form, status, concept_type, note;
  for (auto [name, value, fallback] :
       {std::tuple{"concept", &slug, ""},
        {"lang", &lang, ""},
        {"form", &form, ""},
        {"status", &status, route == Route::kTermAdd ? "preferred" : ""},
        {"type", &concept_type, "other"},
        {"note", &note, ""}}) {
    auto member = Member(*body, name, fallback, error);
    if (!member) return *error;
    *value = std::move(*member);
  }
  for (const auto& [name, value] :
       {std::pair{"concept", &slug}, {"lang", &lang}, {"form", &form}}) {
    if (value->empty()) {
      return Refuse(400, Format(Tr("'{0}' is missing"), {name}));
    }
  }
  std::string bad_lang = LanguageTagError(lang, "lang");
  if (!bad_lang.empty()) return Refuse(400, bad_lang);
  std::optional<terms::TermStatus> term_status;
  if (!status.empty()) {
    term_status = terms::ParseTermStatus(status);
    if (!term_status) {
      return Refuse(400, Format(Tr("unknown status '{0}'"), {status}));
    }
  }
  std::lock_guard<std::mutex> lock(edit_mu);
  terms::TermStore store(*primary);
  Status done;
  if (route == Route::kTermAdd) {
    auto type = terms::ParseConceptType(concept_type);
    if (!type) {
      return Refuse(400,
                    Format(Tr("unknown concept type '{0}'"), {concept_type}));
    }
    terms::Concept c;
    c.slug = slug;
    c.type = *type;
    terms::Term t;
    t.lang = lang;
    t.form = form;
    t.status = *term_status;
    t.note = note;
    done = store.Add(c, t).status();
  } else {
    if (!term_status) {
      return Refuse(400, Format(Tr("'{0}' is missing"), {"status"}));
    }
    terms::TermEdit edit;
    edit.status = term_status;
    done = store.Edit(slug, lang, form, edit);
  }
  if (!done.ok()) return Refuse(done);
  // Normalize and memory lookup take the change once the names are
  // compiled again (Desk::WaitForNames); term lookup reads the store.
  {
    std::lock_guard<std::mutex> compile_lock(compile_mu);
    ++edits;
  }
  compile_cv.notify_all();
  auto changed = store.Get(slug);
  if (!changed.ok()) return Refuse(changed.status());
  return JsonAnswer(ConceptJson(*changed));
}

// --- Desk ------------------------------------------------------------------

namespace {

// Whether the desk's connection may bring the memory's indexes up to
// date: not as a PostgreSQL role that may only read (the read-only role
// of docs/shared-store.md), whose lookups then score the units the index
// lacks one by one.
bool MayIndex(store::Connection& db) {
  if (db.sqlite() != nullptr) return true;
  auto query = db.Prepare(
      "SELECT has_table_privilege('tm_posting', 'INSERT') AND "
      "has_table_privilege('tm_index_state', 'UPDATE')",
      "read the role's privileges");
  if (!query.ok()) return false;
  auto row = (*query)->Step();
  return row.ok() && *row && (*query)->ColumnInt64(0) != 0;
}

}  // namespace

Desk::Desk(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Desk::~Desk() = default;

bool Desk::allow_edit() const { return impl_->allow_edit; }

Result<std::unique_ptr<Desk>> Desk::Open(const Options& options,
                                         const DeskLimits& limits) {
  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  impl->allow_edit = options.serve.allow_edit;
  auto location = sqlite::LocateDb(options.db);
  if (!location.ok()) return location.status().WithContext("--db");
  auto db = OpenConnection(options);
  if (!db.ok()) return db.status();
  impl->primary = std::move(*db);
  store::Connection& primary = *impl->primary;
  if (impl->allow_edit && primary.read_only()) {
    return Status::Database(
        Format(Tr("{0} is read-only, and --allow-edit writes to it"),
               {primary.name()}));
  }
  // The memory's indexes are brought up to date now, so that no request
  // pays for it; a read-only database, or another onoma writing, leaves
  // them as they are, and lookups read the units they lack one by one.
  if (!primary.read_only() && MayIndex(primary)) {
    auto tokenizer = tm::MatchTokenizer::Create();
    if (!tokenizer.ok()) return tokenizer.status();
    std::optional<ProgressLine> progress;
    progress.emplace(Tr("indexing the memory for lookup: {0}%"));
    auto indexed = tm::TryUpdateIndex(
        primary, *tokenizer, [&](const tm::IndexProgress& p) {
          progress->Update(p.units_done, p.units_total);
        });
    if (!indexed.ok()) return indexed.status();
    progress.emplace(Tr("indexing the memory for concordance: {0}%"));
    auto concordance = tm::TryUpdateConcordanceIndex(
        primary, [&](const tm::ConcordanceIndexProgress& p) {
          progress->Update(
              static_cast<std::uint64_t>(std::max<std::int64_t>(p.done, 0)),
              static_cast<std::uint64_t>(std::max<std::int64_t>(p.total, 0)));
        });
    progress.reset();
    if (!concordance.ok()) return concordance.status();
    if (!*indexed || !*concordance) NoteStaleIndex(primary);
  }
  ONOMA_RETURN_IF_ERROR(impl->CompileNames(primary));
  // The readers open what the primary opened: the file's path, or the
  // URI as given (its password with it).
  auto pool = DeskPool::Open(
      primary.sqlite() != nullptr ? primary.sqlite()->path().string()
                                  : location->path.string(),
      limits.readers,
      std::chrono::milliseconds(
          std::llround(std::max(0.0, options.busy_timeout) * 1000)),
      limits.max_time);
  if (!pool.ok()) return pool.status();
  impl->pool = std::move(*pool);
  if (impl->allow_edit) {
    Impl* self = impl.get();
    // Signals go to the threads that handle them (onoma serve's waits for
    // SIGINT and SIGTERM), never to this one: the thread is born with every
    // signal blocked, so none can reach it before it first runs.
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    impl->compiler = std::thread([self] { self->CompileLoop(); });
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
  }
  return std::unique_ptr<Desk>(new Desk(std::move(impl)));
}

void Desk::WaitForNames() {
  std::unique_lock<std::mutex> lock(impl_->compile_mu);
  impl_->compile_cv.wait(lock, [&] {
    return impl_->stopping || impl_->edits_named == impl_->edits;
  });
}

DeskResponse Desk::Handle(const DeskRequest& request) {
  try {
    DeskResponse response = impl_->Dispatch(request);
    if (request.method == "HEAD") response.body.clear();
    return response;
  } catch (const std::exception& e) {
    // std::bad_alloc, or a bug: the request fails, the server goes on.
    return Refuse(500, Tr("internal error") + ": " + e.what());
  }
}

}  // namespace onoma::cli
