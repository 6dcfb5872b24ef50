#include "backend/moe/corpus.h"

#include <algorithm>
#include <exception>
#include <thread>

#include "backend/core/error.h"
#include "backend/moe/binary_io.h"
#include "backend/moe/corpus_sources.h"
#include "backend/moe/man_render.h"

namespace routescope::moe {
namespace {

using detail::DomainPlan;
using detail::SourceFile;
using detail::SourceKind;

// Man pages render in child processes, this many at a time: `man -l` takes ~0.1 s a page, and
// the machine is shared with whatever else the user runs.
constexpr size_t kRenderThreads = 2;
// Percent of split units (files or records) that go to train and valid; the rest is test.
constexpr uint64_t kTrainPercent = 90;
constexpr uint64_t kValidPercent = 5;

struct Unit {
  CorpusDocument document;
  std::string split_key;  // what the split hashes: the file path, or the record's source
};

// One domain's documents, in reading order, until the cap.
class DomainCollector {
 public:
  DomainCollector(std::string domain, int64_t cap) : domain_(std::move(domain)), cap_(cap) {}

  bool full() const { return bytes_ >= cap_; }
  // Adds a document, truncated to the cap (at a UTF-8 boundary).
  void add(std::string source, std::string text, std::string split_key) {
    if (full() || text.empty()) return;
    const auto room = static_cast<size_t>(cap_ - bytes_);
    if (text.size() > room) {
      text.resize(detail::utf8Prefix(text, room));
      capped_ = true;
      bytes_ = cap_;  // nothing more fits, even if the cut fell a few bytes short
      if (text.empty()) return;
    } else {
      bytes_ += static_cast<int64_t>(text.size());
    }
    units_.push_back({{domain_, std::move(source), std::move(text)}, std::move(split_key)});
  }
  void countFile() { ++files_; }

  std::vector<Unit>& units() { return units_; }
  int64_t files() const { return files_; }
  bool capped() const { return capped_ || full(); }

