#pragma once
// Persistence for the services: one interface, SQLite and PostgreSQL behind it.
//
// A use case opens one transaction (`Store::begin`), reads and writes through it and commits;
// a transaction that is destroyed without commit rolls back, so a failed use case leaves no
// half-written record. Methods are named for what they return (`unit`, `units`,
// `unit_by_name`); "not found" is an empty optional, other failures throw StoreError.
//
// Thread safety: a Store is shared by all threads; a Tx belongs to the thread that began it.
// A Tx holds one pooled connection for its life (four per Store): keep it short, never begin
// a second one on a thread that holds one, and end every Tx before the Store is destroyed.
// `begin` waits for the write lock (SQLite: up to 5 s for another writer to finish).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_token.h"
#include "core/assessment.h"
#include "core/audit.h"
#include "core/document.h"
#include "core/external_sign_in.h"
#include "core/one_time_link.h"
#include "core/mail_preference.h"
#include "core/outbox.h"
#include "core/webhook.h"
#include "core/publication.h"
#include "core/response.h"
#include "core/round.h"
#include "core/scale.h"
#include "core/session.h"
#include "core/unit.h"
#include "core/upload.h"
#include "core/user.h"

namespace uppsikt::store {

// A failure of the database itself (cannot open, disk full, broken schema). The message is
// for the log; users see a generic error page with a reference id.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Another writer changed the record since it was read (optimistic version check failed).
class ConflictError : public StoreError {
 public:
  using StoreError::StoreError;
};

class Tx {
 public:
  virtual ~Tx() = default;
  // Makes every write of this transaction durable (fsync'd) before returning.
  virtual void commit() = 0;

  // Units
  virtual Id add_unit(const Unit& unit) = 0;
  virtual std::optional<Unit> unit(Id id) = 0;
  virtual std::optional<Unit> unit_by_name(std::string_view name) = 0;
  virtual std::vector<Unit> units() = 0;
  // The unit and every unit above it: the path a permission check walks (see UnitTree);
  // empty for a missing unit. A cycle in the stored parents ends the path.
  virtual std::vector<Unit> unit_path(Id id) = 0;
  // Stores the unit's name, parent, kind and closed flag; throws StoreError when it is missing
  // or its name is taken.
  virtual void update_unit(const Unit& unit) = 0;

  // Governing documents and their nodes
  virtual Id add_document(const Document& document) = 0;
  virtual std::optional<Document> document(Id id) = 0;
  virtual std::optional<Document> document_by_title(std::string_view title) = 0;
  virtual std::vector<Document> documents() = 0;
  // Every field but the id; a new edition is a new document naming the old one as previous.
  virtual void update_document(const Document& document) = 0;
  virtual Id add_node(const Node& node) = 0;
  virtual std::optional<Node> node(Id id) = 0;
  virtual std::vector<Node> nodes(Id document_id) = 0;  // ordered by parent, then position
  // Every field but the id and the document, responsible units included.
  virtual void update_node(const Node& node) = 0;
  // The node and its responsible units; the caller makes sure nothing refers to it.
  virtual void remove_node(Id id) = 0;
  // How many questions, in any round, follow up the node.
  virtual int questions_following(Id node_id) = 0;

  // Scales
  virtual Id add_scale(const Scale& scale) = 0;
  virtual std::optional<Scale> scale(Id id) = 0;
  virtual std::optional<Scale> scale_by_name(std::string_view name) = 0;
  virtual std::vector<Scale> scales() = 0;  // in the order they were added

  // Rounds and questions
  virtual Id add_round(const Round& round) = 0;
  virtual std::optional<Round> round(Id id) = 0;
  virtual std::optional<Round> round_by_name(std::string_view name) = 0;
  virtual std::vector<Round> rounds() = 0;  // newest year first
  // Every field but the id; the round's responses (its units) are kept apart.
  virtual void update_round(const Round& round) = 0;
  virtual Id add_question(const Question& question) = 0;
  virtual std::optional<Question> question(Id id) = 0;
  virtual std::vector<Question> questions(Id round_id) = 0;  // by position
  // Every field but the id and the round, the audience's units included.
  virtual void update_question(const Question& question) = 0;
  // Removes a question that has no answers (StoreError if it has).
  virtual void delete_question(Id id) = 0;
  // Corrections of questions' wording in an open round, oldest first.
  virtual Id add_question_change(const QuestionChange& change) = 0;
  virtual std::vector<QuestionChange> question_changes(Id round_id) = 0;
  // Removes the round and everything that belongs to it: questions, responses, answers and
  // their history, reminders, publications. The audit trail keeps its rows.
  virtual void delete_round(Id round_id) = 0;

