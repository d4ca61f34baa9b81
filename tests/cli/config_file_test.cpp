// The configuration file: every serve option from TOML, the command line first, secrets
// from files, and one Swedish line naming the key and its line for a bad file.
#include "cli/config_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace uppsikt::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ConfigFileTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("uppsikt-config-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    auto path = (dir_ / name).string();
    std::ofstream(path) << content;
    return path;
  }

  // The message of the UsageError that applying `content` throws, or "" when none.
  std::string error_of(const std::string& content) {
    try {
      ServeOptions options;
      apply_serve_config(load_config_file(write("bad.conf", content)), options, {});
    } catch (const UsageError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(ConfigFileTest, GivesEveryServeOption) {
  auto path = write("uppsikt.conf", R"(
[database]
url = "/var/lib/uppsikt/uppsikt.db"
[server]
bind = "0.0.0.0"
port = 8090
public_url = "https://uppfoljning.example.se"
threads = 3
static = "/usr/share/uppsikt/static"
secure_cookies = true
[sessions]
idle_minutes = 20
max_hours = 8
[log]
format = "json"
[metrics]
bind = "127.0.0.1:9464"
)");
  ServeOptions o;
  apply_serve_config(load_config_file(path), o, {});
  EXPECT_EQ(o.db, "/var/lib/uppsikt/uppsikt.db");
  EXPECT_EQ(o.bind, "0.0.0.0");
  EXPECT_EQ(o.port, 8090);
  EXPECT_EQ(o.mail.public_url, "https://uppfoljning.example.se");
  EXPECT_EQ(o.threads, 3);
  EXPECT_EQ(o.static_dir, "/usr/share/uppsikt/static");
  EXPECT_TRUE(o.secure_cookies);
  EXPECT_EQ(o.idle_minutes, 20);
  EXPECT_EQ(o.max_hours, 8);
  EXPECT_EQ(o.log_format, "json");
  EXPECT_EQ(o.metrics_bind, "127.0.0.1:9464");
}

TEST_F(ConfigFileTest, CommandLineGoesBeforeTheFile) {
  auto path = write("uppsikt.conf", "[server]\nport = 8090\nbind = \"0.0.0.0\"\n");
  ServeOptions o;
  o.port = 9000;
  apply_serve_config(load_config_file(path), o, {"--port"});
  EXPECT_EQ(o.port, 9000);
  EXPECT_EQ(o.bind, "0.0.0.0");
}

TEST_F(ConfigFileTest, ReadsTheDatabaseUrlFromASecretFile) {
  auto secret = write("db-url", "postgresql://uppsikt:hemligt@db/uppsikt\n");
  auto path = write("uppsikt.conf", "[database]\nurl_file = \"" + secret + "\"\n");
  ServeOptions o;
  apply_serve_config(load_config_file(path), o, {});
  EXPECT_EQ(o.db, "postgresql://uppsikt:hemligt@db/uppsikt");
  EXPECT_THAT(describe_serve_options(o), HasSubstr("postgresql://uppsikt:****@db/uppsikt"));
  EXPECT_THAT(describe_serve_options(o), Not(HasSubstr("hemligt")));
}

TEST_F(ConfigFileTest, MasksPasswordsInBothUrlForms) {
  EXPECT_EQ(mask_secrets_in_url("postgresql://u:p%40ss@h:5432/db"), "postgresql://u:****@h:5432/db");
  EXPECT_EQ(mask_secrets_in_url("host=h password=abc dbname=x"), "host=h password=**** dbname=x");
  EXPECT_EQ(mask_secrets_in_url("/var/lib/uppsikt/uppsikt.db"), "/var/lib/uppsikt/uppsikt.db");
}

TEST_F(ConfigFileTest, AWrongTypeNamesTheKeyAndItsLine) {
  auto message = error_of("[server]\nbind = \"127.0.0.1\"\nport = \"åtta\"\n");
  EXPECT_THAT(message, HasSubstr("rad 3: port: ska vara ett heltal"));
}

TEST_F(ConfigFileTest, AnUnknownKeyIsAnError) {
  EXPECT_THAT(error_of("[server]\nprot = 8080\n"), HasSubstr("rad 2: server.prot: okänd inställning"));
  EXPECT_THAT(error_of("[serveur]\nport = 8080\n"), HasSubstr("rad 1: serveur: okänd del"));
}

TEST_F(ConfigFileTest, BrokenTomlNamesItsLine) {
  EXPECT_THAT(error_of("[server]\nport = 80\nbind = \n"), HasSubstr("rad 3: kan inte läsas som TOML"));
}

TEST_F(ConfigFileTest, AMissingSecretFileIsNamed) {
  EXPECT_THAT(error_of("[database]\nurl_file = \"/finns/inte\"\n"),
              HasSubstr("rad 2: url_file: kan inte läsa filen /finns/inte"));
}

TEST_F(ConfigFileTest, TheParsedTableIsThereForOtherSections) {
  auto file = load_config_file(write("uppsikt.conf", "[server]\nport = 8080\n"));
  EXPECT_EQ(file.table["server"]["port"].value_or(0), 8080);
}

}  // namespace
}  // namespace uppsikt::cli