 private:
  std::string domain_;
  int64_t cap_;
  int64_t bytes_ = 0;
  int64_t files_ = 0;
  bool capped_ = false;
  std::vector<Unit> units_;
};

// What one source file yields before it is added: rendered or read text, or why not.
struct Loaded {
  std::string text;
  std::string error;
  bool man_missing = false;
};

Loaded loadFile(const SourceFile& file, const core::CancelToken& cancel) {
  Loaded loaded;
  if (file.kind == SourceKind::ManPage) {
    auto rendered = detail::renderManPage(file.path, cancel);
    loaded.text = std::move(rendered.text);
    loaded.error = std::move(rendered.error);
    loaded.man_missing = rendered.man_missing;
    return loaded;
  }
  bool binary = false;
  loaded.text = detail::readTextFile(file.path, binary);
  if (binary) loaded.error = "binary file";
  loaded.text = detail::sanitizeUtf8(loaded.text);
  return loaded;
}

void addLoaded(DomainCollector& collector, const DomainPlan& plan, const SourceFile& file, Loaded& loaded) {
  collector.countFile();
  if (file.kind == SourceKind::Fortunes) {
    const auto records = splitFortuneRecords(loaded.text);
    for (size_t i = 0; i < records.size() && !collector.full(); ++i) {
      const std::string source = file.path + "#" + std::to_string(i);
      collector.add(source, records[i], source);
    }
  } else if (plan.by_record) {
    auto chunks = detail::chunkText(loaded.text, detail::kRecordChunkBytes);
    for (size_t i = 0; i < chunks.size() && !collector.full(); ++i) {
      const std::string source = file.path + "#" + std::to_string(i);
      collector.add(source, std::move(chunks[i]), source);
    }
  } else {
    collector.add(file.path, std::move(loaded.text), file.path);
  }
}

// Reads (or renders) the plan's files in order until the cap; man pages kRenderThreads at a time.
void collect(const DomainPlan& plan, DomainCollector& collector, nlohmann::json& skipped,
             const ProgressFn& progress, double progress_from, double progress_span,
             const core::CancelToken& cancel) {
  bool man_missing = false;
  size_t skipped_pages = 0;
  for (size_t next = 0; next < plan.files.size() && !collector.full();) {
    if (cancel.cancelled()) throw core::JobCancelled();
    const size_t window = std::min(kRenderThreads, plan.files.size() - next);
    std::vector<Loaded> loaded(window);
    std::vector<std::exception_ptr> failures(window);
    std::vector<std::thread> workers;
    for (size_t i = 0; i < window; ++i) {
      const SourceFile& file = plan.files[next + i];
      auto work = [&, i] {
        try {
          loaded[i] = loadFile(file, cancel);
        } catch (...) {
          failures[i] = std::current_exception();
        }
      };
      if (file.kind == SourceKind::ManPage && !man_missing && window > 1) {
        workers.emplace_back(work);
      } else if (file.kind != SourceKind::ManPage || !man_missing) {
        work();
      }
    }
    for (auto& w : workers) w.join();
    for (auto& f : failures) {
      if (f) std::rethrow_exception(f);
    }
    for (size_t i = 0; i < window && !collector.full(); ++i) {
      const SourceFile& file = plan.files[next + i];
      if (file.kind == SourceKind::ManPage && (man_missing || loaded[i].man_missing)) {
        if (!man_missing) {
          skipped.push_back({{"domain", plan.name}, {"source", "man pages"}, {"reason", loaded[i].error}});
          if (progress) progress(progress_from, "skipped man pages: " + loaded[i].error);
        }
        man_missing = true;
        continue;
      }
      if (!loaded[i].error.empty()) {
        // Single unreadable pages are counted, not listed: a handful is normal for man pages.
        ++skipped_pages;
        continue;
      }
      addLoaded(collector, plan, file, loaded[i]);
    }
    next += window;
    if (progress) {
      progress(
          progress_from + progress_span * static_cast<double>(next) / static_cast<double>(plan.files.size()),
          plan.name + ": " + std::to_string(next) + " files");
    }
  }
  if (skipped_pages > 0) {
    skipped.push_back({{"domain", plan.name},
                       {"source", std::to_string(skipped_pages) + " files"},
                       {"reason", "binary, empty or not renderable"}});
  }
}

Split splitOf(const std::string& key) {
  const uint64_t bucket = detail::stableHash(key) % 100;
  if (bucket < kTrainPercent) return Split::Train;
  if (bucket < kTrainPercent + kValidPercent) return Split::Valid;
  return Split::Test;
}

// Assigns each unit to a split by the hash of its key; a split left empty takes the last unit
// of the largest split, so that every split of a domain with three units or more has text.
std::vector<Split> assignSplits(const std::vector<Unit>& units, const std::string& domain) {
  if (units.size() < 3) {
    throw core::Error("corpus domain '" + domain + "': only " + std::to_string(units.size()) +
                      " document(s), need at least 3 to fill train, valid and test");
  }
  std::vector<Split> splits;
  for (const auto& unit : units) splits.push_back(splitOf(unit.split_key));
  for (Split wanted : {Split::Valid, Split::Test, Split::Train}) {
    auto count = [&](Split s) { return std::count(splits.begin(), splits.end(), s); };
    if (count(wanted) > 0) continue;
    Split largest = Split::Train;
    for (Split s : {Split::Valid, Split::Test}) {
      if (count(s) > count(largest)) largest = s;
    }
    for (size_t i = splits.size(); i-- > 0;) {
      if (splits[i] == largest) {
        splits[i] = wanted;
        break;
      }
    }
  }
  return splits;
}

std::vector<CorpusDocument>& splitOf(Corpus& corpus, Split s) {
  return s == Split::Train ? corpus.train : s == Split::Valid ? corpus.valid : corpus.test;
}

void addDomain(Corpus& corpus, const DomainPlan& plan, DomainCollector& collector) {
  auto& units = collector.units();
  const auto splits = assignSplits(units, plan.name);
  nlohmann::json split_stats = nlohmann::json::object();
  for (Split s : {Split::Train, Split::Valid, Split::Test}) {
    split_stats[std::string(splitName(s))] = {{"documents", 0}, {"bytes", 0}};
  }
  int64_t bytes = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    auto& stats = split_stats[std::string(splitName(splits[i]))];
    stats["documents"] = stats["documents"].get<int64_t>() + 1;
    stats["bytes"] = stats["bytes"].get<int64_t>() + static_cast<int64_t>(units[i].document.text.size());
    bytes += static_cast<int64_t>(units[i].document.text.size());
    splitOf(corpus, splits[i]).push_back(std::move(units[i].document));
  }
  corpus.domains.push_back(plan.name);
  corpus.manifest["domains"][plan.name] = {
      {"sources", plan.sources},      {"files", collector.files()},
      {"records", units.size()},      {"bytes", bytes},
      {"capped", collector.capped()}, {"split_by", plan.by_record ? "record" : "file"},
      {"splits", split_stats}};
}

}  // namespace

