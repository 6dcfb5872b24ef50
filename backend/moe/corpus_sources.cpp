#include "backend/moe/corpus_sources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "backend/core/error.h"
#include "backend/moe/binary_io.h"

namespace fs = std::filesystem;

namespace routescope::moe::detail {
namespace {

std::string rooted(const std::string& root, const std::string& absolute) {
  if (root.empty() || root == "/") return absolute;
  return (fs::path(root) / fs::path(absolute).relative_path()).string();
}

bool isRegularFile(const std::string& path) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  return !ec && fs::is_regular_file(status);  // symlinks are skipped: they repeat another file
}

// dpkg's list of the files a package installed: /var/lib/dpkg/info/<pkg>.list, or
// <pkg>:<arch>.list for multi-arch packages. Returns false when the package is not installed.
bool packageFiles(const std::string& root, const std::string& package, std::vector<std::string>& files) {
  const fs::path info = rooted(root, "/var/lib/dpkg/info");
  fs::path list = info / (package + ".list");
  std::error_code ec;
  if (!fs::exists(list, ec)) {
    std::vector<fs::path> candidates;
    for (const auto& entry : fs::directory_iterator(info, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(package + ":") && name.ends_with(".list")) candidates.push_back(entry.path());
    }
    if (candidates.empty()) return false;
    std::sort(candidates.begin(), candidates.end());
    list = candidates.front();
  }
  std::ifstream in(list);
  if (!in) return false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) files.push_back(line);
  }
  return true;
}

struct PackageSource {
  std::string package;
  std::string prefix;  // only files below this folder
  SourceKind kind;
  bool (*accept)(const std::string& path);
};

bool anyFile(const std::string&) {
  return true;
}
bool manPage(const std::string& path) {
  // Sections of the English pages only: /usr/share/man/<lang>/ holds translations.
  const fs::path p(path);
  return p.parent_path().parent_path() == "/usr/share/man" &&
         p.parent_path().filename().string().starts_with("man");
}
bool fortuneFile(const std::string& path) {
  return !path.ends_with(".dat") && !path.ends_with(".u8");
}

void addPackage(DomainPlan& plan, const std::string& root, const PackageSource& source) {
  plan.sources.push_back(source.package);
  std::vector<std::string> listed;
  if (!packageFiles(root, source.package, listed)) {
    plan.skipped.push_back({source.package, "Debian package " + source.package + " is not installed"});
    return;
  }
  size_t found = 0;
  for (const auto& path : listed) {
    if (!path.starts_with(source.prefix) || !source.accept(path)) continue;
    const std::string on_disk = rooted(root, path);
    if (!isRegularFile(on_disk)) continue;
    plan.files.push_back({on_disk, source.kind});
    ++found;
  }
  if (found == 0) {
    plan.skipped.push_back({source.package, "Debian package " + source.package + " has no files below " +
                                                source.prefix + " (were they excluded from installation?)"});
  }
}

void addFolder(DomainPlan& plan, const std::string& folder, SourceKind kind, const std::string& label) {
  plan.sources.push_back(label);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    plan.skipped.push_back({label, "folder " + folder + " does not exist"});
    return;
  }
  size_t found = 0;
  for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) {  // hidden files and folders (.git) are not text a user meant
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (isRegularFile(it->path().string())) {
      plan.files.push_back({it->path().string(), kind});
      ++found;
    }
  }
  if (found == 0) plan.skipped.push_back({label, "folder " + folder + " holds no files"});
}

}  // namespace

std::vector<std::string> builtinDomains() {
  return {"code", "english", "german"};
}

DomainPlan planBuiltinDomain(const std::string& name, const std::string& root) {
  DomainPlan plan;
  plan.name = name;
  if (name == "code") {
    // C and C++ headers: the C library, the kernel's user-space API and the C++ standard library.
    for (const char* package : {"libc6-dev", "linux-libc-dev", "libstdc++-12-dev"}) {
      addPackage(plan, root, {package, "/usr/include/", SourceKind::Text, anyFile});
    }
  } else if (name == "english") {
    for (const char* package : {"manpages", "manpages-dev"}) {
      addPackage(plan, root, {package, "/usr/share/man/", SourceKind::ManPage, manPage});
    }
    addFolder(plan, rooted(root, "/usr/share/common-licenses"), SourceKind::Text,
              "/usr/share/common-licenses (base-files)");
  } else if (name == "german") {
    addPackage(plan, root,
               {"fortunes-de", "/usr/share/games/fortunes/de/", SourceKind::Fortunes, fortuneFile});
    plan.by_record = true;  // about 50 files: records keep every split filled
  } else {
    std::string known;
    for (const auto& d : builtinDomains()) known += (known.empty() ? "" : ", ") + d;
    throw core::Error("corpus domain '" + name + "': unknown (built-in domains: " + known + ")");
  }
  orderForSampling(plan.files);
  return plan;
}

DomainPlan planFolderDomain(const std::string& name, const std::string& folder) {
  DomainPlan plan;
  plan.name = name;
  addFolder(plan, folder, SourceKind::Text, folder);
  orderForSampling(plan.files);
  plan.by_record = plan.files.size() < kMinFilesForFileSplit;
  return plan;
}

void orderForSampling(std::vector<SourceFile>& files) {
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; }),
              files.end());
  std::stable_sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) {
    return stableHash(a.path) < stableHash(b.path);
  });
}

std::string readTextFile(const std::string& path, bool& binary) {
  binary = false;
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.find('\0') != std::string::npos) {
    binary = true;
    return {};
  }
  return text;
}

std::string sanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (valid && length == 2) valid = c >= 0xC2;  // overlong forms
    if (valid && length == 3) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogates
    }
    if (valid && length == 4) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      valid = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90) && c <= 0xF4;
    }
    if (valid) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string stripOverstrikes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\b') {
      // Drop the previous character (a whole UTF-8 sequence); the next one is what is shown.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) >> 6) == 0x2) out.pop_back();
      if (!out.empty()) out.pop_back();
    } else if (c == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      size_t j = i + 2;
      while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ';')) ++j;
      i = j;  // skips the final letter too
    } else {
      out.push_back(c);
    }
  }
  return out;
}

size_t utf8Prefix(std::string_view text, size_t max_bytes) {
  if (max_bytes >= text.size()) return text.size();
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) >> 6) == 0x2) --end;
  return end;
}

std::vector<std::string> chunkText(std::string_view text, size_t chunk_bytes) {
  std::vector<std::string> chunks;
  while (!text.empty()) {
    size_t end = utf8Prefix(text, chunk_bytes);
    if (end < text.size()) {
      const size_t newline = text.rfind('\n', end == 0 ? 0 : end - 1);
      if (newline != std::string_view::npos && newline >= chunk_bytes / 2) end = newline + 1;
      if (end == 0) end = std::min(text.size(), chunk_bytes);  // a malformed lead byte: cut anyway
    }
    chunks.emplace_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return chunks;
}

}  // namespace routescope::moe::detail
