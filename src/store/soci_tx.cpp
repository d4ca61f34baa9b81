// Transaction life: begin on construction, commit on request, roll back otherwise.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {

StoreError store_error(std::string_view what, std::string_view detail) {
  return StoreError(fmt::format("store: {}: {}", what, detail));
}

SociTx::SociTx(std::unique_ptr<Lease> lease, const Dialect& dialect, Mode mode,
               std::unique_lock<std::timed_mutex> writer, CommitSync* commit_sync)
    : writer_(std::move(writer)),
      lease_(std::move(lease)),
      dialect_(dialect),
      mode_(mode),
      commit_sync_(commit_sync) {
  const std::string begin{mode == Mode::write ? dialect_.begin_write : dialect_.begin_read};
  try {
    execute(begin);
  } catch (const std::exception& e) {
    open_ = false;  // nothing to roll back
    throw store_error("begin", e.what());
  }
}

SociTx::~SociTx() {
  if (!open_) return;
  try {
    execute("ROLLBACK");
  } catch (...) {
    // The connection is gone or the transaction already ended with the failed statement;
    // either way nothing of it was committed. A destructor must not throw.
  }
}

void SociTx::commit() {
  read("commit", [&] { execute("COMMIT"); });
  // Only now: a COMMIT that failed (disk full) leaves the transaction for the destructor.
  open_ = false;
  const auto ticket = commit_sync_ ? commit_sync_->group.committed() : 0;
  if (writer_.owns_lock()) writer_.unlock();  // the next writer need not wait for ~SociTx
  // Durable only now: the next writer commits while this one waits for the disk.
  if (commit_sync_)
    commit_sync_->group.sync_through(ticket, [this] { return commit_sync_->sync_log(lease_->session()); });
}

// Prepared once per connection like any other statement: BEGIN and COMMIT run with every request.
void SociTx::execute(const std::string& statement) { run(db(), statement); }

}  // namespace uppsikt::store
