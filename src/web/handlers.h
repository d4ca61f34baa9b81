#pragma once
// The page handlers, one per file, named for the page and what they do with it. Each reads
// its input, asks a service, and renders a page or an error.
#include "http/message.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

http::Response home_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response response_show(const Site& site, const Visit& visit, const http::Request& request);
// Building and running rounds (coordinators)
http::Response round_new(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_edit(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_update(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_units_update(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_open(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_close(const Site& site, const Visit& visit, const http::Request& request);
// Correcting a round: one unit's later deadline, one more unit, a question's wording (open
// rounds); deleting a draft; archiving a closed round and the archived rounds' list
http::Response round_deadline_extend(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_unit_add(const Site& site, const Visit& visit, const http::Request& request);
http::Response question_reword(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_delete(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_archive(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_unarchive(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_archive_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_remind(const Site& site, const Visit& visit, const http::Request& request);
// "Påminn nu" (choose units, see the mail) and the round's reminder schedule
http::Response round_remind_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_reminders_update(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_copy_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_copy_submit(const Site& site, const Visit& visit, const http::Request& request);
http::Response question_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response question_edit(const Site& site, const Visit& visit, const http::Request& request);
http::Response question_update(const Site& site, const Visit& visit, const http::Request& request);
http::Response question_move(const Site& site, const Visit& visit, const http::Request& request);
http::Response question_delete(const Site& site, const Visit& visit, const http::Request& request);
http::Response my_followups_show(const Site& site, const Visit& visit, const http::Request& request);
// Answering: save (form or autosave), approve, send back, return, reopen; earlier editions
http::Response answer_save(const Site& site, const Visit& visit, const http::Request& request);
http::Response response_action(const Site& site, const Visit& visit, const http::Request& request);
http::Response response_edition_show(const Site& site, const Visit& visit, const http::Request& request);
// Reports: the compiled report page, its downloads, a unit's report as a download
http::Response report_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response report_download(const Site& site, const Visit& visit, const http::Request& request);
// The coordinator's assessment and the cover for the council, on the report's pages
http::Response report_assessment_edit(const Site& site, const Visit& visit, const http::Request& request);
http::Response report_assessment_save(const Site& site, const Visit& visit, const http::Request& request);
http::Response response_download(const Site& site, const Visit& visit, const http::Request& request);
// Publishing the compiled report (who may manage the round), and the published reports, open
// to anyone: the list, a report, its downloads and its open data
http::Response report_publish(const Site& site, const Visit& visit, const http::Request& request);
http::Response report_withdraw(const Site& site, const Visit& visit, const http::Request& request);
http::Response published_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response published_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response published_download(const Site& site, const Visit& visit, const http::Request& request);
http::Response published_open_data_csv(const Site& site, const Visit& visit, const http::Request& request);
http::Response published_open_data_json(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_show(const Site& site, const Visit& visit, const http::Request& request);
// Keeping governing documents (coordinators and admins)
http::Response document_new(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_edit(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_update(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_edition_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response node_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response node_edit(const Site& site, const Visit& visit, const http::Request& request);
http::Response node_update(const Site& site, const Visit& visit, const http::Request& request);
http::Response node_move(const Site& site, const Visit& visit, const http::Request& request);
http::Response node_delete(const Site& site, const Visit& visit, const http::Request& request);
// Importing old follow-ups: the upload form, the preview, the save
http::Response import_new(const Site& site, const Visit& visit, const http::Request& request);
http::Response import_preview(const Site& site, const Visit& visit, const http::Request& request);
http::Response import_review(const Site& site, const Visit& visit, const http::Request& request);
http::Response import_save(const Site& site, const Visit& visit, const http::Request& request);
// The person's own API tokens: list, make one (shown once), revoke
http::Response api_token_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response api_token_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response api_token_revoke(const Site& site, const Visit& visit, const http::Request& request);
// The person's own mail settings
http::Response mail_preferences_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response mail_preferences_update(const Site& site, const Visit& visit, const http::Request& request);
// Signing in and out
http::Response sign_in_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response sign_in_submit(const Site& site, const Visit& visit, const http::Request& request);
http::Response sign_out_submit(const Site& site, const Visit& visit, const http::Request& request);
http::Response external_sign_in_start(const Site& site, const Visit& visit, const http::Request& request);
http::Response external_sign_in_finish(const Site& site, const Visit& visit, const http::Request& request);
http::Response saml_metadata_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response saml_sign_in_start(const Site& site, const Visit& visit, const http::Request& request);
http::Response saml_answer_accept(const Site& site, const Visit& visit, const http::Request& request);
http::Response saml_sign_in_finish(const Site& site, const Visit& visit, const http::Request& request);
http::Response saml_logout_answer(const Site& site, const Visit& visit, const http::Request& request);
// Administration: units (list, create, show, rename, move, close) and people (list, invite,
// show, grant, revoke, reset link, deactivate)
http::Response unit_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response unit_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response unit_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response unit_rename(const Site& site, const Visit& visit, const http::Request& request);
http::Response unit_move(const Site& site, const Visit& visit, const http::Request& request);
http::Response unit_close(const Site& site, const Visit& visit, const http::Request& request);
http::Response person_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response person_invite(const Site& site, const Visit& visit, const http::Request& request);
http::Response person_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response person_grant(const Site& site, const Visit& visit, const http::Request& request);
http::Response person_revoke(const Site& site, const Visit& visit, const http::Request& request);
http::Response person_reset(const Site& site, const Visit& visit, const http::Request& request);
http::Response person_deactivate(const Site& site, const Visit& visit, const http::Request& request);
// The outbox (admins of the whole organisation): mail queued, sent and failed; send again
http::Response outbox_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response outbox_retry(const Site& site, const Visit& visit, const http::Request& request);
http::Response webhook_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response webhook_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response webhook_remove(const Site& site, const Visit& visit, const http::Request& request);
http::Response service_token_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response service_token_create(const Site& site, const Visit& visit, const http::Request& request);
http::Response service_token_revoke(const Site& site, const Visit& visit, const http::Request& request);
// The audit trail (admins and coordinators): the page and its CSV
http::Response audit_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response audit_export(const Site& site, const Visit& visit, const http::Request& request);
// One-time links (invitations, password resets): the form, setting the password
http::Response link_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response link_submit(const Site& site, const Visit& visit, const http::Request& request);
http::Response accessibility_show(const Site& site, const Visit& visit, const http::Request& request);
// Probes for operations, outside the sign-in guard: GET /readyz (GET /healthz is a constant)
http::Response readiness_show(const Site& site);

}  // namespace uppsikt::web
