#pragma once
// Group commit: commits are written without waiting for the disk, and each committer then
// waits here until a sync covers its commit. Syncs run one at a time and outside the writer
// lock, and one covers every commit written before it began: while one save waits for the
// disk, the next ones commit, and a single sync acknowledges them all.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <utility>

namespace uppsikt::store {

class GroupCommit {
 public:
  using Ticket = std::uint64_t;
  // Makes all that was written so far durable; false when the disk refused.
  using Sync = std::function<bool()>;

  // A commit's place in line; taken while its writer still holds the writer lock, right
  // after the commit was written.
  Ticket committed();
  // Returns once a sync that began after commit `ticket` was written has succeeded, calling
  // `sync` unless one under way already covers it. Throws StoreError when a sync fails, then
  // and for every later commit: the disk may have dropped what it was given.
  void sync_through(Ticket ticket, const Sync& sync);
  // Syncs that succeeded, and the commits they made durable, since the start.
  std::pair<std::uint64_t, std::uint64_t> totals();

 private:
  std::mutex mutex_;
  std::condition_variable synced_now_;
  Ticket committed_ = 0;
  Ticket synced_ = 0;
  bool syncing_ = false;
  bool failed_ = false;
  std::uint64_t syncs_ = 0;
};

}  // namespace uppsikt::store
