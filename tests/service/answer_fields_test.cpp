#include "service/answer_fields.h"

#include <gtest/gtest.h>

namespace uppsikt::service::answer_fields {
namespace {

// The answering page puts each refusal's error beside the question it names; a field it
// misreads would put the message on the wrong question or lose it in the summary.
TEST(AnswerFields, AnErrorsFieldNamesItsQuestionAndWhetherItIsTheComment) {
  auto choice_field = on_question(choice(12));
  ASSERT_TRUE(choice_field);
  EXPECT_EQ(choice_field->question_id, 12);
  EXPECT_FALSE(choice_field->comment);
  auto comment_field = on_question(comment(7));
  ASSERT_TRUE(comment_field);
  EXPECT_EQ(comment_field->question_id, 7);
  EXPECT_TRUE(comment_field->comment);
}

TEST(AnswerFields, FieldsOfTheWholeFormNameNoQuestion) {
  EXPECT_FALSE(on_question(kMessage));
  EXPECT_FALSE(on_question(""));
  EXPECT_FALSE(on_question("svar-"));
  EXPECT_FALSE(on_question("svar-12x"));
  EXPECT_FALSE(on_question("svaret-12"));
  EXPECT_FALSE(on_question(version(12)));
  EXPECT_FALSE(on_question("svar-0"));
}

}  // namespace
}  // namespace uppsikt::service::answer_fields