  // Responses and answers
  virtual Id add_response(const Response& response) = 0;
  virtual std::optional<Response> response(Id id) = 0;
  virtual std::optional<Response> response_of(Id round_id, Id unit_id) = 0;
  virtual std::vector<Response> responses(Id round_id) = 0;
  // Removes a response that has no answers (StoreError if it has): a unit leaves a draft round.
  virtual void delete_response(Id id) = 0;
  // Sets the unit's own deadline (ISO date; empty: the round's), without a version check:
  // it is the coordinator's, not part of what the unit edits.
  virtual void set_response_deadline(Id response_id, std::string_view deadline) = 0;
  // Sets status and updated_at; throws ConflictError unless the stored version equals
  // `expected_version`, and raises the version by one.
  virtual void update_response_status(Id response_id, ResponseStatus status, int expected_version,
                                      std::string_view updated_at) = 0;
  // Sets every field of the response but its id, round, unit and version (status, edition,
  // hand-in, reopened, updated_at); ConflictError unless the stored version equals
  // `expected_version`; raises the version by one.
  virtual void update_response(const Response& response, int expected_version) = 0;
  // Sets status and updated_at when an answer is saved, without a version check (two people
  // answering different questions must not conflict), only if the status is still `seen`;
  // false when it is not (a hand-in came first). Locks the row until the transaction ends.
  virtual bool touch_response(Id response_id, ResponseStatus seen, ResponseStatus status,
                              std::string_view updated_at) = 0;
  // Inserts or replaces the answer to (response, question). `seen_version` is the version of
  // it that the person saw (answer.version, the version stored, is not read):
  // - 0: there was no answer; one stored meanwhile gives ConflictError. Stored as version 1.
  // - n: the stored version must be n, else ConflictError (also when there is none now); it
  //   becomes n + 1.
  // Returns the id.
  virtual Id save_answer(const Answer& answer, int seen_version) = 0;
  virtual std::vector<Answer> answers(Id response_id) = 0;
  // The response's answer to one question, or nothing: what a save compares with.
  virtual std::optional<Answer> answer_of(Id response_id, Id question_id) = 0;
  // Many first answers at once, for generated data (uppsikt demo --scale national): one
  // prepared statement for all of them, each stored with its version as given. An answer
  // to a (response, question) that already has one throws StoreError.
  virtual void add_answers(const std::vector<Answer>& answers) = 0;
  // The answers with a choice of the round's responses in one of `statuses`, each with its
  // unit; comments are left empty unless asked for. One read for a whole compiled report.
  struct UnitAnswer {
    Id unit_id = 0;
    Answer answer;
  };
  virtual std::vector<UnitAnswer> round_answers(Id round_id, const std::vector<ResponseStatus>& statuses,
                                                bool with_comments) = 0;
  // A round's current answers, whatever the responses' status, with comments, in order of
  // response and question, at most `limit` after (after_response, after_question): a round of
  // any size read page by page, each page in a short transaction of its own.
  virtual std::vector<UnitAnswer> round_answers_page(Id round_id, Id after_response, Id after_question,
                                                     int limit) = 0;
  // The same answers counted per question and choice, in the database (a national round has
  // some 600,000).
  struct QuestionChoiceCount {
    Id question_id = 0;
    std::string choice;
    int count = 0;
  };
  virtual std::vector<QuestionChoiceCount> round_choice_counts(Id round_id,
                                                               const std::vector<ResponseStatus>& statuses) = 0;
  // Per response of a round that has an answer with a choice: what a status board counts,
  // read in one pass over the round's answers.
  struct AnswerTally {
    Id response_id = 0;
    std::map<std::string, int> choices;  // choice → answers with it
    int answered_by_all = 0;           // choices on questions put to every unit
    std::vector<Id> answered_limited;  // questions with an audience that have a choice
    std::string last_changed_at;       // the latest change of any of its answers, and by whom
    std::string last_changed_by;
  };
  virtual std::vector<AnswerTally> answer_tallies(Id round_id) = 0;

