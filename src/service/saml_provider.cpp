#include "service/saml_provider.h"

// Lasso's headers include libxml2's inside extern "C", and libxml2's pull in ICU's C++
// templates: included first, their guards keep them out of the C block.
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlIO.h>
#include <libxml/xpath.h>
#include <lasso/lasso.h>
#include <lasso/id-ff/logout.h>
#include <lasso/xml/misc_text_node.h>
#include <lasso/xml/saml-2.0/saml2_attribute.h>
#include <lasso/xml/saml-2.0/saml2_attribute_statement.h>
#include <lasso/xml/saml-2.0/saml2_attribute_value.h>
#include <lasso/xml/saml-2.0/saml2_strings.h>
#include <lasso/xml/saml-2.0/samlp2_authn_request.h>
#include <lasso/xml/saml-2.0/samlp2_response.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <mutex>
#include <stdexcept>

namespace uppsikt::service {
namespace {

void init_lasso_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (lasso_init() != 0) throw std::runtime_error("SAML-biblioteket Lasso kunde inte startas");
  });
}

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// The base64 body of a PEM certificate, as metadata's X509Certificate wants it.
std::string certificate_body(const std::string& pem) {
  std::string out;
  bool inside = false;
  std::size_t start = 0;
  while (start < pem.size()) {
    std::size_t end = pem.find('\n', start);
    if (end == std::string::npos) end = pem.size();
    std::string line = pem.substr(start, end - start);
    start = end + 1;
    line.erase(std::remove_if(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); }), line.end());
    if (line.starts_with("-----BEGIN")) inside = true;
    else if (line.starts_with("-----END")) break;
    else if (inside) out += line;
  }
  return out;
}

// SAML 2.0 metadata for the SP: what the IdP's administrators load (and what Lasso needs to
// know itself by). Requests are signed; assertions must be.
std::string sp_metadata(const SamlProviderSettings& s, const std::string& acs_url, const std::string& slo_url) {
  const std::string cert = certificate_body(s.sp_certificate);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
         "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + xml_escaped(s.sp_entity_id) + "\">\n"
         "  <md:SPSSODescriptor AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"true\" "
         "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
         "    <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + cert +
         "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
         "    <md:SingleLogoutService Binding=\"" LASSO_SAML2_METADATA_BINDING_REDIRECT "\" Location=\"" +
         xml_escaped(slo_url) + "\"/>\n"
         "    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n"
         "    <md:AssertionConsumerService Binding=\"" LASSO_SAML2_METADATA_BINDING_POST "\" Location=\"" +
         xml_escaped(acs_url) + "\" index=\"0\" isDefault=\"true\"/>\n"
         "  </md:SPSSODescriptor>\n"
         "</md:EntityDescriptor>\n";
}

// xs:dateTime as SAML has it, with or without fractions of a second.
std::optional<TimePoint> saml_time(const char* text) {
  if (!text) return std::nullopt;
  std::string s{text};
  if (auto dot = s.find('.'); dot != std::string::npos && s.ends_with("Z")) s = s.substr(0, dot) + "Z";
  return from_iso(s);
}

std::string text_of(const char* s) { return s ? std::string{s} : std::string{}; }

// The values of the attribute named `name` (by Name or FriendlyName).
std::vector<std::string> attribute_values(LassoSaml2Assertion* assertion, const std::string& name) {
  std::vector<std::string> out;
  for (GList* s = assertion->AttributeStatement; s; s = s->next) {
    if (!LASSO_IS_SAML2_ATTRIBUTE_STATEMENT(s->data)) continue;
    for (GList* a = LASSO_SAML2_ATTRIBUTE_STATEMENT(s->data)->Attribute; a; a = a->next) {
      if (!LASSO_IS_SAML2_ATTRIBUTE(a->data)) continue;
      auto* attribute = LASSO_SAML2_ATTRIBUTE(a->data);
      if (text_of(attribute->Name) != name && text_of(attribute->FriendlyName) != name) continue;
      for (GList* v = attribute->AttributeValue; v; v = v->next) {
        if (!LASSO_IS_SAML2_ATTRIBUTE_VALUE(v->data)) continue;
        for (GList* any = LASSO_SAML2_ATTRIBUTE_VALUE(v->data)->any; any; any = any->next)
          if (LASSO_IS_MISC_TEXT_NODE(any->data) && LASSO_MISC_TEXT_NODE(any->data)->content)
            out.emplace_back(LASSO_MISC_TEXT_NODE(any->data)->content);
      }
    }
  }
  return out;
}

