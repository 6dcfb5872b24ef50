#pragma once
// The text corpus the MoE language model trains on: named domains drawn from files that named
// Debian packages install (so a corpus does not depend on what else a machine has), plus user
// folders as extra domains. Deterministic: the same options on the same packages give the same
// documents, split into train/valid/test by a hash of each document's source.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend/core/job.h"

namespace routescope::moe {

enum class Split { Train, Valid, Test };
std::string_view splitName(Split split);  // "train", "valid", "test"

struct CorpusDocument {
  std::string domain;
  std::string source;  // file path, or path#record for files cut into records
  std::string text;
};

struct CorpusOptions {
  // Built-in domains (see builtinDomainNames()): code = C/C++ headers of libc6-dev,
  // linux-libc-dev and libstdc++-12-dev; english = man pages of manpages and manpages-dev rendered
  // to plain text, plus /usr/share/common-licenses; german = fortunes-de, one record per fortune.
  std::vector<std::string> domains = {"code", "english", "german"};
  int64_t domain_cap_bytes = 8 << 20;  // per domain, over all splits
  // User folders as extra domains: (domain name, folder); text files below the folder, recursively.
  std::vector<std::pair<std::string, std::string>> extra_folders;
  // Prefix for every system path (dpkg's file lists, /usr/share/...). Empty means "/". Tests point
  // it at a fake tree to check how missing packages are reported.
  std::string system_root;
};

struct Corpus {
  std::vector<std::string> domains;  // those that contributed text, in option order
  std::vector<CorpusDocument> train, valid, test;
  // {"domains": {name: {"sources": [...], "files", "records", "bytes", "capped",
  //   "splits": {"train": {"documents", "bytes"}, "valid": ..., "test": ...}}},
  //  "skipped": [{"domain", "source", "reason"}], "domain_cap_bytes", "split_rule"}
  nlohmann::json manifest;

  const std::vector<CorpusDocument>& split(Split s) const;
  int64_t bytes(Split s) const;  // total text bytes of a split
};

std::vector<std::string> builtinDomainNames();

using ProgressFn = std::function<void(double fraction, std::string_view message)>;

// Throws core::Error naming the domain for an unknown domain name, a domain whose text cannot
// fill all three splits, or a corpus without any text; JobCancelled when `cancel` is set.
// Missing sources (a package that is not installed, a folder that does not exist) are listed in
// manifest["skipped"] with the reason and reported through `progress`, then skipped.
Corpus buildCorpus(const CorpusOptions& options, const ProgressFn& progress, const core::CancelToken& cancel);

// Compact binary form for a run artifact ("corpus.bin"); see corpus_io.cpp for the layout.
std::vector<std::byte> serializeCorpus(const Corpus& corpus);
// Throws core::Error naming `name_for_errors` when the bytes are not a serialized corpus.
Corpus deserializeCorpus(std::span<const std::byte> bytes, const std::string& name_for_errors);

// Splits the text of a fortune file into records: the lines between lines that are exactly "%".
// Records are trimmed of trailing newlines; empty records are dropped.
std::vector<std::string> splitFortuneRecords(std::string_view text);

}  // namespace routescope::moe