  // A response's history, oldest first, with each event's user name.
  virtual Id add_response_event(const ResponseEvent& event) = 0;
  virtual std::vector<ResponseEvent> response_events(Id response_id) = 0;
  // The events of a round's responses after `after` up to `until` (ISO UTC), oldest first,
  // without their messages (for counts; no free text).
  virtual std::vector<ResponseEvent> round_events_between(Id round_id, std::string_view after,
                                                          std::string_view until) = 0;
  // Keeps a copy of the response's answers as handed in under `edition` (once per edition),
  // readable after the response is returned and answered again.
  virtual void keep_handed_in_answers(Id response_id, int edition) = 0;
  virtual std::vector<Answer> handed_in_answers(Id response_id, int edition) = 0;  // by question

  // Published compiled reports, one per round. Saving replaces the round's publication;
  // deleting returns false when the round's report was not published.
  virtual void save_publication(const Publication& publication) = 0;
  virtual std::optional<Publication> publication(Id round_id) = 0;
  virtual std::vector<Publication> publications() = 0;  // newest first
  virtual bool delete_publication(Id round_id) = 0;
  // Each publishing kept as its report stood then (JSON of report/model_json.h), numbered
  // from 1 per round; adding returns the new version's number. Withdrawing keeps them.
  virtual int add_publication_version(const Publication& publication, const std::string& report_json) = 0;
  virtual std::vector<Publication> publication_versions(Id round_id) = 0;  // oldest first
  virtual std::optional<std::string> publication_report(Id round_id, int version) = 0;

  // The coordinator's assessment of a round's compiled report, by target (core/assessment.h);
  // saving an empty text removes it. The cover of the report to the council.
  virtual std::map<std::string, std::string> assessments(Id round_id) = 0;
  virtual void save_assessment(Id round_id, std::string_view target, std::string_view text, std::string_view changed_at,
                               std::optional<Id> changed_by) = 0;
  virtual std::optional<ReportCover> report_cover(Id round_id) = 0;
  virtual void save_report_cover(Id round_id, const ReportCover& cover, std::string_view changed_at,
                                 std::optional<Id> changed_by) = 0;

  // People and their grants. E-mail addresses are stored as given: the service lower-cases
  // them. A second user with the same e-mail throws StoreError.
  virtual Id add_user(const User& user) = 0;
  virtual std::optional<User> user(Id id) = 0;
  virtual std::optional<User> user_by_email(std::string_view email) = 0;
  virtual std::vector<User> users() = 0;  // by e-mail
  virtual void update_user_password(Id user_id, std::string_view password_hash) = 0;
  virtual void update_user_disabled(Id user_id, bool disabled) = 0;
  // Adds the grant; granting what the user already holds changes nothing.
  virtual void add_grant(const Grant& grant) = 0;
  virtual std::vector<Grant> grants(Id user_id) = 0;
  // Removes the grant; false when the user did not hold it.
  virtual bool remove_grant(const Grant& grant) = 0;
  virtual std::vector<Grant> grants_with_role(Role role) = 0;
  // Grants given by the sign-in rules rather than by hand. add_grant makes a grant a hand's
  // (it then stays whatever the rules say); add_rule_grant adds one only where none is held.
  virtual void add_rule_grant(const Grant& grant) = 0;
  virtual std::vector<Grant> rule_grants(Id user_id) = 0;
  // Removes the grant only if the rules gave it; false otherwise.
  virtual bool remove_rule_grant(const Grant& grant) = 0;

  // People's identities at identity providers: one person per (issuer, subject).
  virtual void add_external_identity(const ExternalIdentity& identity) = 0;
  virtual std::optional<ExternalIdentity> external_identity(std::string_view issuer, std::string_view subject) = 0;
  virtual std::vector<ExternalIdentity> external_identities(Id user_id) = 0;

  // Sign-ins under way at a provider. Taking one deletes it, so a state is used once.
  virtual void add_sign_in_flow(const SignInFlow& flow) = 0;
  virtual std::optional<SignInFlow> take_sign_in_flow(std::string_view state_hash) = 0;
  virtual void delete_sign_in_flows_before(std::string_view created_before) = 0;
  // SAML assertions already used to sign in, kept until they expire so that none is used twice.
  // Adding one already there changes nothing and gives false (of two at once, one gets true).
  virtual bool add_used_assertion(std::string_view issuer, std::string_view assertion_id,
                                  std::string_view expires_at) = 0;
  virtual void delete_used_assertions_before(std::string_view expired_before) = 0;

