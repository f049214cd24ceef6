#include <catch2/catch.hpp>
#include <vector>

#include "core/Confidence.h"

namespace skein {

TEST_CASE("noisy-or combines independent evidence as 1 - prod(1 - c)", "[core]") {
  CHECK(NoisyOr{}.value() == 0.0);
  CHECK(noisy_or(0.5, 0.5) == Approx(0.75));
  std::vector<Evidence> evidence(3);
  for (auto& e : evidence) e.confidence = 0.5;
  CHECK(noisy_or(evidence) == Approx(0.875));
  // Combining a combined value with more evidence equals combining everything at once.
  CHECK(noisy_or(noisy_or(0.2, 0.3), 0.4) == Approx(1 - 0.8 * 0.7 * 0.6));
  // Certainty stays certain; out-of-range inputs are clamped rather than producing nonsense.
  CHECK(noisy_or(1.0, 0.3) == 1.0);
  CHECK(noisy_or(-2.0, 1.5) == 1.0);
  CHECK(noisy_or(-2.0, 0.0) == 0.0);
}

}  // namespace skein
