#include "cli/desk_pool.h"

#include <string>
#include <utility>

#include "memory/sqlite/database.h"
#include "memory/store/open.h"

namespace onoma::cli {

DeskReader::DeskReader(std::unique_ptr<store::Connection> database)
    : db(std::move(database)) {
  // Checked every few thousand virtual-machine steps: a millisecond or so.
  if (sqlite::Database* file = db->sqlite(); file != nullptr) {
    file->SetProgressHandler(4096, &DeskReader::OnProgress, this);
  }
}

int DeskReader::OnProgress(void* reader) {
  auto* self = static_cast<DeskReader*>(reader);
  if (std::chrono::steady_clock::now() < self->deadline_) return 0;
  self->timed_out_ = true;
  return 1;  // SQLite stops the statement with SQLITE_INTERRUPT
}

Status DeskReader::UseNames(
    const std::shared_ptr<const normalize::Matcher>& matcher) {
  if (matcher == matcher_) return Status::Ok();
  lookups_.clear();
  names_.reset();
  matcher_ = matcher;
  if (matcher_ == nullptr) return Status::Ok();
  auto finder = normalize::NameFinder::Create(*matcher_);
  if (!finder.ok()) return finder.status();
  names_.emplace(std::move(*finder));
  return Status::Ok();
}

Result<tm::Lookup*> DeskReader::LookupFor(const std::string& from,
                                          const std::string& to, int min_score,
                                          int max_matches) {
  const std::string key = from + '\t' + to + '\t' + std::to_string(min_score) +
                          '\t' + std::to_string(max_matches);
  auto found = lookups_.find(key);
  if (found != lookups_.end()) return &found->second;
  // A page offers a handful of pairs and bounds; a client that asks for
  // many more only costs this connection's cache, which starts again.
  if (lookups_.size() >= 16) lookups_.clear();
  tm::LookupOptions options;
  options.from = from;
  options.to = to;
  options.min_score = min_score;
  options.max_matches = max_matches;
  options.names = names_ ? &*names_ : nullptr;
  auto lookup = tm::Lookup::Open(*db, options);
  if (!lookup.ok()) return lookup.status();
  return &lookups_.emplace(key, std::move(*lookup)).first->second;
}

Result<std::unique_ptr<DeskPool>> DeskPool::Open(
    std::string_view location, int count,
    std::chrono::milliseconds busy_timeout,
    std::chrono::milliseconds max_time) {
  auto pool = std::make_unique<DeskPool>();
  for (int i = 0; i < count; ++i) {
    store::OpenOptions open;
    open.read_only = true;
    open.create = false;
    open.migrate = false;  // the first connection has migrated it
    open.busy_timeout = busy_timeout;
    auto db = store::Open(location, open);
    if (!db.ok()) return db.status();
    if ((*db)->sqlite() == nullptr) {
      // The server stops a statement that runs past a request's time. A
      // number formatted here, never user text.
      ONOMA_RETURN_IF_ERROR((*db)->Exec(
          "SET statement_timeout = " + std::to_string(max_time.count()),
          "limit the time of a statement"));
    }
    pool->readers_.push_back(std::make_unique<DeskReader>(std::move(*db)));
    pool->free_.push_back(pool->readers_.back().get());
  }
  return pool;
}

DeskPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      reader_(std::exchange(other.reader_, nullptr)) {}

DeskPool::Lease::~Lease() {
  if (reader_ != nullptr) pool_->Release(reader_);
}

DeskPool::Lease DeskPool::Acquire(
    std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  if (!freed_.wait_until(lock, deadline, [&] { return !free_.empty(); })) {
    return Lease();
  }
  DeskReader* reader = free_.back();
  free_.pop_back();
  reader->deadline_ = deadline;
  reader->timed_out_ = false;
  return Lease(this, reader);
}

void DeskPool::Release(DeskReader* reader) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(reader);
  }
  freed_.notify_one();
}

}  // namespace onoma::cli
