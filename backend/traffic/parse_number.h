#pragma once
// Strict number parsing for the traffic readers (TNTP, node files, DNDP instances, what-if
// edits): the whole token must be the number, and only finite values are numbers here.
// std::from_chars alone accepts "nan", "inf" and "infinity", which would pass every later
// `x < 0` check and silently corrupt a solve.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

namespace routescope::traffic {

enum class NumberProblem { None, NotANumber, NotFinite, OutOfRange, NotAnInteger };

struct ParsedNumber {
  double value = 0.0;
  NumberProblem problem = NumberProblem::None;
  bool ok() const { return problem == NumberProblem::None; }
};

// A finite decimal number (an optional leading '+' is allowed, as TNTP files sometimes write).
inline ParsedNumber parseFiniteNumber(std::string_view token) {
  ParsedNumber out;
  const char* first = token.data();
  const char* last = token.data() + token.size();
  const bool plus = first != last && *first == '+';
  if (plus) ++first;
  const auto [ptr, ec] = std::from_chars(first, last, out.value);
  if (first == last || ptr != last || (plus && *first == '-')) {  // "+-3" is not a number
    out.problem = NumberProblem::NotANumber;
  } else if (ec == std::errc::result_out_of_range) {
    out.problem = NumberProblem::OutOfRange;  // 1e999 (overflow) or 1e-999 (underflow)
  } else if (ec != std::errc()) {
    out.problem = NumberProblem::NotANumber;
  } else if (!std::isfinite(out.value)) {
    out.problem = NumberProblem::NotFinite;  // nan, inf, infinity
  }
  return out;
}

// A finite number with an integral value within ±2e9 (so "3", "3.0" and "3e0" are 3, "3.7" is
// an error).
inline ParsedNumber parseIntegerNumber(std::string_view token) {
  ParsedNumber out = parseFiniteNumber(token);
  if (out.ok() && (out.value != std::trunc(out.value) || out.value < -2e9 || out.value > 2e9)) {
    out.problem = NumberProblem::NotAnInteger;
  }
  return out;
}

// What is wrong with `token`, for "field 'NAME': 'TOKEN' is not …" messages.
inline const char* describeProblem(NumberProblem problem) {
  switch (problem) {
    case NumberProblem::None:
      return "is a number";
    case NumberProblem::NotANumber:
      return "is not a number";
    case NumberProblem::NotFinite:
      return "is not a finite number";
    case NumberProblem::OutOfRange:
      return "is out of the range of a double";
    case NumberProblem::NotAnInteger:
      return "is not an integer";
  }
  return "is not a number";
}

}  // namespace routescope::traffic
