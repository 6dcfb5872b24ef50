#include "backend/core/sha256.h"

#include <gtest/gtest.h>

#include <string>

using routescope::core::Sha256;
using routescope::core::sha256Hex;

// Test vectors from FIPS 180-4 / NIST CSRC examples.
TEST(Sha256, NistEmptyString) {
  EXPECT_EQ(sha256Hex(std::string_view()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, NistAbc) {
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, NistTwoBlockMessage) {
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, NistMillionA) {
  EXPECT_EQ(sha256Hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalUpdatesOfOddSizesMatchOneShot) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += static_cast<char>('a' + i % 26);
  Sha256 hash;
  size_t at = 0;
  for (size_t chunk = 1; at < text.size(); chunk = chunk * 3 % 71 + 1) {
    const size_t take = std::min(chunk, text.size() - at);
    hash.update(std::string_view(text).substr(at, take));
    at += take;
  }
  EXPECT_EQ(hash.finishHex(), sha256Hex(text));
}
