#pragma once
// One step of the beam search that the tagger (TaggerModel) and its trainer (TaggerTrainer) share
// when their beam is wider than one: tags are chosen left to right, and the features of a
// position depend on the two tags before it, so a beam item (BeamItem, in TaggerModel.h) is a
// tag path summed up by its score and its last two tags.
//
// Header-only and pure; the caller owns every buffer.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "learn/Features.h"
#include "learn/TaggerModel.h"

namespace skein::learn {

// Extends `beam` (the items after the previous position; before the first position, one start
// item) by one position into `out`: every item with each tag `transitions` allows after it
// (when `last`, only tags a sentence may end with), scored by item.score plus
// tag_scores(item index, scores), which fills scores[0 .. tag_count) for that item's history.
// Keeps the `width` best, best first (ties: the earlier item, then the lower tag), at most one
// per history (tag, previous): two paths that end alike score alike from here on, so the lower
// one could never win and would only take a place.
template <typename TagScores>
void extend_beam(const std::vector<BeamItem>& beam, std::size_t tag_count,
                 const TagTransitions& transitions, std::size_t width, bool last,
                 TagScores&& tag_scores, std::vector<double>& scores, std::vector<BeamItem>& out) {
  out.clear();
  scores.resize(tag_count);
  for (std::size_t b = 0; b < beam.size(); ++b) {
    tag_scores(b, scores);
    for (std::uint32_t t = 0; t < tag_count; ++t) {
      if (!transitions.allowed(beam[b].tag, t)) continue;
      if (last && transitions.closing(t) != t) continue;
      const double score = beam[b].score + scores[t];
      // Candidates come in (item, tag) order, so "not better" keeps the earlier on a tie.
      if (out.size() == width && !(score > out.back().score)) continue;
      const auto same = std::find_if(out.begin(), out.end(), [&](const BeamItem& kept) {
        return kept.tag == t && kept.previous == beam[b].tag;
      });
      if (same != out.end()) {
        if (!(score > same->score)) continue;
        out.erase(same);
      } else if (out.size() == width) {
        out.pop_back();
      }
      const auto at = std::find_if(out.begin(), out.end(),
                                   [&](const BeamItem& kept) { return kept.score < score; });
      out.insert(at, BeamItem{score, t, beam[b].tag, static_cast<std::uint32_t>(b)});
    }
  }
}

}  // namespace skein::learn