std::string_view splitName(Split split) {
  switch (split) {
    case Split::Train:
      return "train";
    case Split::Valid:
      return "valid";
    case Split::Test:
      return "test";
  }
  return "train";
}

const std::vector<CorpusDocument>& Corpus::split(Split s) const {
  return s == Split::Train ? train : s == Split::Valid ? valid : test;
}

int64_t Corpus::bytes(Split s) const {
  int64_t total = 0;
  for (const auto& d : split(s)) total += static_cast<int64_t>(d.text.size());
  return total;
}

std::vector<std::string> builtinDomainNames() {
  return detail::builtinDomains();
}

std::vector<std::string> splitFortuneRecords(std::string_view text) {
  std::vector<std::string> records;
  std::string current;
  auto finish = [&] {
    while (!current.empty() && (current.back() == '\n' || current.back() == '\r')) current.pop_back();
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) records.push_back(current);
    current.clear();
  };
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    const std::string_view bare = line.ends_with('\r') ? line.substr(0, line.size() - 1) : line;
    if (bare == "%") {
      finish();
    } else {
      current.append(line);
      current.push_back('\n');
    }
  }
  finish();
  return records;
}

Corpus buildCorpus(const CorpusOptions& options, const ProgressFn& progress,
                   const core::CancelToken& cancel) {
  if (options.domain_cap_bytes <= 0) throw core::Error("corpus: the domain cap must be positive");
  std::vector<DomainPlan> plans;
  for (const auto& name : options.domains)
    plans.push_back(detail::planBuiltinDomain(name, options.system_root));
  for (const auto& [name, folder] : options.extra_folders) {
    if (name.empty()) throw core::Error("corpus folder '" + folder + "': the domain needs a name");
    plans.push_back(detail::planFolderDomain(name, folder));
  }
  for (size_t i = 0; i < plans.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (plans[i].name == plans[j].name)
        throw core::Error("corpus domain '" + plans[i].name + "': named twice");
    }
  }

  Corpus corpus;
  corpus.manifest = {{"domains", nlohmann::json::object()},
                     {"skipped", nlohmann::json::array()},
                     {"domain_cap_bytes", options.domain_cap_bytes},
                     {"split_rule",
                      "FNV-1a 64 of the file path (or path#record) mod 100: <90 train, "
                      "<95 valid, else test"}};
  auto& skipped = corpus.manifest["skipped"];
  for (size_t d = 0; d < plans.size(); ++d) {
    const DomainPlan& plan = plans[d];
    for (const auto& s : plan.skipped) {
      skipped.push_back({{"domain", plan.name}, {"source", s.source}, {"reason", s.reason}});
      if (progress) progress(static_cast<double>(d) / plans.size(), "skipped " + s.source + ": " + s.reason);
    }
    DomainCollector collector(plan.name, options.domain_cap_bytes);
    collect(plan, collector, skipped, progress, static_cast<double>(d) / plans.size(), 1.0 / plans.size(),
            cancel);
    if (collector.units().empty()) {
      skipped.push_back(
          {{"domain", plan.name}, {"source", plan.name}, {"reason", "no text found; domain left out"}});
      if (progress)
        progress(static_cast<double>(d + 1) / plans.size(), "domain " + plan.name + " has no text");
      continue;
    }
    addDomain(corpus, plan, collector);
  }
  if (corpus.domains.empty()) {
    std::string names;
    for (const auto& p : plans) names += (names.empty() ? "" : ", ") + p.name;
    throw core::Error("corpus: no text found in any domain (" + (names.empty() ? "none chosen" : names) +
                      ")");
  }
  if (progress) progress(1.0, "corpus built");
  return corpus;
}

}  // namespace routescope::moe
