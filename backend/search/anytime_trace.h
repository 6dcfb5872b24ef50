#pragma once
// Anytime traces: the best objective found so far against wall time and against evaluations,
// for any search (genetic algorithms, enumeration, local search, learned solvers), as one artifact
// format. The CSV has the header
//
//   method,seconds,evaluations,best_objective[,reference,gap_percent]
//
// one row per point (file order = trace order; several methods may share one file, told apart by
// `method`), numbers in shortest round-trip form; `reference` and `gap_percent` are present when
// the trace has a reference value (an optimum or the best known), the same on every row.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace routescope::search {

struct AnytimePoint {
  double seconds = 0.0;         // wall time since the method started (≥ 0)
  int64_t evaluations = 0;      // distinct evaluations so far (≥ 0)
  double best_objective = 0.0;  // the best objective found so far
  std::string label;            // the method or series, e.g. "ga-exact" (may be empty)
};

struct AnytimeTrace {
  std::vector<AnytimePoint> points;
  std::optional<double> reference;  // gaps are measured to this value

  void add(double seconds, int64_t evaluations, double best_objective, std::string label = {}) {
    points.push_back({seconds, evaluations, best_objective, std::move(label)});
  }
  void append(const AnytimeTrace& other) {
    points.insert(points.end(), other.points.begin(), other.points.end());
  }
};

// 100 · (objective − reference) / |reference|. Throws core::Error when the reference is 0 or
// either value is not finite.
double gapPercent(double objective, double reference);

// The CSV text of a trace (see above). Throws core::Error when a label holds a comma, a quote or
// a control character, or a number is not finite.
std::string writeAnytimeCsv(const AnytimeTrace& trace);

// Reads exactly that format. Throws core::Error "ARTIFACT: line L, column C: …" on any deviation:
// another header, a row with too few or too many fields, a number that does not parse whole or is
// not finite, negative seconds or evaluations, a reference that is 0 or changes between rows, a
// gap_percent that disagrees with best_objective and reference, an empty line or a label with a
// quote or control character. CRLF line ends and a missing final line end are accepted.
AnytimeTrace readAnytimeCsv(std::string_view text, const std::string& artifact);

}  // namespace routescope::search
