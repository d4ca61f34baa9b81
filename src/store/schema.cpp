// The schema, as an ordered list of migrations. Never edit an applied migration: add one.
// Text columns are NOT NULL DEFAULT '' where the core type uses an empty string, nullable
// where it uses std::optional; enums are stored as core's codes (to_code).
#include "store/schema_impl.h"

#include <fmt/format.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace uppsikt::store {
namespace {

// Replaces {id} (self-numbered key), {ref} (a column referring to an id), {bytes} (a column of
// bytes) and {table} (options after CREATE TABLE's closing parenthesis) with the dialect's
// spelling.
std::string in_dialect(const Dialect& d, const char* sql) {
  return fmt::format(fmt::runtime(sql), fmt::arg("id", d.id_column), fmt::arg("ref", d.id_type),
                     fmt::arg("bytes", d.bytes_type), fmt::arg("table", d.table_options));
}

// A migration's statements, each in the dialect's spelling.
std::vector<std::string> in_dialect(const Dialect& d, std::initializer_list<const char*> statements) {
  std::vector<std::string> out;
  for (const char* statement : statements) out.push_back(in_dialect(d, statement));
  return out;
}

std::vector<std::string> initial_schema(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE units ("
      " id {id},"
      " parent_id {ref} REFERENCES units (id),"
      " name TEXT NOT NULL UNIQUE,"
      " kind TEXT NOT NULL,"
      " closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))){table}",
      "CREATE INDEX units_parent ON units (parent_id)",

      "CREATE TABLE documents ("
      " id {id},"
      " title TEXT NOT NULL,"
      " kind TEXT NOT NULL,"
      " period TEXT NOT NULL DEFAULT '',"
      " decided_by TEXT NOT NULL DEFAULT '',"
      " decided_on TEXT NOT NULL DEFAULT '',"
      " position INTEGER NOT NULL DEFAULT 0){table}",
      "CREATE INDEX documents_title ON documents (title)",

      "CREATE TABLE nodes ("
      " id {id},"
      " document_id {ref} NOT NULL REFERENCES documents (id),"
      " parent_id {ref} REFERENCES nodes (id),"
      " kind TEXT NOT NULL,"
      " number TEXT NOT NULL DEFAULT '',"
      " title TEXT NOT NULL DEFAULT '',"
      " text TEXT NOT NULL DEFAULT '',"
      " expected_result TEXT NOT NULL DEFAULT '',"
      " position INTEGER NOT NULL DEFAULT 0){table}",
      "CREATE INDEX nodes_document ON nodes (document_id, parent_id, position)",
      "CREATE INDEX nodes_parent ON nodes (parent_id)",

      "CREATE TABLE scales ("
      " id {id},"
      " name TEXT NOT NULL UNIQUE){table}",
      // One row per option rather than one joined text: options are what answers refer to.
      "CREATE TABLE scale_options ("
      " scale_id {ref} NOT NULL REFERENCES scales (id),"
      " position INTEGER NOT NULL,"
      " label TEXT NOT NULL,"
      " PRIMARY KEY (scale_id, position),"
      " UNIQUE (scale_id, label)){table}",

      "CREATE TABLE rounds ("
      " id {id},"
      " name TEXT NOT NULL UNIQUE,"
      " year INTEGER NOT NULL,"
      " status TEXT NOT NULL,"
      " deadline TEXT NOT NULL DEFAULT ''){table}",

      "CREATE TABLE questions ("
      " id {id},"
      " round_id {ref} NOT NULL REFERENCES rounds (id),"
      " node_id {ref} REFERENCES nodes (id),"
      " position INTEGER NOT NULL DEFAULT 0,"
      " text TEXT NOT NULL,"
      " audience TEXT NOT NULL DEFAULT '',"
      " scale_id {ref} NOT NULL REFERENCES scales (id),"
      " comment_rule TEXT NOT NULL,"
      " comment_required_for TEXT NOT NULL DEFAULT ''){table}",
      "CREATE INDEX questions_round ON questions (round_id, position)",
      "CREATE INDEX questions_node ON questions (node_id)",

      // UNIQUE (round_id, unit_id) is also the index for "responses of a round".
      "CREATE TABLE responses ("
      " id {id},"
      " round_id {ref} NOT NULL REFERENCES rounds (id),"
      " unit_id {ref} NOT NULL REFERENCES units (id),"
      " status TEXT NOT NULL,"
      " version INTEGER NOT NULL DEFAULT 1,"
      " updated_at TEXT NOT NULL DEFAULT '',"
      " UNIQUE (round_id, unit_id)){table}",
      "CREATE INDEX responses_unit ON responses (unit_id)",

      // UNIQUE (response_id, question_id) is also the index for "answers of a response".
      "CREATE TABLE answers ("
      " id {id},"
      " response_id {ref} NOT NULL REFERENCES responses (id),"
      " question_id {ref} NOT NULL REFERENCES questions (id),"
      " choice TEXT NOT NULL DEFAULT '',"
      " comment TEXT NOT NULL DEFAULT '',"
      " version INTEGER NOT NULL DEFAULT 1,"
      " changed_by TEXT NOT NULL DEFAULT '',"
      " changed_at TEXT NOT NULL DEFAULT '',"
      " UNIQUE (response_id, question_id)){table}",
      "CREATE INDEX answers_question ON answers (question_id)",
  });
}

