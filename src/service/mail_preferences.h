#pragma once
// What mail a person gets, as they see and set it on their own page "E-postinställningar".
// Reminders for their units and notices of work to do (a hand-in to approve, a response sent
// back) always come: they are how the work gets done. The one choice is the digest, for those
// who run rounds (coordinators and admins): off by default, else daily or weekly.
#include <string>
#include <vector>

#include "core/mail_preference.h"
#include "service/clock.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// True when the viewer runs rounds somewhere, so that a digest of them means something.
bool may_get_digest(const Viewer& viewer);

struct MailChoices {
  DigestFrequency digest = DigestFrequency::off;
  bool digest_offered = false;  // may_get_digest
  bool mail_on = false;         // this server sends mail at all (service/mail_settings.h)
  std::string email;            // where it goes
};
MailChoices mail_choices(store::Store& store, const Viewer& viewer);

// Saves the viewer's digest choice ("off", "daily", "weekly"); audited. Refused (field
// "sammanfattning") for an unknown code, or a choice other than off for one who runs no round.
Outcome set_digest_frequency(store::Store& store, const Viewer& viewer, const std::string& code,
                             const Clock& clock = system_now);

}  // namespace uppsikt::service
