#pragma once
// The one Tx implementation, over a SOCI session that it holds for its whole life. Each
// entity's methods live in their own file (unit_store.cpp, document_store.cpp …); the
// helpers below keep those files to SQL and field mapping.
#include <fmt/format.h>
#include <soci/soci.h>

#include <memory>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/dialect_impl.h"
#include "store/soci_store_impl.h"
#include "store/store.h"

namespace uppsikt::store {

class SociTx final : public Tx {
 public:
  enum class Mode { write, read };

  // Starts the transaction on the leased session; throws StoreError.
  // `writer`, where the store has one, is the store's writer lock, released when the
  // transaction ends; `commit_sync`, where given, makes the commit durable after it.
  SociTx(std::unique_ptr<Lease> lease, const Dialect& dialect, Mode mode,
         std::unique_lock<std::timed_mutex> writer = {}, CommitSync* commit_sync = nullptr);
  ~SociTx() override;  // rolls back unless committed
  SociTx(const SociTx&) = delete;
  SociTx& operator=(const SociTx&) = delete;

  void commit() override;

  Id add_unit(const Unit& unit) override;
  std::optional<Unit> unit(Id id) override;
  std::optional<Unit> unit_by_name(std::string_view name) override;
  std::vector<Unit> units() override;
  std::vector<Unit> unit_path(Id id) override;
  void update_unit(const Unit& unit) override;

  Id add_document(const Document& document) override;
  std::optional<Document> document(Id id) override;
  std::optional<Document> document_by_title(std::string_view title) override;
  std::vector<Document> documents() override;
  void update_document(const Document& document) override;
  Id add_node(const Node& node) override;
  std::optional<Node> node(Id id) override;
  std::vector<Node> nodes(Id document_id) override;
  void update_node(const Node& node) override;
  void remove_node(Id id) override;
  int questions_following(Id node_id) override;

  Id add_scale(const Scale& scale) override;
  std::optional<Scale> scale(Id id) override;
  std::optional<Scale> scale_by_name(std::string_view name) override;
  std::vector<Scale> scales() override;

  Id add_round(const Round& round) override;
  std::optional<Round> round(Id id) override;
  std::optional<Round> round_by_name(std::string_view name) override;
  std::vector<Round> rounds() override;
  void update_round(const Round& round) override;
  Id add_question(const Question& question) override;
  std::optional<Question> question(Id id) override;
  std::vector<Question> questions(Id round_id) override;
  Id add_question_change(const QuestionChange& change) override;
  std::vector<QuestionChange> question_changes(Id round_id) override;
  void delete_round(Id round_id) override;
  void update_question(const Question& question) override;
  void delete_question(Id id) override;

  Id add_response(const Response& response) override;
  std::optional<Response> response(Id id) override;
  std::optional<Response> response_of(Id round_id, Id unit_id) override;
  std::vector<Response> responses(Id round_id) override;
  void delete_response(Id id) override;
  void set_response_deadline(Id response_id, std::string_view deadline) override;
  void update_response_status(Id response_id, ResponseStatus status, int expected_version,
                              std::string_view updated_at) override;
  void update_response(const Response& response, int expected_version) override;
  bool touch_response(Id response_id, ResponseStatus seen, ResponseStatus status,
                      std::string_view updated_at) override;
  Id save_answer(const Answer& answer, int seen_version) override;
  std::vector<Answer> answers(Id response_id) override;
  std::optional<Answer> answer_of(Id response_id, Id question_id) override;
  void add_answers(const std::vector<Answer>& answers) override;
  Id add_response_event(const ResponseEvent& event) override;
  std::vector<ResponseEvent> response_events(Id response_id) override;
  std::vector<ResponseEvent> round_events_between(Id round_id, std::string_view after,
                                                  std::string_view until) override;
  void keep_handed_in_answers(Id response_id, int edition) override;
  std::vector<Answer> handed_in_answers(Id response_id, int edition) override;
  std::vector<AnswerTally> answer_tallies(Id round_id) override;
  std::vector<UnitAnswer> round_answers(Id round_id, const std::vector<ResponseStatus>& statuses,
                                        bool with_comments) override;
  std::vector<UnitAnswer> round_answers_page(Id round_id, Id after_response, Id after_question,
                                             int limit) override;
  std::vector<QuestionChoiceCount> round_choice_counts(Id round_id,
                                                       const std::vector<ResponseStatus>& statuses) override;

