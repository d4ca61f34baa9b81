#pragma once
// A file uploaded for import, kept between the preview and the save so that pages work
// without JavaScript: the preview page carries only the upload's token.
#include <string>

#include "core/id.h"

namespace uppsikt {

struct Upload {
  Id id = 0;
  std::string token_hash;  // hex of a hash of the token in the preview form; uploads share it
  Id user_id = 0;          // only the uploader may save it
  std::string file_name;   // as the browser sent it
  std::string bytes;       // the file's content
  std::string created_at;  // ISO timestamp, UTC; expired after 24 h
};

}  // namespace uppsikt
