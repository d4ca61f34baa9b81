// Sign-in through identity providers: people's identities there, sign-ins waiting for the
// provider's answer, the grants that the sign-in rules gave, and the SAML assertions used.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct IdentityRow {
  std::string issuer;
  std::string subject;
  long long user_id = 0;
  std::string linked_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(issuer));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(linked_at));
  }
  ExternalIdentity value() const {
    return ExternalIdentity{.issuer = issuer, .subject = subject, .user_id = user_id, .linked_at = linked_at};
  }
};

const std::string kSelectIdentity = "SELECT issuer, subject, user_id, linked_at FROM external_identities";

struct FlowRow {
  std::string state_hash;
  std::string provider;
  std::string nonce;
  std::string code_verifier;
  std::string browser_hash;
  std::string created_at;
  std::string claims;

  void bind(soci::statement& st) {
    st.exchange(soci::into(state_hash));
    st.exchange(soci::into(provider));
    st.exchange(soci::into(nonce));
    st.exchange(soci::into(code_verifier));
    st.exchange(soci::into(browser_hash));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(claims));
  }
  SignInFlow value() const {
    return SignInFlow{.state_hash = state_hash, .provider = provider, .nonce = nonce,
                      .code_verifier = code_verifier, .browser_hash = browser_hash, .created_at = created_at,
                      .claims = claims};
  }
};

struct RuleGrantRow {
  long long user_id = 0;
  std::string role;
  long long unit_id = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(role));
    st.exchange(soci::into(unit_id));
  }
  Grant value() const {
    return Grant{.user_id = user_id, .role = decode(role_from_code(role), "role", role), .unit_id = unit_id};
  }
};

}  // namespace

void SociTx::add_rule_grant(const Grant& grant) {
  write("add_rule_grant", [&] {
    const std::string role{to_code(grant.role)};
    sql() << "INSERT INTO grants (user_id, role, unit_id, source) VALUES (:user_id, :role, :unit_id, 'rule') "
             "ON CONFLICT DO NOTHING",
        soci::use(grant.user_id), soci::use(role), soci::use(grant.unit_id);
  });
}

std::vector<Grant> SociTx::rule_grants(Id user_id) {
  return read("rule_grants", [&] {
    return select_all<RuleGrantRow>(
        db(), "SELECT user_id, role, unit_id FROM grants WHERE user_id = :user_id AND source = 'rule' "
              "ORDER BY role, unit_id",
        soci::use(user_id));
  });
}

bool SociTx::remove_rule_grant(const Grant& grant) {
  return write("remove_rule_grant", [&] {
    const std::string role{to_code(grant.role)};
    return returning_id(db(),
                        "DELETE FROM grants WHERE user_id = :user_id AND role = :role AND unit_id = :unit_id "
                        "AND source = 'rule' RETURNING user_id",
                        soci::use(grant.user_id), soci::use(role), soci::use(grant.unit_id))
        .has_value();
  });
}

void SociTx::add_external_identity(const ExternalIdentity& identity) {
  write("add_external_identity", [&] {
    sql() << "INSERT INTO external_identities (issuer, subject, user_id, linked_at) "
             "VALUES (:issuer, :subject, :user_id, :linked_at)",
        soci::use(identity.issuer), soci::use(identity.subject), soci::use(identity.user_id),
        soci::use(identity.linked_at);
  });
}

std::optional<ExternalIdentity> SociTx::external_identity(std::string_view issuer, std::string_view subject) {
  return read("external_identity", [&] {
    const std::string iss{issuer}, sub{subject};
    return select_one<IdentityRow>(db(), kSelectIdentity + " WHERE issuer = :issuer AND subject = :subject",
                                   soci::use(iss), soci::use(sub));
  });
}

std::vector<ExternalIdentity> SociTx::external_identities(Id user_id) {
  return read("external_identities", [&] {
    return select_all<IdentityRow>(db(), kSelectIdentity + " WHERE user_id = :user_id ORDER BY issuer, subject",
                                   soci::use(user_id));
  });
}

void SociTx::add_sign_in_flow(const SignInFlow& flow) {
  write("add_sign_in_flow", [&] {
    sql() << "INSERT INTO sign_in_flows (state_hash, provider, nonce, code_verifier, browser_hash, created_at, "
             "claims) VALUES (:state_hash, :provider, :nonce, :code_verifier, :browser_hash, :created_at, :claims)",
        soci::use(flow.state_hash), soci::use(flow.provider), soci::use(flow.nonce),
        soci::use(flow.code_verifier), soci::use(flow.browser_hash), soci::use(flow.created_at),
        soci::use(flow.claims);
  });
}

std::optional<SignInFlow> SociTx::take_sign_in_flow(std::string_view state_hash) {
  // DELETE … RETURNING: of two answers with the same state, only one gets the row.
  return write("take_sign_in_flow", [&] {
    const std::string hash{state_hash};
    return select_one<FlowRow>(db(),
                               "DELETE FROM sign_in_flows WHERE state_hash = :state_hash RETURNING state_hash, "
                               "provider, nonce, code_verifier, browser_hash, created_at, claims",
                               soci::use(hash));
  });
}

void SociTx::delete_sign_in_flows_before(std::string_view created_before) {
  write("delete_sign_in_flows_before", [&] {
    const std::string before{created_before};
    sql() << "DELETE FROM sign_in_flows WHERE created_at < :before", soci::use(before);
  });
}

bool SociTx::add_used_assertion(std::string_view issuer, std::string_view assertion_id,
                                std::string_view expires_at) {
  // ON CONFLICT DO NOTHING … RETURNING: a row comes back only when this call stored it.
  struct KeyRow {
    std::string id;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
    std::string value() const { return id; }
  };
  return write("add_used_assertion", [&] {
    const std::string iss{issuer}, id{assertion_id}, expires{expires_at};
    return select_one<KeyRow>(db(),
                              "INSERT INTO saml_assertions_used (issuer, assertion_id, expires_at) "
                              "VALUES (:issuer, :assertion_id, :expires_at) ON CONFLICT DO NOTHING "
                              "RETURNING assertion_id",
                              soci::use(iss), soci::use(id), soci::use(expires))
        .has_value();
  });
}

void SociTx::delete_used_assertions_before(std::string_view expired_before) {
  write("delete_used_assertions_before", [&] {
    const std::string before{expired_before};
    sql() << "DELETE FROM saml_assertions_used WHERE expires_at < :before", soci::use(before);
  });
}

}  // namespace uppsikt::store