// People, their roles on the unit tree, sessions, sign-in attempts and the audit trail.
std::vector<std::string> accounts(const Dialect& d) {
  return in_dialect(d, {
      // The service lower-cases e-mail addresses (with Å, Ä, Ö), so UNIQUE is case-blind.
      "CREATE TABLE users ("
      " id {id},"
      " email TEXT NOT NULL UNIQUE,"
      " name TEXT NOT NULL,"
      " password_hash TEXT NOT NULL,"
      " created_at TEXT NOT NULL,"
      " disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))){table}",

      // The primary key is also the index for "grants of a user".
      "CREATE TABLE grants ("
      " user_id {ref} NOT NULL REFERENCES users (id),"
      " role TEXT NOT NULL,"
      " unit_id {ref} NOT NULL REFERENCES units (id),"
      " PRIMARY KEY (user_id, role, unit_id)){table}",
      "CREATE INDEX grants_unit ON grants (unit_id)",

      // Only a hash of the cookie's token: a copy of the database signs nobody in.
      "CREATE TABLE sessions ("
      " token_hash TEXT PRIMARY KEY,"
      " user_id {ref} NOT NULL REFERENCES users (id),"
      " csrf_token TEXT NOT NULL,"
      " created_at TEXT NOT NULL,"
      " last_seen_at TEXT NOT NULL){table}",
      "CREATE INDEX sessions_user ON sessions (user_id)",

      "CREATE TABLE login_attempts ("
      " id {id},"
      " at TEXT NOT NULL,"
      " email TEXT NOT NULL,"
      " remote_address TEXT NOT NULL,"
      " succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))){table}",
      "CREATE INDEX login_attempts_email ON login_attempts (email, at)",
      "CREATE INDEX login_attempts_address ON login_attempts (remote_address, at)",

      // Append-only: the store has no statement that updates or deletes a row of it.
      "CREATE TABLE audit ("
      " id {id},"
      " at TEXT NOT NULL,"
      " user_id {ref} REFERENCES users (id),"
      " unit_id {ref} REFERENCES units (id),"
      " action TEXT NOT NULL,"
      " entity TEXT NOT NULL DEFAULT '',"
      " entity_id {ref},"
      " before_json TEXT NOT NULL DEFAULT '',"
      " after_json TEXT NOT NULL DEFAULT '',"
      " remote_address TEXT NOT NULL DEFAULT ''){table}",
      "CREATE INDEX audit_at ON audit (at)",
      "CREATE INDEX audit_user ON audit (user_id, at)",
      "CREATE INDEX audit_unit ON audit (unit_id, at)",
  });
}

// Files uploaded for import, kept from the preview to the save (at most a day). The bytes are
// base64 text, so that both backends keep them in a TEXT column whatever they hold (until
// migration 37 keeps them as bytes).
std::vector<std::string> import_uploads(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE import_uploads ("
      " id {id},"
      " token_hash TEXT NOT NULL,"
      " user_id {ref} NOT NULL REFERENCES users (id),"
      " file_name TEXT NOT NULL,"
      " content_base64 TEXT NOT NULL,"
      " created_at TEXT NOT NULL){table}",
      "CREATE INDEX import_uploads_token ON import_uploads (token_hash)",
      "CREATE INDEX import_uploads_created ON import_uploads (created_at)",
  });
}

