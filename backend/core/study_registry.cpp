#include "backend/core/study_registry.h"

#include "backend/core/error.h"

namespace routescope::core {

void StudyRegistry::add(JobKind kind) {
  if (find(kind.study, kind.kind)) {
    throw Error("job kind " + kind.study + " " + kind.kind + " registered twice");
  }
  kinds_.push_back(std::move(kind));
}

const JobKind* StudyRegistry::find(const std::string& study, const std::string& kind) const {
  for (const auto& k : kinds_) {
    if (k.study == study && k.kind == kind) return &k;
  }
  return nullptr;
}

const JobKind& StudyRegistry::get(const std::string& study, const std::string& kind) const {
  if (const JobKind* k = find(study, kind)) return *k;
  std::string known;
  for (const auto& k : kinds_) known += (known.empty() ? "" : ", ") + k.study + " " + k.kind;
  throw Error("no job kind '" + study + " " + kind + "' (known: " + known + ")");
}

}  // namespace routescope::core