  // Sessions, found by the hash of their token.
  virtual void add_session(const Session& session) = 0;
  virtual std::optional<Session> session(std::string_view token_hash) = 0;
  virtual void touch_session(std::string_view token_hash, std::string_view last_seen_at) = 0;
  virtual void delete_session(std::string_view token_hash) = 0;
  // What the identity provider's protocol needs to end the session there too (SAML: Lasso's
  // session), kept beside it and read only when signing out; "" when there is none.
  virtual void set_provider_session(std::string_view token_hash, std::string_view data) = 0;
  virtual std::string provider_session(std::string_view token_hash) = 0;
  virtual void delete_sessions_of(Id user_id) = 0;
  // Removes sessions idle since before `idle_since` or created before `created_since`.
  virtual void delete_expired_sessions(std::string_view idle_since, std::string_view created_since) = 0;

  // Sign-in attempts, for throttling.
  virtual void add_login_attempt(const LoginAttempt& attempt) = 0;
  struct Failures {
    int count = 0;
    std::string latest;  // ISO time of the latest counted failure; empty when none
  };
  // Failed attempts for the e-mail at or after `since`, counting only those after the
  // account's latest successful sign-in.
  virtual Failures failed_logins_by_email(std::string_view email, std::string_view since) = 0;
  // The same, counting only attempts from `remote_address`.
  virtual Failures failed_logins_by_email_from(std::string_view email, std::string_view remote_address,
                                               std::string_view since) = 0;
  // Failed attempts from the address at or after `since`, whatever the account.
  virtual Failures failed_logins_by_address(std::string_view remote_address, std::string_view since) = 0;

  // Files uploaded for import, between preview and save. Uploads of one preview share a token hash.
  virtual Id add_upload(const Upload& upload) = 0;
  virtual std::vector<Upload> uploads(std::string_view token_hash, Id user_id) = 0;  // by id
  virtual void delete_uploads_before(std::string_view created_before) = 0;

  // One-time links (invitations, password resets), found by the hash of their token.
  virtual void add_one_time_link(const OneTimeLink& link) = 0;
  virtual std::optional<OneTimeLink> one_time_link(std::string_view token_hash) = 0;
  // Marks the link used at `used_at`; false when it was used already (it stays as it was).
  virtual bool use_one_time_link(std::string_view token_hash, std::string_view used_at) = 0;

  // API tokens, found by the hash of their token.
  virtual Id add_api_token(const ApiToken& token) = 0;
  virtual std::optional<ApiToken> api_token(Id id) = 0;
  virtual std::optional<ApiToken> api_token_by_hash(std::string_view token_hash) = 0;
  virtual std::vector<ApiToken> api_tokens_of(Id user_id) = 0;  // personal ones, newest first
  virtual std::vector<ApiToken> service_api_tokens() = 0;       // newest first
  // Marks the token revoked at `revoked_at`; false when it was revoked already.
  virtual bool revoke_api_token(Id id, std::string_view revoked_at) = 0;
  virtual void touch_api_token(Id id, std::string_view last_used_at) = 0;
  // The outbox (core/outbox.h): messages written in the transaction of their event.
  virtual Id add_outbox_message(const OutboxMessage& message) = 0;
  // Claims up to `limit` queued messages of `channel` that are due at `now` and not claimed
  // by another sender, until `claimed_until`; raises their attempts by one. Two senders at
  // once (two servers on PostgreSQL) never claim the same message.
  virtual std::vector<OutboxMessage> claim_outbox_messages(std::string_view channel, std::string_view now,
                                                           std::string_view claimed_until, int limit) = 0;
  // Stores the outcome of an attempt (status, next_attempt_at, sent_at, last_error) and ends
  // the claim.
  virtual void update_outbox_message(const OutboxMessage& message) = 0;
  virtual std::optional<OutboxMessage> outbox_message(Id id) = 0;
  // Newest first, at most `limit`; only those with `status` when given.
  virtual std::vector<OutboxMessage> outbox_messages(std::optional<OutboxStatus> status, int limit) = 0;
  // The number of messages per channel and status.
  virtual std::vector<OutboxCount> outbox_counts() = 0;