std::string lasso_error(int rc) { return std::to_string(rc) + " " + text_of(lasso_strerror(rc)); }

SamlProblem problem_of(int rc) {
  switch (rc) {
    case LASSO_DS_ERROR_SIGNATURE_NOT_FOUND: return SamlProblem::not_signed;
    case LASSO_DS_ERROR_INVALID_SIGNATURE:
    case LASSO_PROFILE_ERROR_CANNOT_VERIFY_SIGNATURE: return SamlProblem::bad_signature;
    case LASSO_SERVER_ERROR_PROVIDER_NOT_FOUND:
    case LASSO_PROFILE_ERROR_UNKNOWN_PROVIDER: return SamlProblem::unknown_issuer;
    case LASSO_PROFILE_ERROR_STATUS_NOT_SUCCESS:
    case LASSO_LOGIN_ERROR_STATUS_NOT_SUCCESS: return SamlProblem::not_success;
    default: return SamlProblem::malformed;
  }
}

}  // namespace

const char* to_code(SamlProblem problem) {
  switch (problem) {
    case SamlProblem::none: return "none";
    case SamlProblem::malformed: return "malformed";
    case SamlProblem::unknown_issuer: return "unknown_issuer";
    case SamlProblem::not_signed: return "not_signed";
    case SamlProblem::bad_signature: return "bad_signature";
    case SamlProblem::not_success: return "not_success";
    case SamlProblem::wrong_audience: return "wrong_audience";
    case SamlProblem::wrong_recipient: return "wrong_recipient";
    case SamlProblem::not_valid_now: return "not_valid_now";
    case SamlProblem::no_subject: return "no_subject";
  }
  return "unknown";
}

// The LassoServer: Uppsikt as SP with its key, and the one IdP it trusts.
struct SamlProvider::Lasso {
  LassoServer* server = nullptr;
  ~Lasso() {
    if (server) g_object_unref(server);
  }
};

SamlProvider::SamlProvider(SamlProviderSettings settings, const std::string& public_url)
    : settings_(std::move(settings)),
      acs_url_(public_url + "/logga-in/saml/" + settings_.id + "/acs"),
      slo_url_(public_url + "/logga-in/saml/" + settings_.id + "/slo"),
      metadata_(sp_metadata(settings_, acs_url_, slo_url_)),
      lasso_(std::make_unique<Lasso>()) {
  init_lasso_once();
  lasso_->server = lasso_server_new_from_buffers(metadata_.c_str(), settings_.sp_key.c_str(), nullptr,
                                                 settings_.sp_certificate.c_str());
  if (!lasso_->server) throw std::runtime_error("SP-nyckeln eller SP-certifikatet kan inte läsas");
  lasso_->server->signature_method = LASSO_SIGNATURE_METHOD_RSA_SHA256;
  const int rc = lasso_server_add_provider_from_buffer(lasso_->server, LASSO_PROVIDER_ROLE_IDP,
                                                       settings_.idp_metadata.c_str(), nullptr, nullptr);
  if (rc != 0) throw std::runtime_error("identitetsleverantörens metadata kan inte läsas (" + lasso_error(rc) + ")");
  GHashTableIter it;
  gpointer key = nullptr;
  g_hash_table_iter_init(&it, lasso_->server->providers);
  while (g_hash_table_iter_next(&it, &key, nullptr)) {
    if (!idp_entity_id_.empty()) throw std::runtime_error("metadata ska beskriva en enda identitetsleverantör");
    idp_entity_id_ = static_cast<const char*>(key);
  }
  if (idp_entity_id_.empty()) throw std::runtime_error("metadata beskriver ingen identitetsleverantör");
}

SamlProvider::~SamlProvider() = default;

std::optional<SamlRequest> SamlProvider::authn_request(const std::string& relay_state) {
  std::lock_guard lock(mutex_);
  LassoLogin* login = lasso_login_new(lasso_->server);
  if (!login) return std::nullopt;
  std::optional<SamlRequest> out;
  int rc = lasso_login_init_authn_request(login, idp_entity_id_.c_str(), LASSO_HTTP_METHOD_REDIRECT);
  if (rc == 0) {
    LassoProfile* profile = LASSO_PROFILE(login);
    auto* request = LASSO_SAMLP2_AUTHN_REQUEST(profile->request);
    // The answer comes by HTTP-POST to our one assertion consumer; a new person may be given
    // a persistent NameID there.
    g_free(request->ProtocolBinding);
    request->ProtocolBinding = g_strdup(LASSO_SAML2_METADATA_BINDING_POST);
    if (request->NameIDPolicy) request->NameIDPolicy->AllowCreate = TRUE;
    g_free(profile->msg_relayState);
    profile->msg_relayState = g_strdup(relay_state.c_str());
    rc = lasso_login_build_authn_request_msg(login);
    if (rc == 0 && profile->msg_url)
      out = SamlRequest{.url = profile->msg_url, .id = text_of(LASSO_SAMLP2_REQUEST_ABSTRACT(request)->ID)};
  }
  if (rc != 0) spdlog::warn("saml {}: AuthnRequest not built: {}", settings_.id, lasso_error(rc));
  g_object_unref(login);
  return out;
}