// Answering: whether a round needs the unit's approver, each response's hand-in and edition,
// its history (hand-in, send-back, approval, return, reopening) and what was handed in under
// each edition, kept when the response is returned and answered again (a public record).
std::vector<std::string> answering(const Dialect& d) {
  return in_dialect(d, {
      "ALTER TABLE rounds ADD COLUMN requires_approval INTEGER NOT NULL DEFAULT 0"
      " CHECK (requires_approval IN (0, 1))",
      "ALTER TABLE responses ADD COLUMN edition INTEGER NOT NULL DEFAULT 1",
      "ALTER TABLE responses ADD COLUMN handed_in_at TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE responses ADD COLUMN handed_in_by {ref} REFERENCES users (id)",
      "ALTER TABLE responses ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0"
      " CHECK (reopened IN (0, 1))",

      "CREATE TABLE response_events ("
      " id {id},"
      " response_id {ref} NOT NULL REFERENCES responses (id),"
      " kind TEXT NOT NULL,"
      " edition INTEGER NOT NULL,"
      " user_id {ref} REFERENCES users (id),"
      " at TEXT NOT NULL,"
      " message TEXT NOT NULL DEFAULT '',"
      " late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1))){table}",
      "CREATE INDEX response_events_response ON response_events (response_id, id)",

      // The primary key is also the index for "what was handed in under an edition".
      "CREATE TABLE handed_in_answers ("
      " response_id {ref} NOT NULL REFERENCES responses (id),"
      " edition INTEGER NOT NULL,"
      " question_id {ref} NOT NULL REFERENCES questions (id),"
      " choice TEXT NOT NULL DEFAULT '',"
      " comment TEXT NOT NULL DEFAULT '',"
      " version INTEGER NOT NULL,"
      " changed_by TEXT NOT NULL DEFAULT '',"
      " changed_at TEXT NOT NULL DEFAULT '',"
      " PRIMARY KEY (response_id, edition, question_id)){table}",
  });
}

// What coordinators need to build rounds and keep documents: a round's opening date,
// instructions and organising unit; whom each question asks (unit kinds as codes, one per
// line, and chosen units); editions of documents and the units responsible for an item.
std::vector<std::string> round_building(const Dialect& d) {
  return in_dialect(d, {
      "ALTER TABLE rounds ADD COLUMN opens_on TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE rounds ADD COLUMN instructions TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE rounds ADD COLUMN unit_id {ref} REFERENCES units (id)",

      "ALTER TABLE questions ADD COLUMN audience_kinds TEXT NOT NULL DEFAULT ''",
      "CREATE TABLE question_units ("
      " question_id {ref} NOT NULL REFERENCES questions (id),"
      " unit_id {ref} NOT NULL REFERENCES units (id),"
      " PRIMARY KEY (question_id, unit_id)){table}",
      "CREATE INDEX question_units_unit ON question_units (unit_id)",

      "ALTER TABLE documents ADD COLUMN previous_id {ref} REFERENCES documents (id)",
      "ALTER TABLE documents ADD COLUMN edition INTEGER NOT NULL DEFAULT 1",
      "CREATE INDEX documents_previous ON documents (previous_id)",
      "CREATE TABLE node_units ("
      " node_id {ref} NOT NULL REFERENCES nodes (id),"
      " unit_id {ref} NOT NULL REFERENCES units (id),"
      " PRIMARY KEY (node_id, unit_id)){table}",
      "CREATE INDEX node_units_unit ON node_units (unit_id)",
  });
}

// One-time links (invitations, password resets): only a hash of the token, a day to live, and
// the time of their single use.
std::vector<std::string> one_time_links(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE one_time_links ("
      " token_hash TEXT PRIMARY KEY,"
      " user_id {ref} NOT NULL REFERENCES users (id),"
      " purpose TEXT NOT NULL,"
      " created_at TEXT NOT NULL,"
      " expires_at TEXT NOT NULL,"
      " used_at TEXT NOT NULL DEFAULT ''){table}",
      "CREATE INDEX one_time_links_user ON one_time_links (user_id)",
  });
}

