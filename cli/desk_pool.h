// The desk's read connections (cli/desk.h): a fixed pool of read-only
// connections through the storage seam (a SQLite file or a PostgreSQL
// database), each with what its requests reuse (a NameFinder over the
// shared compiled names, tm::Lookup objects per language pair), lent to
// one request at a time. A request's database work is stopped once its
// time is up (SQLite's progress handler; PostgreSQL's statement_timeout),
// so that a slow query frees its connection.

#ifndef ONOMA_CLI_DESK_POOL_H_
#define ONOMA_CLI_DESK_POOL_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "lib/util/status.h"
#include "memory/store/connection.h"
#include "memory/tm/lookup.h"

namespace onoma::cli {

// One read connection and what its requests reuse. Used by one thread at
// a time (the one holding its lease).
struct DeskReader {
  explicit DeskReader(std::unique_ptr<store::Connection> database);

  // Makes `names` match `matcher` (null: the store has no names), dropping
  // the lookups built on the old ones.
  Status UseNames(const std::shared_ptr<const normalize::Matcher>& matcher);

  // The lookup for this language pair and these bounds, opened on first
  // use and kept.
  Result<tm::Lookup*> LookupFor(const std::string& from, const std::string& to,
                                int min_score, int max_matches);

  // Whether the last request's database work was stopped for time (on a
  // server, whose statement_timeout stops a statement: whether its time
  // is up).
  bool timed_out() const {
    return timed_out_ || (db->sqlite() == nullptr &&
                          std::chrono::steady_clock::now() >= deadline_);
  }

  std::unique_ptr<store::Connection> db;

 private:
  friend class DeskPool;
  static int OnProgress(void* reader);

  std::shared_ptr<const normalize::Matcher> matcher_;
  std::optional<normalize::NameFinder> names_;
  std::map<std::string, tm::Lookup> lookups_;
  std::chrono::steady_clock::time_point deadline_;
  bool timed_out_ = false;
};

class DeskPool {
 public:
  // Opens `count` read-only connections to `location` (a SQLite file's
  // path or a PostgreSQL URI), whose statements stop after `max_time`.
  [[nodiscard]] static Result<std::unique_ptr<DeskPool>> Open(
      std::string_view location, int count,
      std::chrono::milliseconds busy_timeout,
      std::chrono::milliseconds max_time);

  // A reader lent to the caller until the lease is destroyed.
  class Lease {
   public:
    Lease() = default;
    Lease(DeskPool* pool, DeskReader* reader) : pool_(pool), reader_(reader) {}
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    explicit operator bool() const { return reader_ != nullptr; }
    DeskReader* operator->() const { return reader_; }
    DeskReader& operator*() const { return *reader_; }

   private:
    DeskPool* pool_ = nullptr;
    DeskReader* reader_ = nullptr;
  };

  // A free reader whose database work may run until `deadline`; waits for
  // one until then, and returns an empty lease when none came free.
  Lease Acquire(std::chrono::steady_clock::time_point deadline);

 private:
  void Release(DeskReader* reader);

  std::vector<std::unique_ptr<DeskReader>> readers_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<DeskReader*> free_;
};

}  // namespace onoma::cli

#endif  // ONOMA_CLI_DESK_POOL_H_