SamlCheck SamlProvider::check(const std::string& saml_response, TimePoint now, std::chrono::seconds skew) {
  std::lock_guard lock(mutex_);
  SamlCheck out;
  LassoLogin* login = lasso_login_new(lasso_->server);
  if (!login) return SamlCheck{.problem = SamlProblem::malformed};
  LassoProfile* profile = LASSO_PROFILE(login);
  // Lasso checks the Response's signature, or the Assertion's when the Response has none; a
  // message with neither fails with SIGNATURE_NOT_FOUND.
  lasso_profile_set_signature_verify_hint(profile, LASSO_PROFILE_SIGNATURE_VERIFY_HINT_MAYBE);
  const int rc = lasso_login_process_authn_response_msg(login, const_cast<gchar*>(saml_response.c_str()));
  out.issuer = text_of(profile->remote_providerID);
  LassoNode* node = rc == 0 ? lasso_login_get_assertion(login) : nullptr;
  auto finish = [&](SamlProblem problem, std::string detail = {}) {
    out.problem = problem;
    out.detail = std::move(detail);
    if (node) g_object_unref(node);
    g_object_unref(login);
    return out;
  };
  if (rc != 0) {
    const int status = profile->signature_status;
    return finish(status == LASSO_DS_ERROR_SIGNATURE_NOT_FOUND ? SamlProblem::not_signed : problem_of(rc),
                  lasso_error(rc));
  }
  if (profile->signature_status != 0) return finish(problem_of(profile->signature_status), lasso_error(profile->signature_status));
  if (out.issuer != idp_entity_id_) return finish(SamlProblem::unknown_issuer, "issuer " + out.issuer.substr(0, 200));
  if (!LASSO_IS_SAML2_ASSERTION(node)) return finish(SamlProblem::malformed, "no assertion");
  auto* assertion = LASSO_SAML2_ASSERTION(node);
  auto* response = LASSO_SAMLP2_STATUS_RESPONSE(profile->response);

  if (lasso_saml2_assertion_validate_audience(assertion, settings_.sp_entity_id.c_str()) != LASSO_SAML2_ASSERTION_VALID)
    return finish(SamlProblem::wrong_audience);
  const auto tolerance = static_cast<unsigned>(skew.count());
  const std::time_t now_t = std::chrono::system_clock::to_time_t(now);
  if (lasso_saml2_assertion_validate_time_checks(assertion, tolerance, now_t) != LASSO_SAML2_ASSERTION_VALID)
    return finish(SamlProblem::not_valid_now, "conditions");
  auto* confirmation = lasso_saml2_assertion_get_subject_confirmation_data(assertion, FALSE);
  const std::string destination = text_of(response ? response->Destination : nullptr);
  const std::string recipient = text_of(confirmation ? confirmation->Recipient : nullptr);
  if ((!destination.empty() && destination != acs_url_) || (!recipient.empty() && recipient != acs_url_))
    return finish(SamlProblem::wrong_recipient, (destination.empty() ? recipient : destination).substr(0, 200));

  // The assertion is dead after the earliest NotOnOrAfter; one without any is refused, as its
  // ID could not be kept for as long as it could be replayed.
  std::optional<TimePoint> until;
  for (const char* t : {confirmation ? confirmation->NotOnOrAfter : nullptr,
                        assertion->Conditions ? assertion->Conditions->NotOnOrAfter : nullptr})
    if (auto parsed = saml_time(t)) until = until ? std::min(*until, *parsed) : *parsed;
  if (!until) return finish(SamlProblem::not_valid_now, "no NotOnOrAfter");
  if (now >= *until + skew) return finish(SamlProblem::not_valid_now, "NotOnOrAfter " + to_iso(*until));
  if (confirmation && confirmation->NotBefore)
    if (auto before = saml_time(confirmation->NotBefore); before && now + skew < *before)
      return finish(SamlProblem::not_valid_now, "NotBefore");

  const auto* name_id = assertion->Subject ? assertion->Subject->NameID : nullptr;
  if (!name_id || !name_id->content || !*name_id->content) return finish(SamlProblem::no_subject);
  out.assertion_id = text_of(assertion->ID);
  if (out.assertion_id.empty()) return finish(SamlProblem::malformed, "no assertion ID");
  out.in_response_to = text_of(response ? response->InResponseTo : nullptr);
  if (out.in_response_to.empty() && confirmation) out.in_response_to = text_of(confirmation->InResponseTo);
  out.valid_until = *until + skew;
  out.claims.subject = name_id->content;
  out.claims.groups = attribute_values(assertion, settings_.groups_attribute);
  if (auto email = attribute_values(assertion, settings_.email_attribute); !email.empty()) out.claims.email = email[0];
  if (auto name = attribute_values(assertion, settings_.name_attribute); !name.empty()) out.claims.name = name[0];
  out.claims.email_verified = settings_.trust_email && !out.claims.email.empty();
  // The assertion into Lasso's session, whose dump a LogoutRequest is later made from.
  if (lasso_login_accept_sso(login) == 0 && profile->session) {
    gchar* dump = lasso_session_dump(profile->session);
    if (dump) out.session = dump;
    g_free(dump);
  }
  return finish(SamlProblem::none);
}
std::optional<std::string> SamlProvider::logout_request(const std::string& session) {
  std::lock_guard lock(mutex_);
  LassoLogout* logout = lasso_logout_new(lasso_->server);
  if (!logout) return std::nullopt;
  LassoProfile* profile = LASSO_PROFILE(logout);
  std::optional<std::string> out;
  int rc = lasso_profile_set_session_from_dump(profile, session.c_str());
  // An IdP without a single logout address for HTTP-Redirect answers UNSUPPORTED_PROFILE here.
  if (rc == 0) rc = lasso_logout_init_request(logout, const_cast<char*>(idp_entity_id_.c_str()), LASSO_HTTP_METHOD_REDIRECT);
  if (rc == 0) rc = lasso_logout_build_request_msg(logout);
  if (rc == 0 && profile->msg_url) out = std::string{profile->msg_url};
  if (rc != 0) spdlog::info("saml {}: no single logout: {}", settings_.id, lasso_error(rc));
  g_object_unref(logout);
  return out;
}

