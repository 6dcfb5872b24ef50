#include "backend/search/anytime_trace.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include "backend/core/error.h"

namespace routescope::search {
namespace {

constexpr const char* kColumns[] = {"method",         "seconds",   "evaluations",
                                    "best_objective", "reference", "gap_percent"};
constexpr size_t kBaseColumns = 4, kAllColumns = 6;

std::string number(double value) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, end);
}

bool plainLabel(std::string_view label) {
  for (const char c : label)
    if (c == ',' || c == '"' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return true;
}

// Where a reader is: the artifact, the line and column (1-based) of the field being read.
struct Cursor {
  const std::string& artifact;
  size_t line = 1;
  size_t column = 1;
  [[noreturn]] void fail(const std::string& what) const {
    throw core::Error(artifact + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                      ": " + what);
  }
};

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text.substr(0, 40))
    out += static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f ? '?' : c;
  return out + (text.size() > 40 ? "...'" : "'");
}

double readDouble(const Cursor& at, std::string_view field, const char* name) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || ec != std::errc() || end != field.data() + field.size() || !std::isfinite(value))
    at.fail(std::string(name) + ": " + quoted(field) + " is not a finite number");
  return value;
}

int64_t readCount(const Cursor& at, std::string_view field, const char* name) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || ec != std::errc() || end != field.data() + field.size() || value < 0)
    at.fail(std::string(name) + ": " + quoted(field) + " is not a non-negative integer");
  return value;
}

std::vector<std::string_view> splitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t from = 0;
  for (;;) {
    const size_t comma = line.find(',', from);
    fields.push_back(
        line.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from));
    if (comma == std::string_view::npos) return fields;
    from = comma + 1;
  }
}

}  // namespace

double gapPercent(double objective, double reference) {
  if (!std::isfinite(objective) || !std::isfinite(reference) || reference == 0.0)
    throw core::Error("gap: cannot measure " + number(objective) + " against the reference " +
                      number(reference));
  return 100.0 * (objective - reference) / std::abs(reference);
}

std::string writeAnytimeCsv(const AnytimeTrace& trace) {
  const size_t columns = trace.reference ? kAllColumns : kBaseColumns;
  std::string csv;
  for (size_t c = 0; c < columns; ++c) csv += (c ? "," : "") + std::string(kColumns[c]);
  csv += '\n';
  if (trace.reference && (!std::isfinite(*trace.reference) || *trace.reference == 0.0))
    throw core::Error("anytime trace: the reference " + number(*trace.reference) +
                      " is not a finite non-zero number");
  for (const AnytimePoint& p : trace.points) {
    if (!plainLabel(p.label))
      throw core::Error("anytime trace: label " + quoted(p.label) +
                        " holds a comma, quote or control character");
    if (!std::isfinite(p.seconds) || !std::isfinite(p.best_objective) || p.seconds < 0 || p.evaluations < 0)
      throw core::Error("anytime trace: point of '" + p.label + "' at " + number(p.seconds) + " s, " +
                        std::to_string(p.evaluations) + " evaluations, objective " +
                        number(p.best_objective) + " is not finite and non-negative");
    csv += p.label + "," + number(p.seconds) + "," + std::to_string(p.evaluations) + "," +
           number(p.best_objective);
    if (trace.reference)
      csv += "," + number(*trace.reference) + "," + number(gapPercent(p.best_objective, *trace.reference));
    csv += '\n';
  }
  return csv;
}

AnytimeTrace readAnytimeCsv(std::string_view text, const std::string& artifact) {
  Cursor at{artifact};
  std::vector<std::string_view> lines;
  for (size_t from = 0; from < text.size();) {
    const size_t end = text.find('\n', from);
    std::string_view line =
        text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    from = end + 1;
  }
  if (lines.empty()) at.fail("empty; expected the header 'method,seconds,evaluations,best_objective'");

  const std::vector<std::string_view> header = splitFields(lines[0]);
  for (size_t c = 0; c < std::max(header.size(), kBaseColumns); ++c) {
    at.column = c + 1;
    if (c >= kAllColumns) at.fail("unexpected column " + quoted(header[c]));
    if (c >= header.size()) at.fail("missing column '" + std::string(kColumns[c]) + "'");
    if (header[c] != kColumns[c])
      at.fail("expected column '" + std::string(kColumns[c]) + "', found " + quoted(header[c]));
  }
  if (header.size() != kBaseColumns && header.size() != kAllColumns) {
    at.column = header.size() + 1;
    at.fail("missing column 'gap_percent' (reference and gap_percent come together)");
  }
  const bool with_reference = header.size() == kAllColumns;

  AnytimeTrace trace;
  for (size_t l = 1; l < lines.size(); ++l) {
    at.line = l + 1;
    at.column = 1;
    if (lines[l].empty()) at.fail("empty line");
    const std::vector<std::string_view> fields = splitFields(lines[l]);
    if (fields.size() != header.size()) {
      at.column = std::min(fields.size(), header.size()) + 1;
      at.fail(fields.size() < header.size()
                  ? "missing field '" + std::string(kColumns[fields.size()]) + "'"
                  : "a field more than the header's " + std::to_string(header.size()));
    }
    AnytimePoint p;
    if (!plainLabel(fields[0]))
      at.fail("method " + quoted(fields[0]) + " holds a quote or control character");
    p.label = std::string(fields[0]);
    at.column = 2;
    p.seconds = readDouble(at, fields[1], "seconds");
    if (p.seconds < 0) at.fail("seconds: " + quoted(fields[1]) + " is negative");
    at.column = 3;
    p.evaluations = readCount(at, fields[2], "evaluations");
    at.column = 4;
    p.best_objective = readDouble(at, fields[3], "best_objective");
    if (with_reference) {
      at.column = 5;
      const double reference = readDouble(at, fields[4], "reference");
      if (reference == 0.0) at.fail("reference: 0 (a gap needs a non-zero reference)");
      if (trace.reference && reference != *trace.reference)
        at.fail("reference: " + quoted(fields[4]) + " differs from the first row's " +
                number(*trace.reference));
      trace.reference = reference;
      at.column = 6;
      const double gap = readDouble(at, fields[5], "gap_percent");
      const double expected = gapPercent(p.best_objective, reference);
      if (std::abs(gap - expected) > 1e-9 * std::max(1.0, std::abs(expected)))
        at.fail("gap_percent: " + quoted(fields[5]) + " disagrees with best_objective and reference (" +
                number(expected) + ")");
    }
    trace.points.push_back(std::move(p));
  }
  return trace;
}

}  // namespace routescope::search
