#pragma once
// Internal to the corpus builder: which files each domain is drawn from, and how their bytes become
// text. Built-in domains list the files of named Debian packages from dpkg's own file lists, so the
// corpus does not depend on whatever else a machine has installed.

#include <string>
#include <string_view>
#include <vector>

namespace routescope::moe::detail {

enum class SourceKind { Text, ManPage, Fortunes };

struct SourceFile {
  std::string path;
  SourceKind kind = SourceKind::Text;
};

struct SkippedSource {
  std::string source;
  std::string reason;
};

struct DomainPlan {
  std::string name;
  std::vector<std::string> sources;  // package names and folders, for the manifest
  std::vector<SourceFile> files;     // in the order they are read (see orderForSampling)
  // Split by record (fortunes, chunks of a few large files) instead of by file.
  bool by_record = false;
  std::vector<SkippedSource> skipped;
};

// A domain with fewer files than this is cut into records so that no split stays empty.
inline constexpr size_t kMinFilesForFileSplit = 20;
// Size of the records that files of such domains are cut into.
inline constexpr size_t kRecordChunkBytes = 4096;

std::vector<std::string> builtinDomains();
// Throws core::Error for an unknown name. `root` prefixes every system path ("" = "/").
DomainPlan planBuiltinDomain(const std::string& name, const std::string& root);
DomainPlan planFolderDomain(const std::string& name, const std::string& folder);

// Sorted, then ordered by a stable hash of the path: a capped domain then samples the whole
// package instead of its alphabetically first folder, and the order is the same everywhere.
void orderForSampling(std::vector<SourceFile>& files);

// Reads a file as text; `binary` is set (and "" returned) when it holds NUL bytes.
std::string readTextFile(const std::string& path, bool& binary);
// Replaces invalid UTF-8 sequences with U+FFFD, so every document is valid UTF-8.
std::string sanitizeUtf8(std::string_view text);
// Removes backspace overstrikes ("X\bX" bold, "_\bX" underline) and ANSI SGR escapes.
std::string stripOverstrikes(std::string_view text);
// Cuts text into pieces of about `chunk_bytes`, at line ends where possible (UTF-8 safe).
std::vector<std::string> chunkText(std::string_view text, size_t chunk_bytes);
// The longest prefix of at most `max_bytes` that ends on a UTF-8 character boundary.
size_t utf8Prefix(std::string_view text, size_t max_bytes);

}  // namespace routescope::moe::detail
