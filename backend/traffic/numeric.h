#pragma once
// Compensated summation: relative gaps of 1e-10 are differences of sums of ~1e7 that must agree
// to ~1e-3, so plain left-to-right sums over thousands of links lose the digits that matter.

#include <cmath>
#include <span>

namespace routescope::traffic {

class KahanSum {
 public:
  void add(double value) {
    // Neumaier's variant: also exact when |value| exceeds the running sum.
    const double t = sum_ + value;
    if (std::abs(sum_) >= std::abs(value)) {
      compensation_ += (sum_ - t) + value;
    } else {
      compensation_ += (value - t) + sum_;
    }
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0.0;
  double compensation_ = 0.0;
};

inline double kahanSum(std::span<const double> values) {
  KahanSum s;
  for (double v : values) s.add(v);
  return s.value();
}

}  // namespace routescope::traffic
