#pragma once
// One row of answers or handed_in_answers as an Answer, for the stores that read either.
// Internal to store/.
#include <soci/soci.h>

#include <string>

#include "core/response.h"

namespace uppsikt::store {

struct AnswerRow {
  long long id = 0;
  long long response_id = 0;
  long long question_id = 0;
  std::string choice;
  std::string comment;
  int version = 0;
  std::string changed_by;
  std::string changed_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(response_id));
    st.exchange(soci::into(question_id));
    st.exchange(soci::into(choice));
    st.exchange(soci::into(comment));
    st.exchange(soci::into(version));
    st.exchange(soci::into(changed_by));
    st.exchange(soci::into(changed_at));
  }
  Answer value() const {
    return Answer{.id = id,
                  .response_id = response_id,
                  .question_id = question_id,
                  .choice = choice,
                  .comment = comment,
                  .version = version,
                  .changed_by = changed_by,
                  .changed_at = changed_at};
  }
};

}  // namespace uppsikt::store