  void save_publication(const Publication& publication) override;
  std::optional<Publication> publication(Id round_id) override;
  std::vector<Publication> publications() override;
  bool delete_publication(Id round_id) override;
  int add_publication_version(const Publication& publication, const std::string& report_json) override;
  std::vector<Publication> publication_versions(Id round_id) override;
  std::optional<std::string> publication_report(Id round_id, int version) override;
  std::map<std::string, std::string> assessments(Id round_id) override;
  void save_assessment(Id round_id, std::string_view target, std::string_view text, std::string_view changed_at,
                       std::optional<Id> changed_by) override;
  std::optional<ReportCover> report_cover(Id round_id) override;
  void save_report_cover(Id round_id, const ReportCover& cover, std::string_view changed_at,
                         std::optional<Id> changed_by) override;

  Id add_user(const User& user) override;
  std::optional<User> user(Id id) override;
  std::optional<User> user_by_email(std::string_view email) override;
  std::vector<User> users() override;
  void update_user_password(Id user_id, std::string_view password_hash) override;
  void update_user_disabled(Id user_id, bool disabled) override;
  void add_grant(const Grant& grant) override;
  std::vector<Grant> grants(Id user_id) override;
  bool remove_grant(const Grant& grant) override;
  std::vector<Grant> grants_with_role(Role role) override;
  void add_rule_grant(const Grant& grant) override;
  std::vector<Grant> rule_grants(Id user_id) override;
  bool remove_rule_grant(const Grant& grant) override;
  void add_external_identity(const ExternalIdentity& identity) override;
  std::optional<ExternalIdentity> external_identity(std::string_view issuer, std::string_view subject) override;
  std::vector<ExternalIdentity> external_identities(Id user_id) override;
  void add_sign_in_flow(const SignInFlow& flow) override;
  std::optional<SignInFlow> take_sign_in_flow(std::string_view state_hash) override;
  void delete_sign_in_flows_before(std::string_view created_before) override;
  bool add_used_assertion(std::string_view issuer, std::string_view assertion_id,
                          std::string_view expires_at) override;
  void delete_used_assertions_before(std::string_view expired_before) override;

  void add_session(const Session& session) override;
  std::optional<Session> session(std::string_view token_hash) override;
  void touch_session(std::string_view token_hash, std::string_view last_seen_at) override;
  void delete_session(std::string_view token_hash) override;
  void set_provider_session(std::string_view token_hash, std::string_view data) override;
  std::string provider_session(std::string_view token_hash) override;
  void delete_sessions_of(Id user_id) override;
  void delete_expired_sessions(std::string_view idle_since, std::string_view created_since) override;
  void add_login_attempt(const LoginAttempt& attempt) override;
  Failures failed_logins_by_email(std::string_view email, std::string_view since) override;
  Failures failed_logins_by_email_from(std::string_view email, std::string_view remote_address,
                                       std::string_view since) override;
  Failures failed_logins_by_address(std::string_view remote_address, std::string_view since) override;

  void add_one_time_link(const OneTimeLink& link) override;
  std::optional<OneTimeLink> one_time_link(std::string_view token_hash) override;
  bool use_one_time_link(std::string_view token_hash, std::string_view used_at) override;

  Id add_upload(const Upload& upload) override;
  std::vector<Upload> uploads(std::string_view token_hash, Id user_id) override;
  void delete_uploads_before(std::string_view created_before) override;

