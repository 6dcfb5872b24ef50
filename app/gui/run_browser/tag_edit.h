#pragma once
// Tags typed as one comma-separated line, and how an edit of several runs' tags applies to each:
// the dialog shows the tags all selected runs share, so only what the user added to or removed
// from that shared set changes; each run keeps its other tags.

#include <QString>
#include <string>
#include <vector>

namespace routescope::app {

using TagList = std::vector<std::string>;

// "a, b,,a ,c" -> {a, b, c}: trimmed, empty ones dropped, first occurrence kept.
TagList parseTagLine(const QString& line);
QString tagLine(const TagList& tags);
// Tags every list has, in the first list's order.
TagList commonTags(const std::vector<TagList>& lists);
// `run_tags` after the shared set `before` was edited into `after`.
TagList applyTagEdit(const TagList& run_tags, const TagList& before, const TagList& after);

}  // namespace routescope::app
