// Corpus builder: determinism, non-empty splits, caps, missing sources, user folders, fortunes.
#include "backend/moe/corpus.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "backend/core/error.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;
using namespace routescope::moe;
using routescope::core::CancelToken;

namespace {

constexpr int64_t kSmallCap = 256 << 10;

CorpusOptions smallOptions() {
  CorpusOptions options;
  options.domain_cap_bytes = kSmallCap;
  return options;
}

void writeFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class CorpusFolders : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

}  // namespace

TEST(Corpus, SmallCapIsDeterministicWithEveryDomainInEverySplit) {
  CancelToken cancel;
  const auto start = std::chrono::steady_clock::now();
  const Corpus a = buildCorpus(smallOptions(), {}, cancel);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30.0) << "a 256 KB cap should build in a few seconds";
  const Corpus b = buildCorpus(smallOptions(), {}, cancel);
  ASSERT_EQ(a.domains, (std::vector<std::string>{"code", "english", "german"}))
      << a.manifest["skipped"].dump() << " (run scripts/setup.sh to install the corpus packages)";
  EXPECT_EQ(serializeCorpus(a), serializeCorpus(b));
  for (const auto& domain : a.domains) {
    const auto& m = a.manifest["domains"][domain];
    EXPECT_LE(m["bytes"].get<int64_t>(), kSmallCap) << domain;
    EXPECT_GT(m["bytes"].get<int64_t>(), kSmallCap / 2) << domain;
    for (Split s : {Split::Train, Split::Valid, Split::Test}) {
      const auto& docs = a.split(s);
      const bool found =
          std::any_of(docs.begin(), docs.end(), [&](const auto& d) { return d.domain == domain; });
      EXPECT_TRUE(found) << domain << " has no " << splitName(s) << " documents";
      EXPECT_GT(m["splits"][std::string(splitName(s))]["bytes"].get<int64_t>(), 0) << domain;
    }
  }
  EXPECT_EQ(a.manifest["domains"]["german"]["split_by"], "record");
}

TEST(Corpus, ManPagesArePlainText) {
  CancelToken cancel;
  CorpusOptions options = smallOptions();
  options.domains = {"english"};
  const Corpus corpus = buildCorpus(options, {}, cancel);
  size_t man_pages = 0;
  for (Split s : {Split::Train, Split::Valid, Split::Test}) {
    for (const auto& doc : corpus.split(s)) {
      EXPECT_EQ(doc.text.find('\b'), std::string::npos) << doc.source;
      EXPECT_EQ(doc.text.find('\x1b'), std::string::npos) << doc.source;
      if (doc.source.find("/usr/share/man/") != std::string::npos) {
        ++man_pages;
        EXPECT_EQ(doc.text.find("\n.TH "), std::string::npos) << doc.source << " is troff source";
        EXPECT_EQ(doc.text.find("\\fB"), std::string::npos) << doc.source << " is troff source";
      }
    }
  }
  EXPECT_GT(man_pages, 3u);
}

TEST(Corpus, SerializationRoundTrips) {
  Corpus corpus;
  corpus.domains = {"a", "b"};
  corpus.train = {{"a", "x.txt", "hello"}, {"b", "y#3", "w\xC3\xB6rld\n"}};
  corpus.valid = {{"a", "z", ""}};
  corpus.test = {{"b", "q", std::string(1000, 'q')}};
  corpus.manifest = {{"k", 1}};
  const auto bytes = serializeCorpus(corpus);
  const Corpus back = deserializeCorpus(bytes, "corpus.bin");
  EXPECT_EQ(back.domains, corpus.domains);
  EXPECT_EQ(back.manifest, corpus.manifest);
  ASSERT_EQ(back.train.size(), 2u);
  EXPECT_EQ(back.train[1].text, corpus.train[1].text);
  EXPECT_EQ(back.train[1].domain, "b");
  EXPECT_EQ(back.test[0].text, corpus.test[0].text);

  auto truncated = bytes;
  truncated.resize(bytes.size() - 10);
  try {
    deserializeCorpus(truncated, "run abc artifact corpus.bin");
    FAIL();
  } catch (const routescope::core::Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("run abc artifact corpus.bin: truncated", 0), 0u) << e.what();
  }
  EXPECT_THROW(deserializeCorpus(std::vector<std::byte>(40), "x"), routescope::core::Error);
}