// The answer scales in common use, so that a question can offer fewer options than the
// standard four. The standard scale may already exist (imports create it when first needed).
std::vector<std::string> common_scales(const Dialect&) {
  struct Builtin {
    const char* name;
    std::vector<const char*> options;
  };
  const Builtin scales[] = {
      {"Ja/Nej/Delvis/Ej aktuellt", {"Ja", "Nej", "Delvis", "Ej aktuellt"}},
      {"Ja/Nej", {"Ja", "Nej"}},
      {"Ja/Delvis/Nej", {"Ja", "Delvis", "Nej"}},
  };
  std::vector<std::string> out;
  for (const auto& scale : scales) {
    out.push_back(fmt::format(
        "INSERT INTO scales (name) SELECT '{0}' WHERE NOT EXISTS (SELECT 1 FROM scales WHERE name = '{0}')",
        scale.name));
    for (std::size_t i = 0; i < scale.options.size(); ++i)
      out.push_back(fmt::format(
          "INSERT INTO scale_options (scale_id, position, label) SELECT id, {1}, '{2}' FROM scales s "
          "WHERE name = '{0}' AND NOT EXISTS (SELECT 1 FROM scale_options o WHERE o.scale_id = s.id AND o.label = '{2}')",
          scale.name, i, scale.options[i]));
  }
  return out;
}

// A round's compiled report made public, one row per round while it is published.
std::vector<std::string> report_publications(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE report_publications ("
      " round_id {ref} PRIMARY KEY REFERENCES rounds (id),"
      " with_comments INTEGER NOT NULL DEFAULT 0 CHECK (with_comments IN (0, 1)),"
      " published_at TEXT NOT NULL,"
      " published_by {ref} REFERENCES users (id)){table}",
  });
}

// A round's answers counted by question and choice straight from one index, without reading
// the answers' rows (with their comments) or sorting them: the compiled report of a national
// round counts some 600,000 answers for itself and as many for each earlier round. The index
// on question_id alone is a prefix of the new one and goes.
std::vector<std::string> answers_by_choice(const Dialect&) {
  return {"CREATE INDEX answers_question_choice ON answers (question_id, choice, response_id)",
          "DROP INDEX answers_question"};
}

// The latest change of each response's answers, and who made it, kept on the response: the
// status board showed it by reading every answer row of the round (0.5 s nationally), where
// the counts beside it need only the index above.
std::vector<std::string> latest_answer_change(const Dialect&) {
  return {"ALTER TABLE responses ADD COLUMN answer_changed_at TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE responses ADD COLUMN answer_changed_by TEXT NOT NULL DEFAULT ''",
          "UPDATE responses SET "
          "answer_changed_at = COALESCE((SELECT MAX(a.changed_at) FROM answers a WHERE a.response_id = responses.id), ''), "
          "answer_changed_by = COALESCE((SELECT a.changed_by FROM answers a WHERE a.response_id = responses.id "
          "ORDER BY a.changed_at DESC, a.changed_by DESC LIMIT 1), '')"};
}

// Each response's answers by choice straight from one index, response by response in the
// order of their ids: the status board counts a national round's 550,000 answers per response
// and choice without sorting them (0.25 s against 0.5 s).
std::vector<std::string> answers_by_response_choice(const Dialect&) {
  return {"CREATE INDEX answers_response_choice ON answers (response_id, choice)"};
}

// Each governing document belongs to a unit: the city's top unit for a city-wide programme, a
// committee for its own plans. Only admins and coordinators on that unit or above edit it.
// Documents kept before this belong to the top unit (the first unit without a parent).
std::vector<std::string> document_units(const Dialect& d) {
  return {in_dialect(d, "ALTER TABLE documents ADD COLUMN unit_id {ref} REFERENCES units (id)"),
          "UPDATE documents SET unit_id = (SELECT MIN(id) FROM units WHERE parent_id IS NULL)"};
}

