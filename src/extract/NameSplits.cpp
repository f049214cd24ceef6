#include <algorithm>
#include <string_view>

#include "extract/NameEvidence.h"
#include "extract/NameMends.h"

// The splitting mends of NameMends.h: one span the model tagged over two names, or over a name
// and a role, becomes its parts.

namespace skein::extract::name_mends {

namespace tf = token_flags;
namespace lf = lexicon_flags;

void split_at_semicolons(const TokenView& v, std::vector<TaggedSpan>& spans) {
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    for (std::uint32_t t = span.first; t < span.last; ++t) {
      if (v.norm(t) != ";") continue;
      if (t > span.first) out.push_back({span.first, t, span.label, span.confidence});
      span.first = t + 1;
    }
    if (span.first < span.last) out.push_back(span);
  }
  spans = std::move(out);
}

void split_at_titles(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                     const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    const auto label = static_cast<std::int32_t>(span.label);
    if (label == labels.person) {
      // A role ending the span with no name after it: "the US President's interpretation".
      std::uint32_t title = span.first;
      while (title < span.last && role_title_end(knowledge, v, title) != span.last) ++title;
      const bool place_before =
          title > span.first && name_evidence::listed_place(v, span.first, title);
      if (title < span.last && (title == span.first || place_before)) {
        if (place_before)
          out.push_back(
              {span.first, title, static_cast<std::uint32_t>(labels.location), span.confidence});
        continue;
      }
    }
    if (label == labels.location || label == labels.organization) {
      // A role's title ending the span after a party's words or a listed name is no part of
      // it: "Veteran Labour MP and former Cabinet minister Jack Cunningham" tagged "Labour MP".
      for (std::uint32_t t = span.first + 1; t < span.last; ++t) {
        if (role_title_end(knowledge, v, t) != span.last || institution_head(knowledge, v, t))
          continue;
        // (Before a party's word, the sentence's first word may be in the span: "Veteran".)
        const bool party = rules.in_word_set("affiliation", v.norm(t - 1));
        if (party || name_evidence::listed_anywhere(knowledge, v, span.first, t)) span.last = t;
        break;
      }
      for (std::uint32_t t = span.first + 1; t + 1 < span.last; ++t) {
        if (!v.is_title_span(t) || institution_head(knowledge, v, t)) continue;
        const std::uint32_t name = v.span_starting(t).last;
        if (name >= span.last || !v.tok(name).has(tf::kCapital) ||
            (v.lex(name) & lf::kGivenName) == 0 || span.last - name < 2)
          continue;
        // The words before the title are a name of their own where a list names them or an
        // institution's word ends them; else they are the title's portfolio ("Health
        // Secretary John Reid").
        if (name_evidence::listed_anywhere(knowledge, v, span.first, t) ||
            institution_head(knowledge, v, t - 1))
          out.push_back({span.first, t, span.label, span.confidence});
        span = {name, span.last, static_cast<std::uint32_t>(labels.person), span.confidence};
        // No person's name holds "and": a second name or a party follows ("Health Secretary
        // John Reid and Labour").
        for (std::uint32_t k = name + 1; k + 1 < span.last; ++k) {
          if (v.norm(k) != "and") continue;
          out.push_back({name, k, span.label, span.confidence});
          span.first = k + 1;
          bool party = true;
          for (std::uint32_t p = k + 1; p < span.last && party; ++p)
            party = rules.in_word_set("affiliation", v.norm(p));
          if (party || name_evidence::listed_anywhere(knowledge, v, k + 1, span.last))
            span.label = static_cast<std::uint32_t>(labels.organization);
          break;
        }
        break;
      }
    }
    out.push_back(span);
  }
  spans = std::move(out);
}

void split_names_at_of(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans) {
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    if (static_cast<std::int32_t>(span.label) == labels.organization) {
      // "Pittsburgh-Corning Corp of Pittsburgh": a company's suffix, "of", a listed place.
      std::uint32_t of = span.first + 1;
      while (of + 1 < span.last && v.norm(of) != "of") ++of;
      if (of + 1 < span.last && name_evidence::listed_place(v, of + 1, span.last) &&
          rules.in_word_set("company-suffix", v.norm(of - 1))) {
        // (The words before "of" are a person's with a given name or a courtesy title: "Stena Line
        // of Sweden" is a firm.)
        const bool personal =
            (v.lex(span.first) & lf::kGivenName) != 0 || courtesy_title(v.norm(span.first));
        out.push_back({span.first, of,
                       personal ? span.label : static_cast<std::uint32_t>(labels.organization),
                       span.confidence});
        out.push_back(
            {of + 1, span.last, static_cast<std::uint32_t>(labels.location), span.confidence});
        continue;
      }
    }
    if (static_cast<std::int32_t>(span.label) != labels.person || span.last - span.first < 4) {
      out.push_back(span);
      continue;
    }
    std::uint32_t of = span.first + 2;
    while (of + 1 < span.last && !(v.norm(of) == "of" && v.tok(of).has(tf::kLower))) ++of;
    std::uint32_t rest = of + 1;
    if (rest < span.last && v.norm(rest) == "the" && v.tok(rest).has(tf::kLower)) ++rest;
    // (Not an "of" inside a title: "US Secretary of State Condoleezza Rice".)
    bool in_title = false;
    for (std::uint32_t t = span.first; t < of && !in_title; ++t)
      in_title = v.is_title_span(t) && v.span_starting(t).last > of;
    if (rest >= span.last || !v.tok(rest).has(tf::kCapital) || in_title) {
      out.push_back(span);
      continue;
    }
    // (The words before "of" are a person's with a given name or a courtesy title: "Stena Line
    // of Sweden" is a firm.)
    const bool personal =
        (v.lex(span.first) & lf::kGivenName) != 0 || courtesy_title(v.norm(span.first));
    out.push_back({span.first, of,
                   personal ? span.label : static_cast<std::uint32_t>(labels.organization),
                   span.confidence});
    const bool place = name_evidence::listed_place(v, rest, span.last);
    out.push_back({rest, span.last,
                   static_cast<std::uint32_t>(place ? labels.location : labels.organization),
                   span.confidence});
  }
  spans = std::move(out);
}

}  // namespace skein::extract::name_mends