  Id add_api_token(const ApiToken& token) override;
  std::optional<ApiToken> api_token(Id id) override;
  std::optional<ApiToken> api_token_by_hash(std::string_view token_hash) override;
  std::vector<ApiToken> api_tokens_of(Id user_id) override;
  std::vector<ApiToken> service_api_tokens() override;
  bool revoke_api_token(Id id, std::string_view revoked_at) override;
  void touch_api_token(Id id, std::string_view last_used_at) override;
  Id add_outbox_message(const OutboxMessage& message) override;
  std::vector<OutboxMessage> claim_outbox_messages(std::string_view channel, std::string_view now,
                                                   std::string_view claimed_until, int limit) override;
  void update_outbox_message(const OutboxMessage& message) override;
  std::optional<OutboxMessage> outbox_message(Id id) override;
  std::vector<OutboxMessage> outbox_messages(std::optional<OutboxStatus> status, int limit) override;
  std::vector<OutboxCount> outbox_counts() override;
  Id add_webhook(const Webhook& webhook) override;
  std::vector<Webhook> webhooks() override;
  std::optional<Webhook> webhook(Id id) override;
  bool remove_webhook(Id id) override;

  std::optional<std::string> reminder_schedule(Id round_id) override;
  void save_reminder_schedule(Id round_id, std::string_view schedule) override;
  bool add_reminder_send(Id round_id, Id unit_id, std::string_view planned_on, std::string_view queued_at) override;
  std::vector<Id> reminded_units(Id round_id, std::string_view planned_on) override;
  DigestFrequency digest_frequency(Id user_id) override;
  void save_digest_frequency(Id user_id, DigestFrequency frequency, std::string_view changed_at) override;
  std::vector<DigestChoice> digest_choices() override;
  bool add_digest_send(Id user_id, std::string_view period, std::string_view queued_at) override;
  std::optional<std::string> last_digest_at(Id user_id) override;

  Id add_audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> audit_entries(const AuditFilter& filter) override;

 private:
  // Runs one operation of the transaction: refuses a finished transaction (and a write in a
  // read transaction) and turns database errors into StoreError naming `what`.
  template <typename F>
  auto read(std::string_view what, F&& f) -> decltype(f());
  template <typename F>
  auto write(std::string_view what, F&& f) -> decltype(f());

  soci::session& sql() { return lease_->session(); }
  // The session with its prepared statements, for select_all and the other helpers below.
  Connection db() { return {lease_->session(), lease_->statements()}; }
  void execute(const std::string& statement);

  std::unique_lock<std::timed_mutex> writer_;  // released after lease_ is given back
  std::unique_ptr<Lease> lease_;  // given back to the pool after the rollback in ~SociTx
  const Dialect& dialect_;
  Mode mode_;
  CommitSync* commit_sync_;
  bool open_ = true;  // false once committed
};

// A StoreError for a failure of `what`, prefixed with the layer for the log.
StoreError store_error(std::string_view what, std::string_view detail);

template <typename F>
auto SociTx::read(std::string_view what, F&& f) -> decltype(f()) {
  if (!open_) throw store_error(what, "the transaction is already committed");
  try {
    return f();
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception& e) {  // soci_error, and bad_cast from a mistyped column
    throw store_error(what, e.what());
  }
}

template <typename F>
auto SociTx::write(std::string_view what, F&& f) -> decltype(f()) {
  if (mode_ == Mode::read) throw store_error(what, "a write in a read-only transaction");
  return read(what, std::forward<F>(f));
}

// The value of a stored enum code, or StoreError when the code is unknown (a newer program
// wrote it, or the row was edited by hand).
template <typename E>
E decode(std::optional<E> value, std::string_view what, const std::string& code) {
  if (!value) throw store_error(what, fmt::format("unknown code '{}'", code));
  return *value;
}

// An optional id bound as a nullable parameter or result column.
struct NullableId {
  long long value = 0;
  soci::indicator indicator = soci::i_null;