// Each publishing of a round's compiled report kept as it stood, numbered from 1 per round:
// a council decision cites one version, which later answers do not change.
std::vector<std::string> publication_versions(const Dialect& d) {
  return {in_dialect(d,
                     "CREATE TABLE report_publication_versions ("
                     " round_id {ref} NOT NULL REFERENCES rounds (id),"
                     " version INTEGER NOT NULL,"
                     " with_comments INTEGER NOT NULL DEFAULT 0 CHECK (with_comments IN (0, 1)),"
                     " published_at TEXT NOT NULL,"
                     " published_by {ref} REFERENCES users (id),"
                     " report_json TEXT NOT NULL,"
                     " PRIMARY KEY (round_id, version)){table}")};
}

// The outbox: each message written in the transaction of the event that causes it, then
// delivered by a sender in the server. Generic over channels (mail now, webhooks later). A
// sender claims due rows until claimed_until, so two servers on one database never take the
// same row; a claim left by a killed server runs out and the row is taken again.
std::vector<std::string> outbox(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE outbox ("
      " id {id},"
      " channel TEXT NOT NULL,"
      " kind TEXT NOT NULL,"
      " recipient TEXT NOT NULL,"
      " recipient_name TEXT NOT NULL DEFAULT '',"
      " subject TEXT NOT NULL DEFAULT '',"
      " text_body TEXT NOT NULL DEFAULT '',"
      " html_body TEXT NOT NULL DEFAULT '',"
      " round_id {ref} REFERENCES rounds (id),"
      " unit_id {ref} REFERENCES units (id),"
      " status TEXT NOT NULL,"
      " attempts INTEGER NOT NULL DEFAULT 0,"
      " created_at TEXT NOT NULL,"
      " next_attempt_at TEXT NOT NULL,"
      " claimed_until TEXT NOT NULL DEFAULT '',"
      " sent_at TEXT NOT NULL DEFAULT '',"
      " last_error TEXT NOT NULL DEFAULT ''){table}",
      "CREATE INDEX outbox_due ON outbox (channel, status, next_attempt_at)",
  });
}

// Reminders on a schedule: a round's schedule when it is not the default (core/
// reminder_schedule.h), and each (round, unit, planned day) whose reminder was queued, so that
// it is queued once whatever restarts or how many servers share the database.
std::vector<std::string> reminders(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE round_reminders ("
      " round_id {ref} PRIMARY KEY REFERENCES rounds (id),"
      " schedule TEXT NOT NULL){table}",
      "CREATE TABLE reminder_sends ("
      " round_id {ref} NOT NULL REFERENCES rounds (id),"
      " unit_id {ref} NOT NULL REFERENCES units (id),"
      " planned_on TEXT NOT NULL,"
      " queued_at TEXT NOT NULL,"
      " PRIMARY KEY (round_id, unit_id, planned_on)){table}",
  });
}

// Personal access tokens for the JSON API: only a hash of each token, who made it, whether it
// may write, until when it works, and when it was last used (shown to its owner).
std::vector<std::string> api_tokens(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE api_tokens ("
      " id {id},"
      " user_id {ref} NOT NULL REFERENCES users (id),"
      " name TEXT NOT NULL,"
      " token_hash TEXT NOT NULL UNIQUE,"
      " can_write INTEGER NOT NULL DEFAULT 0 CHECK (can_write IN (0, 1)),"
      " created_at TEXT NOT NULL,"
      " expires_at TEXT NOT NULL,"
      " revoked_at TEXT NOT NULL DEFAULT '',"
      " last_used_at TEXT NOT NULL DEFAULT ''){table}",
      "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
  });
}

// Service tokens: an API token that acts with one role on one unit's subtree instead of its
// maker's roles. Personal tokens keep both columns empty.
std::vector<std::string> service_tokens(const Dialect& d) {
  return {in_dialect(d, "ALTER TABLE api_tokens ADD COLUMN service_unit_id {ref} REFERENCES units (id)"),
          in_dialect(d, "ALTER TABLE api_tokens ADD COLUMN service_role TEXT NOT NULL DEFAULT ''")};
}

// A round's responses in id order, for reading a round's answers a page at a time: each page
// seeks its first response instead of sorting the round (SociTx::round_answers_page).
std::vector<std::string> responses_by_round(const Dialect& d) {
  return {in_dialect(d, "CREATE INDEX responses_round_id ON responses (round_id, id)")};
}

