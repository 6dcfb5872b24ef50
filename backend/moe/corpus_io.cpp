// corpus.bin layout (little-endian): "RSCORPUS", u32 version (1), string manifest (JSON text),
// u32 domain count + strings, then for train, valid, test: u32 document count and per document
// u32 domain index, string source, string text. A string is a u32 byte length and UTF-8 bytes.
#include <nlohmann/json.hpp>

#include "backend/moe/binary_io.h"
#include "backend/moe/corpus.h"

namespace routescope::moe {
namespace {

constexpr char kMagic[8] = {'R', 'S', 'C', 'O', 'R', 'P', 'U', 'S'};
constexpr uint32_t kVersion = 1;

}  // namespace

std::vector<std::byte> serializeCorpus(const Corpus& corpus) {
  detail::ByteWriter out;
  out.raw(kMagic, sizeof kMagic);
  out.value<uint32_t>(kVersion);
  out.string(corpus.manifest.dump());
  out.value<uint32_t>(static_cast<uint32_t>(corpus.domains.size()));
  for (const auto& d : corpus.domains) out.string(d);
  for (Split s : {Split::Train, Split::Valid, Split::Test}) {
    const auto& docs = corpus.split(s);
    out.value<uint32_t>(static_cast<uint32_t>(docs.size()));
    for (const auto& doc : docs) {
      uint32_t index = 0;
      while (index < corpus.domains.size() && corpus.domains[index] != doc.domain) ++index;
      if (index == corpus.domains.size()) {
        throw core::Error("corpus: document " + doc.source + " has domain '" + doc.domain +
                          "', which is not among the corpus's domains");
      }
      out.value<uint32_t>(index);
      out.string(doc.source);
      out.string(doc.text);
    }
  }
  return out.take();
}

Corpus deserializeCorpus(std::span<const std::byte> bytes, const std::string& name_for_errors) {
  detail::ByteReader in(bytes, name_for_errors);
  const auto magic = in.take(sizeof kMagic, "magic");
  if (std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0) in.fail("not a RouteScope corpus (bad magic)");
  const auto version = in.value<uint32_t>("version");
  if (version != kVersion) {
    in.fail("corpus format version " + std::to_string(version) + " is not supported (this app reads " +
            std::to_string(kVersion) + ")");
  }
  Corpus corpus;
  const std::string manifest = in.string("manifest");
  corpus.manifest = nlohmann::json::parse(manifest, nullptr, false);
  if (corpus.manifest.is_discarded()) in.fail("the manifest is not valid JSON");
  const auto domains = in.value<uint32_t>("domain count");
  if (domains > in.remaining()) in.fail("domain count " + std::to_string(domains) + " is impossible");
  for (uint32_t i = 0; i < domains; ++i) corpus.domains.push_back(in.string("domain name"));
  for (Split s : {Split::Train, Split::Valid, Split::Test}) {
    auto& docs = s == Split::Train ? corpus.train : s == Split::Valid ? corpus.valid : corpus.test;
    const auto count = in.value<uint32_t>("document count");
    if (count > in.remaining() / 12) in.fail("document count " + std::to_string(count) + " is impossible");
    docs.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      const auto domain = in.value<uint32_t>("document domain");
      if (domain >= corpus.domains.size())
        in.fail("document domain index " + std::to_string(domain) + " out of range");
      CorpusDocument doc;
      doc.domain = corpus.domains[domain];
      doc.source = in.string("document source");
      doc.text = in.string("document text");
      docs.push_back(std::move(doc));
    }
  }
  if (in.remaining() != 0)
    in.fail(std::to_string(in.remaining()) + " unexpected bytes after the last document");
  return corpus;
}

}  // namespace routescope::moe