  NullableId() = default;
  explicit NullableId(std::optional<Id> id)
      : value(id.value_or(0)), indicator(id ? soci::i_ok : soci::i_null) {}
  std::optional<Id> get() const {
    if (indicator != soci::i_ok) return std::nullopt;
    return static_cast<Id>(value);
  }
};

// A statement of the connection's cache, bound to `row`'s result columns and the given use()
// parameters in order, and given back to the cache when the caller is done with it. One
// left by an exception is dropped, not given back.
class Bound {
 public:
  template <typename Row, typename... Uses>
  Bound(Connection c, Row& row, const std::string& query, Uses&&... uses)
      : c_(c), query_(query), statement_(c.statements.take(c.session, query)) {
    row.bind(*statement_);
    (statement_->exchange(std::forward<Uses>(uses)), ...);
    statement_->define_and_bind();
  }
  Bound(const Bound&) = delete;
  Bound& operator=(const Bound&) = delete;
  ~Bound() {
    if (std::uncaught_exceptions() == exceptions_) c_.statements.give_back(query_, std::move(statement_));
  }

  soci::statement& operator*() { return *statement_; }
  soci::statement* operator->() { return statement_.get(); }

 private:
  Connection c_;
  const std::string& query_;
  std::unique_ptr<soci::statement> statement_;
  int exceptions_ = std::uncaught_exceptions();
};

// Every row that `query` selects, as Row::value(); Row binds its columns in bind().
template <typename Row, typename... Uses>
auto select_all(Connection c, const std::string& query, Uses&&... uses) {
  using Value = decltype(std::declval<const Row&>().value());
  Row row;
  Bound st(c, row, query, std::forward<Uses>(uses)...);
  st->execute();
  std::vector<Value> values;
  while (st->fetch()) values.push_back(row.value());
  return values;
}

// The first row that `query` selects, or nothing.
template <typename Row, typename... Uses>
auto select_one(Connection c, const std::string& query, Uses&&... uses)
    -> std::optional<decltype(std::declval<const Row&>().value())> {
  Row row;
  Bound st(c, row, query, std::forward<Uses>(uses)...);
  if (!st->execute(true)) return std::nullopt;
  return row.value();
}

// The id that "INSERT … RETURNING id" (or "UPDATE … RETURNING id") returns, or nothing
// when the statement touched no row.
template <typename... Uses>
std::optional<Id> returning_id(Connection c, const std::string& query, Uses&&... uses) {
  struct IdRow {
    long long id = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
    Id value() const { return static_cast<Id>(id); }
  };
  return select_one<IdRow>(c, query, std::forward<Uses>(uses)...);
}

// Runs `query`, which returns no rows, with the given use() parameters.
template <typename... Uses>
void run(Connection c, const std::string& query, Uses&&... uses) {
  struct NoColumns {
    void bind(soci::statement&) {}
  } none;
  Bound st(c, none, query, std::forward<Uses>(uses)...);
  st->execute(true);
}

// Keeps the latest change of a response's answers, and who made it, on the response (what
// the status board shows); an earlier time given later, as imports give, leaves it standing.
void note_answer_change(Connection db, Id response_id, const std::string& at, const std::string& by);

// Two ids per row, as a link table holds them (question → unit, node → unit).
struct IdPairRow {
  long long first = 0;
  long long second = 0;
  void bind(soci::statement& st) {
    st.exchange(soci::into(first));
    st.exchange(soci::into(second));
  }
  std::pair<Id, Id> value() const { return {static_cast<Id>(first), static_cast<Id>(second)}; }
};

// Like returning_id for an INSERT, which always returns its row.
template <typename... Uses>
Id insert_returning_id(Connection c, const std::string& query, Uses&&... uses) {
  auto id = returning_id(c, query, std::forward<Uses>(uses)...);
  if (!id) throw StoreError("store: insert returned no id");
  return *id;
}

}  // namespace uppsikt::store