// A SAML answer checked at the assertion consumer waits as a sign-in flow holding the
// person's claims until the browser that started the sign-in comes for it (the answer is
// posted from the IdP's site, without our cookies).
std::vector<std::string> saml_handovers(const Dialect&) {
  return {"ALTER TABLE sign_in_flows ADD COLUMN claims TEXT NOT NULL DEFAULT ''"};
}

// A session begun through a SAML IdP keeps Lasso's session (the assertion) for single logout.
std::vector<std::string> saml_sessions(const Dialect&) {
  return {"ALTER TABLE sessions ADD COLUMN provider_session TEXT NOT NULL DEFAULT ''"};
}

// Uploads kept as bytes instead of base64 text. They live a day, from a preview to its save;
// one waiting while the program is upgraded is asked for again ("Ladda upp dem igen").
std::vector<std::string> import_upload_bytes(const Dialect& d) {
  return in_dialect(d, {
      "DROP TABLE import_uploads",
      "CREATE TABLE import_uploads ("
      " id {id},"
      " token_hash TEXT NOT NULL,"
      " user_id {ref} NOT NULL REFERENCES users (id),"
      " file_name TEXT NOT NULL,"
      " content {bytes} NOT NULL,"
      " created_at TEXT NOT NULL){table}",
      "CREATE INDEX import_uploads_token ON import_uploads (token_hash)",
      "CREATE INDEX import_uploads_created ON import_uploads (created_at)",
  });
}

// The name of the API token a change was made with, beside the person, so that the audit
// trail tells a write through the API from the same write on a page.
std::vector<std::string> audit_token_name(const Dialect&) {
  return {"ALTER TABLE audit ADD COLUMN token_name TEXT NOT NULL DEFAULT ''"};
}

// Signing in through an organisation's identity provider: each person's identities there
// (one person per issuer and subject), the sign-ins waiting for the provider's answer (only
// their state's hash; one use), which grants the sign-in rules gave (they add and take away
// only those), and which provider a session came through (to sign out there too).
std::vector<std::string> external_sign_in(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE external_identities ("
      " issuer TEXT NOT NULL,"
      " subject TEXT NOT NULL,"
      " user_id {ref} NOT NULL REFERENCES users (id),"
      " linked_at TEXT NOT NULL,"
      " PRIMARY KEY (issuer, subject)){table}",
      "CREATE INDEX external_identities_user ON external_identities (user_id)",
      "CREATE TABLE sign_in_flows ("
      " state_hash TEXT PRIMARY KEY,"
      " provider TEXT NOT NULL,"
      " nonce TEXT NOT NULL,"
      " code_verifier TEXT NOT NULL,"
      " browser_hash TEXT NOT NULL,"
      " created_at TEXT NOT NULL){table}",
      "CREATE INDEX sign_in_flows_created ON sign_in_flows (created_at)",
      "ALTER TABLE grants ADD COLUMN source TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'rule'))",
      "ALTER TABLE sessions ADD COLUMN provider TEXT NOT NULL DEFAULT ''",
  });
}

// Webhooks: the addresses an admin registered, the events each hears of, and its signing key.
// Their deliveries are rows of the outbox (channel "webhook").
std::vector<std::string> webhooks(const Dialect& d) {
  return {in_dialect(d,
                     "CREATE TABLE webhooks ("
                     " id {id},"
                     " unit_id {ref} NOT NULL REFERENCES units (id),"
                     " url TEXT NOT NULL,"
                     " events TEXT NOT NULL,"
                     " secret TEXT NOT NULL,"
                     " created_at TEXT NOT NULL,"
                     " created_by {ref} REFERENCES users (id)){table}")};
}

// Each person's choice of optional mail (the digest), once they have made one.
std::vector<std::string> mail_preferences(const Dialect& d) {
  return {in_dialect(d,
                     "CREATE TABLE mail_preferences ("
                     " user_id {ref} PRIMARY KEY REFERENCES users (id),"
                     " digest TEXT NOT NULL DEFAULT 'off' CHECK (digest IN ('off', 'daily', 'weekly')),"
                     " changed_at TEXT NOT NULL){table}")};
}

// Each person's digest queued for a period (the ISO day it begins), so that it is queued once
// whatever restarts or how many servers share the database.
std::vector<std::string> digest_sends(const Dialect& d) {
  return {in_dialect(d,
                     "CREATE TABLE digest_sends ("
                     " user_id {ref} NOT NULL REFERENCES users (id),"
                     " period TEXT NOT NULL,"
                     " queued_at TEXT NOT NULL,"
                     " PRIMARY KEY (user_id, period)){table}")};
}