TEST(Corpus, FortuneRecordsSplitOnPercentLines) {
  const auto records =
      splitFortuneRecords("Erster Spruch\nzweite Zeile\n%\n%\nZweiter\n%\r\nDritter 100%\n%\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0], "Erster Spruch\nzweite Zeile");
  EXPECT_EQ(records[1], "Zweiter");
  EXPECT_EQ(records[2], "Dritter 100%");
  EXPECT_TRUE(splitFortuneRecords("%\n%\n").empty());
  EXPECT_EQ(splitFortuneRecords("ohne Ende").size(), 1u);
}

TEST_F(CorpusFolders, MissingSourcesAreNamedAndSkipped) {
  // A fake system root without dpkg lists: every package of the german domain is "missing".
  writeFile(fs::path(dir_) / "notes" / "a.txt", std::string(20000, 'a') + "\n");
  CorpusOptions options = smallOptions();
  options.system_root = dir_ + "/root";
  options.domains = {"german"};
  options.extra_folders = {{"notes", dir_ + "/notes"}, {"ghost", dir_ + "/does-not-exist"}};
  std::vector<std::string> messages;
  CancelToken cancel;
  const Corpus corpus = buildCorpus(
      options, [&](double, std::string_view m) { messages.emplace_back(m); }, cancel);
  EXPECT_EQ(corpus.domains, std::vector<std::string>{"notes"});
  const std::string skipped = corpus.manifest["skipped"].dump();
  EXPECT_NE(skipped.find("Debian package fortunes-de is not installed"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("does-not-exist does not exist"), std::string::npos) << skipped;
  const bool reported = std::any_of(messages.begin(), messages.end(), [](const std::string& m) {
    return m.find("fortunes-de") != std::string::npos;
  });
  EXPECT_TRUE(reported);
}

TEST_F(CorpusFolders, EmptyCorpusAndTooSmallDomainAreErrorsNamingTheDomain) {
  CorpusOptions options = smallOptions();
  options.domains = {};
  options.extra_folders = {{"ghost", dir_ + "/nothing"}};
  CancelToken cancel;
  try {
    buildCorpus(options, {}, cancel);
    FAIL();
  } catch (const routescope::core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("ghost"), std::string::npos) << e.what();
  }
  writeFile(fs::path(dir_) / "tiny" / "a.txt", "just one line\n");
  options.extra_folders = {{"tiny", dir_ + "/tiny"}};
  try {
    buildCorpus(options, {}, cancel);
    FAIL();
  } catch (const routescope::core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("corpus domain 'tiny'"), std::string::npos) << e.what();
  }
  options.domains = {"klingon"};
  EXPECT_THROW(buildCorpus(options, {}, cancel), routescope::core::Error);
}

TEST_F(CorpusFolders, UserFolderDomainCutIntoRecordsAndCapped) {
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "line " + std::to_string(i) + " of my notes\n";
  writeFile(fs::path(dir_) / "notes" / "b.md", text);
  writeFile(fs::path(dir_) / "notes" / "sub" / "c.txt", text);
  writeFile(fs::path(dir_) / "notes" / ".git" / "objects", text);  // hidden: not read
  writeFile(fs::path(dir_) / "notes" / "bin.dat", std::string("\0\1\2", 3));
  CorpusOptions options;
  options.domains = {};
  options.domain_cap_bytes = 100000;
  options.extra_folders = {{"notes", dir_ + "/notes"}};
  CancelToken cancel;
  const Corpus corpus = buildCorpus(options, {}, cancel);
  const auto& m = corpus.manifest["domains"]["notes"];
  EXPECT_EQ(m["split_by"], "record");
  EXPECT_EQ(m["bytes"].get<int64_t>(), 100000);
  EXPECT_TRUE(m["capped"].get<bool>());
  for (Split s : {Split::Train, Split::Valid, Split::Test}) {
    EXPECT_FALSE(corpus.split(s).empty()) << splitName(s);
    for (const auto& doc : corpus.split(s)) {
      EXPECT_EQ(doc.domain, "notes");
      EXPECT_EQ(doc.source.find(".git"), std::string::npos);
      EXPECT_NE(doc.source.find('#'), std::string::npos);
    }
  }
}

TEST(Corpus, CancelStopsTheBuild) {
  CancelToken cancel;
  cancel.cancel();
  CorpusOptions options = smallOptions();
  options.domains = {"english"};
  EXPECT_THROW(buildCorpus(options, {}, cancel), routescope::core::JobCancelled);
}
