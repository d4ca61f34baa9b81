// Group commit: a commit is acknowledged only once a sync that began after it has succeeded,
// and one sync acknowledges the commits written while the one before it ran.
#include "store/group_commit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store.h"

namespace uppsikt::store {
namespace {

// A log that counts what is written to it and what a sync made durable; a sync takes a while,
// as a disk's does.
struct FakeLog {
  std::mutex writer;  // the store's writer lock
  long written = 0;   // writes so far, under `writer`
  std::atomic<long> durable{0};
  std::atomic<int> syncs{0};

  bool sync() {
    long through = 0;
    {
      std::lock_guard lock(writer);
      through = written;
    }
    ++syncs;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    long before = durable.load();
    while (before < through && !durable.compare_exchange_weak(before, through)) {
    }
    return true;
  }
};

TEST(GroupCommitTest, ACommitReturnsOnlyOnceItIsDurableAndOneSyncServesSeveral) {
  constexpr int kThreads = 8;
  constexpr int kCommitsPerThread = 25;
  GroupCommit group;
  FakeLog log;
  std::atomic<int> early{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < kCommitsPerThread; ++i) {
        long mine = 0;
        GroupCommit::Ticket ticket = 0;
        {
          std::lock_guard lock(log.writer);
          mine = ++log.written;
          ticket = group.committed();
        }
        group.sync_through(ticket, [&] { return log.sync(); });
        if (log.durable.load() < mine) ++early;
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(early.load(), 0) << "commits acknowledged before a sync covered them";
  EXPECT_LT(log.syncs.load(), kThreads * kCommitsPerThread / 2) << "syncs were not shared";
  EXPECT_EQ(log.durable.load(), kThreads * kCommitsPerThread);
}

TEST(GroupCommitTest, AFailedSyncFailsItsCommitAndEveryLaterOne) {
  GroupCommit group;
  EXPECT_NO_THROW(group.sync_through(group.committed(), [] { return true; }));
  EXPECT_THROW(group.sync_through(group.committed(), [] { return false; }), StoreError);
  // The disk may have dropped the failed write and report the next sync as fine.
  EXPECT_THROW(group.sync_through(group.committed(), [] { return true; }), StoreError);
}

TEST(GroupCommitTest, ACommitAlreadyCoveredNeedsNoSyncOfItsOwn) {
  GroupCommit group;
  const auto first = group.committed();
  const auto second = group.committed();
  int syncs = 0;
  group.sync_through(second, [&] { return ++syncs, true; });
  group.sync_through(first, [&] { return ++syncs, true; });
  EXPECT_EQ(syncs, 1);
}

}  // namespace
}  // namespace uppsikt::store
