#include "app/gui/run_browser/tag_edit.h"

#include <QStringList>
#include <algorithm>

namespace routescope::app {
namespace {

bool has(const TagList& tags, const std::string& tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

}  // namespace

TagList parseTagLine(const QString& line) {
  TagList tags;
  for (const QString& part : line.split(',')) {
    const std::string tag = part.trimmed().toStdString();
    if (!tag.empty() && !has(tags, tag)) tags.push_back(tag);
  }
  return tags;
}

QString tagLine(const TagList& tags) {
  QStringList parts;
  for (const auto& tag : tags) parts.append(QString::fromStdString(tag));
  return parts.join(QStringLiteral(", "));
}

TagList commonTags(const std::vector<TagList>& lists) {
  if (lists.empty()) return {};
  TagList common;
  for (const auto& tag : lists.front()) {
    if (std::all_of(lists.begin(), lists.end(), [&](const TagList& list) { return has(list, tag); })) {
      common.push_back(tag);
    }
  }
  return common;
}

TagList applyTagEdit(const TagList& run_tags, const TagList& before, const TagList& after) {
  TagList result;
  for (const auto& tag : run_tags) {
    const bool removed = has(before, tag) && !has(after, tag);
    if (!removed) result.push_back(tag);
  }
  for (const auto& tag : after) {
    if (!has(result, tag)) result.push_back(tag);
  }
  return result;
}

}  // namespace routescope::app
