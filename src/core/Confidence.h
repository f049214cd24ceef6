#pragma once
// How pieces of evidence combine into one confidence: noisy-or, 1 - prod(1 - c). The chance
// that at least one of several independent pieces of evidence is right. Each input is clamped
// to [0, 1]; no evidence gives 0. This is the one home of the rule: the recogniser (a
// relation's confidence), the store (an edge's cached confidence, its SQL aggregate
// skein_noisy_or, a rebuilt document's relations) and any reader call it.
//
// Thread-safety: plain values and pure functions.

#include <algorithm>
#include <vector>

#include "core/Extraction.h"

namespace skein {

// Accumulates confidences one at a time (for loops and SQL aggregates that see one row at a
// time). A value already combined (an edge's stored confidence) may be added like any other:
// noisy-or is associative.
class NoisyOr {
 public:
  void add(double confidence) { keep_ *= 1.0 - std::clamp(confidence, 0.0, 1.0); }
  double value() const { return 1.0 - keep_; }

 private:
  double keep_ = 1.0;  // prod(1 - c) so far
};

// noisy-or of two confidences (each may itself be a combination).
inline double noisy_or(double a, double b) {
  NoisyOr combined;
  combined.add(a);
  combined.add(b);
  return combined.value();
}

// noisy-or of the confidences of `evidence` (0 for none).
inline double noisy_or(const std::vector<Evidence>& evidence) {
  NoisyOr combined;
  for (const Evidence& e : evidence) combined.add(e.confidence);
  return combined.value();
}

}  // namespace skein