  // Webhooks (core/webhook.h), by id.
  virtual Id add_webhook(const Webhook& webhook) = 0;
  virtual std::vector<Webhook> webhooks() = 0;
  virtual std::optional<Webhook> webhook(Id id) = 0;
  virtual bool remove_webhook(Id id) = 0;  // false when there was none

  // Reminder schedules (core/reminder_schedule.h, as text): nothing for a round with the default.
  virtual std::optional<std::string> reminder_schedule(Id round_id) = 0;
  virtual void save_reminder_schedule(Id round_id, std::string_view schedule) = 0;
  // Notes that the reminder of (round, unit, planned day) is queued; false when it was already
  // (by this or another server), and then nothing changes.
  virtual bool add_reminder_send(Id round_id, Id unit_id, std::string_view planned_on, std::string_view queued_at) = 0;
  // The units whose reminder of the planned day is queued already.
  virtual std::vector<Id> reminded_units(Id round_id, std::string_view planned_on) = 0;

  // A person's choice of optional mail (core/mail_preference.h): off when never chosen.
  virtual DigestFrequency digest_frequency(Id user_id) = 0;
  virtual void save_digest_frequency(Id user_id, DigestFrequency frequency, std::string_view changed_at) = 0;
  // Everyone whose digest is on.
  virtual std::vector<DigestChoice> digest_choices() = 0;
  // Notes that the person's digest of the period (the ISO day it begins) is queued; false when
  // it was already (by this or another server), and then nothing changes.
  virtual bool add_digest_send(Id user_id, std::string_view period, std::string_view queued_at) = 0;
  // When the person's latest digest was queued; nothing before the first.
  virtual std::optional<std::string> last_digest_at(Id user_id) = 0;

  // The append-only audit trail.
  virtual Id add_audit(const AuditEntry& entry) = 0;
  struct AuditFilter {
    std::optional<Id> user_id;
    std::optional<Id> unit_id;
    // When set, only rows of these units (none when empty), and rows of no unit if with_no_unit.
    std::optional<std::vector<Id>> unit_ids;
    bool with_no_unit = false;
    std::string from;  // ISO times, inclusive; empty for no bound
    std::string to;
    // Paging: only rows after (before_at, before_id) in the newest-first order; empty for the first page.
    std::string before_at;
    Id before_id = 0;
    int limit = 1000;
  };
  virtual std::vector<AuditEntry> audit_entries(const AuditFilter& filter) = 0;  // newest first
};

// What /metrics reports of a store, counted since it was opened. Zeros where a store does
// not count (test doubles).
struct StoreStats {
  int pool_size = 0;              // pooled database connections
  int pool_in_use = 0;            // of which leased to a transaction now
  std::uint64_t leases = 0;       // transactions (and checks) that leased one
  std::uint64_t lease_waits = 0;  // of which found none free and waited
  double lease_wait_seconds = 0;  // the time they waited, summed
  std::uint64_t commit_syncs = 0;     // SQLite's group commit: log syncs …
  std::uint64_t synced_commits = 0;   // … and the commits they made durable (their ratio: group size)
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<Tx> begin() = 0;
  // A transaction for a use case that only reads (a page, a report). In SQLite it runs
  // beside a writer instead of waiting for the write lock; a write through it throws
  // StoreError. The default, for stores without the distinction, is begin().
  virtual std::unique_ptr<Tx> begin_read() { return begin(); }
  // The schema version the database is at after migrations.
  virtual int schema_version() = 0;
  virtual StoreStats stats() const { return {}; }
  // Brings the planner's statistics up to date after a bulk load: PostgreSQL plans by them
  // (a national round's report took 9 s instead of 1 s without). The SQLite store's queries
  // are written for SQLite's plans without statistics, so there it does nothing.
  virtual void update_statistics() = 0;
};

// Opens (creating if needed) and migrates the database at `url`: a file path, "sqlite:PATH"
// or "sqlite:///abs/path" for SQLite (the directory must exist), "postgresql://…" (any libpq
// URL) for PostgreSQL. Throws StoreError.
std::unique_ptr<Store> open(const std::string& url);

// The schema version this program migrates to; a store at another version is not ready.
int latest_schema_version();

}  // namespace uppsikt::store