bool SamlProvider::check_logout_response(const std::string& query) {
  std::lock_guard lock(mutex_);
  LassoLogout* logout = lasso_logout_new(lasso_->server);
  if (!logout) return false;
  const int rc = lasso_logout_process_response_msg(logout, const_cast<char*>(query.c_str()));
  const bool ok = rc == 0 && text_of(LASSO_PROFILE(logout)->remote_providerID) == idp_entity_id_;
  if (rc != 0) spdlog::warn("saml {}: LogoutResponse not taken: {}", settings_.id, lasso_error(rc));
  g_object_unref(logout);
  return ok;
}

SamlLogoutAnswer SamlProvider::answer_logout_request(const std::string& query, const std::string& session) {
  std::lock_guard lock(mutex_);
  LassoLogout* logout = lasso_logout_new(lasso_->server);
  if (!logout) return SamlLogoutAnswer{.detail = "lasso"};
  LassoProfile* profile = LASSO_PROFILE(logout);
  SamlLogoutAnswer out;
  int rc = lasso_logout_process_request_msg(logout, const_cast<char*>(query.c_str()));
  if (rc == 0 && text_of(profile->remote_providerID) != idp_entity_id_) rc = LASSO_PROFILE_ERROR_INVALID_ISSUER;
  if (rc == 0 && !session.empty()) rc = lasso_profile_set_session_from_dump(profile, session.c_str());
  // Validating checks that the request names the person of `session`; when it does not (or
  // there is none), the response built next says so to the IdP.
  if (rc == 0) {
    const int valid = lasso_logout_validate_request(logout);
    out.ends_session = valid == 0 && !session.empty();
    // Lasso puts the refusal into the response it builds next (Responder).
    if (valid != 0) out.detail = lasso_error(valid);
  } else {
    out.detail = lasso_error(rc);
  }
  if (rc == 0 && lasso_logout_build_response_msg(logout) == 0 && profile->msg_url) out.redirect_url = profile->msg_url;
  g_object_unref(logout);
  return out;
}


std::optional<std::string> saml_settings_problem(const SamlProviderSettings& settings, const std::string& public_url) {
  try {
    SamlProvider provider(settings, public_url);
    return std::nullopt;
  } catch (const std::runtime_error& e) {
    return e.what();
  }
}

}  // namespace uppsikt::service