// SAML assertions that signed someone in, by their IdP and ID, until they expire: an
// assertion posted a second time (copied from a browser, a proxy's log) is refused.
std::vector<std::string> saml_assertions_used(const Dialect& d) {
  return {in_dialect(d,
                     "CREATE TABLE saml_assertions_used ("
                     " issuer TEXT NOT NULL,"
                     " assertion_id TEXT NOT NULL,"
                     " expires_at TEXT NOT NULL,"
                     " PRIMARY KEY (issuer, assertion_id)){table}"),
          "CREATE INDEX saml_assertions_used_expires ON saml_assertions_used (expires_at)"};
}

// Correcting a round while it is open: a unit's own later deadline, a closed round taken out
// of the start page's list, and each correction of a question's wording (what those who had
// answered see).
std::vector<std::string> open_round_corrections(const Dialect& d) {
  return in_dialect(d, {
      "ALTER TABLE responses ADD COLUMN deadline TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE rounds ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))",
      "CREATE TABLE question_changes ("
      " id {id},"
      " question_id {ref} NOT NULL REFERENCES questions (id),"
      " changed_at TEXT NOT NULL,"
      " changed_by {ref} REFERENCES users (id),"
      " before_text TEXT NOT NULL,"
      " after_text TEXT NOT NULL){table}",
      "CREATE INDEX question_changes_question ON question_changes (question_id)",
  });
}

// The coordinator's assessment of a compiled report, per round, document or area, and
// question (a target such as "question:42"), and the cover of the report to the council.
std::vector<std::string> report_assessments(const Dialect& d) {
  return in_dialect(d, {
      "CREATE TABLE report_assessments ("
      " round_id {ref} NOT NULL REFERENCES rounds (id),"
      " target TEXT NOT NULL,"
      " text TEXT NOT NULL,"
      " changed_at TEXT NOT NULL,"
      " changed_by {ref} REFERENCES users (id),"
      " PRIMARY KEY (round_id, target)){table}",
      "CREATE TABLE report_covers ("
      " round_id {ref} PRIMARY KEY REFERENCES rounds (id),"
      " sender TEXT NOT NULL DEFAULT '',"
      " dated TEXT NOT NULL DEFAULT '',"
      " registration_number TEXT NOT NULL DEFAULT '',"
      " changed_at TEXT NOT NULL,"
      " changed_by {ref} REFERENCES users (id)){table}",
  });
}

}  // namespace

const std::vector<Migration>& schema_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "initial schema", initial_schema},
      {2, "accounts, sessions and audit", accounts},
      {3, "import uploads", import_uploads},
      {4, "answering: approval, hand-ins, response history", answering},
      {5, "round building and document editions", round_building},
      {6, "one-time links", one_time_links},
      {7, "report publishing", report_publications},
      {10, "common answer scales", common_scales},
      {11, "answers indexed by question and choice", answers_by_choice},
      {12, "latest answer change on the response", latest_answer_change},
      {13, "answers indexed by response and choice", answers_by_response_choice},
      {14, "documents belong to a unit", document_units},
      {15, "frozen versions of published reports", publication_versions},
      {18, "outbox", outbox},
      {19, "reminder schedules", reminders},
      {20, "API tokens", api_tokens},
      {21, "the API token of an audited change", audit_token_name},
      {22, "sign-in through identity providers", external_sign_in},
      {24, "webhooks", webhooks},
      {28, "mail preferences", mail_preferences},
      {29, "digests sent", digest_sends},
      {30, "SAML assertions used", saml_assertions_used},
      {31, "corrections of open rounds, archived rounds", open_round_corrections},
      {32, "assessments and covers of compiled reports", report_assessments},
      {33, "service tokens", service_tokens},
      {34, "responses by round in id order", responses_by_round},
      {35, "SAML answers waiting for their browser", saml_handovers},
      {36, "SAML sessions for single logout", saml_sessions},
      {37, "import uploads as bytes", import_upload_bytes},
  };
  return migrations;
}

}  // namespace uppsikt::store
