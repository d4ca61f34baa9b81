// One sync of the log for a group of commits.
#include "store/group_commit.h"

#include <algorithm>

#include "store/store.h"

namespace uppsikt::store {

GroupCommit::Ticket GroupCommit::committed() {
  std::lock_guard lock(mutex_);
  return ++committed_;
}

void GroupCommit::sync_through(Ticket ticket, const Sync& sync) {
  std::unique_lock lock(mutex_);
  while (synced_ < ticket && !failed_) {
    if (syncing_) {  // it may have begun before this commit: wait, then look again
      synced_now_.wait(lock);
      continue;
    }
    syncing_ = true;
    const Ticket through = committed_;  // every commit counted so far is written
    lock.unlock();
    bool ok = false;
    try {
      ok = sync();
    } catch (...) {
    }
    lock.lock();
    syncing_ = false;
    if (ok) {
      synced_ = std::max(synced_, through);
      ++syncs_;
    }
    else failed_ = true;
    synced_now_.notify_all();
  }
  if (synced_ >= ticket) return;
  throw StoreError(
      "store: the disk did not confirm a write to the database; the last changes may be lost, "
      "and the server must be restarted");
}

std::pair<std::uint64_t, std::uint64_t> GroupCommit::totals() {
  std::lock_guard lock(mutex_);
  return {syncs_, synced_};
}

}  // namespace uppsikt::store
