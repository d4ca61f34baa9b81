#pragma once
// The pages for keeping governing documents, shared by their handlers: reading the document
// and node forms, and rendering the new-document form, a document's edit page (facts, areas
// and items in order, a new node, a new edition) and a node's form, each with its error
// summary and the values as posted.
#include <optional>
#include <string>
#include <vector>

#include "http/message.h"
#include "service/document_admin.h"
#include "web/round_forms.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

service::DocumentFields document_fields_from(const Form& form);
service::NodeFields node_fields_from(const Form& form);

// "/dokument/3/redigera"
std::string document_edit_href(Id document_id);

http::Response document_new_page(const Site& site, const Visit& visit, const service::DocumentFields& fields,
                                 const std::vector<service::FieldError>& errors = {}, int status = 200);
// `posted` replaces the stored facts in the form after a refused change.
http::Response document_edit_page(const Site& site, const Visit& visit, Id document_id,
                                  const std::vector<service::FieldError>& errors = {}, int status = 200,
                                  const std::optional<service::DocumentFields>& posted = std::nullopt);
http::Response node_edit_page(const Site& site, const Visit& visit, Id document_id, Id node_id,
                              const std::vector<service::FieldError>& errors = {}, int status = 200,
                              const std::optional<service::NodeFields>& posted = std::nullopt);

}  // namespace uppsikt::web
