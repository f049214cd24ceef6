#include "evaluate/Scorer.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "core/Utf8.h"

namespace skein::evaluate {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kWrongLabel:
      return "wrong-label";
    case ErrorKind::kWrongBoundary:
      return "wrong-boundary";
    case ErrorKind::kSpurious:
      return "spurious";
    case ErrorKind::kSpuriousUnscored:
      return "spurious-unscored";
    case ErrorKind::kMissed:
      return "missed";
    case ErrorKind::kWrongDirection:
      return "wrong-direction";
    case ErrorKind::kWrongType:
      return "wrong-type";
    case ErrorKind::kEndpointNotGold:
      return "endpoint-not-gold";
    case ErrorKind::kEndpointMissed:
      return "endpoint-missed";
    case ErrorKind::kRelationSpurious:
      return "spurious";
    case ErrorKind::kRelationMissed:
      return "missed";
  }
  return "unknown";
}

const ScoreRow* Report::entity_row(const std::string& name) const {
  if (name == entity_micro.name) return &entity_micro;
  for (const auto& row : entities) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

const RelationRow* Report::relation_row(const std::string& name) const {
  for (const auto& row : relations) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

namespace {

enum class Mode { kStrict, kLenient };

struct PredictedMention {
  ByteSpan span;
  std::string label;        // the Skein label
  const LabelClass* klass;  // never null here: unscored labels are dropped before
  std::size_t entity;       // index into DocumentExtraction::entities
};

struct PredictedRelation {
  const Relation* relation;
  const ScoredRelationType* type;
  std::size_t source;  // entity indexes
  std::size_t target;
};

bool mention_matches(const PredictedMention& p, const GoldMention& g, Mode mode) {
  if (p.klass->name != g.label) return false;
  return mode == Mode::kStrict ? p.span == g.span : p.span.overlaps(g.span);
}

// A relation's endpoint: strict as a mention; lenient by position alone.
bool endpoint_matches(const PredictedMention& p, const GoldMention& g, Mode mode) {
  return mode == Mode::kStrict ? mention_matches(p, g, mode) : p.span.overlaps(g.span);
}

std::size_t overlap_size(const ByteSpan& a, const ByteSpan& b) {
  const auto start = std::max(a.start, b.start), end = std::min(a.end, b.end);
  return end > start ? end - start : 0;
}

// The line around a span, cut to about 160 bytes on UTF-8 boundaries: enough to see why.
std::string context_of(const std::string& text, ByteSpan span) {
  constexpr std::size_t kRadius = 80;
  std::size_t start = text.rfind('\n', span.start == 0 ? 0 : span.start - 1);
  start = (start == std::string::npos || span.start == 0) ? 0 : start + 1;
  std::size_t end = text.find('\n', span.end);
  if (end == std::string::npos) end = text.size();
  if (span.start > start + kRadius) start = span.start - kRadius;
  if (end > span.end + kRadius) end = span.end + kRadius;
  start = utf8::floor_boundary(text, start);
  end = utf8::ceil_boundary(text, end);
  std::string out = text.substr(start, end - start);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

struct Scorer::Impl {
  const Dataset* dataset;
  ScorerOptions options;
  std::size_t documents = 0;
  std::unordered_map<std::string, ScoreRow> entity_rows;
  std::unordered_map<std::string, RelationRow> relation_rows;
  std::vector<ErrorGroup> entity_errors;
  std::vector<ErrorGroup> relation_errors;
  std::map<std::string, std::size_t> notes;
  std::size_t normalized = 0;  // gold mentions whose span the reader normalised

  void record(std::vector<ErrorGroup>& groups, ErrorKind kind, bool false_positive,
              ErrorExample example) {
    auto it = std::find_if(groups.begin(), groups.end(), [&](const ErrorGroup& g) {
      return g.kind == kind && g.false_positive == false_positive;
    });
    if (it == groups.end()) {
      groups.push_back({kind, false_positive, 0, {}});
      it = groups.end() - 1;
    }
    ++it->count;
    if (it->examples.size() < options.max_examples) it->examples.push_back(std::move(example));
  }

  // Greedy one-to-one matching of predicted to gold mentions; returns gold index per prediction
  // (SIZE_MAX when unmatched).
  static std::vector<std::size_t> match_mentions(const std::vector<PredictedMention>& predicted,
                                                 const std::vector<GoldMention>& gold, Mode mode) {
    std::vector<std::size_t> match(predicted.size(), SIZE_MAX);
    std::vector<bool> used(gold.size(), false);
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      std::size_t best = SIZE_MAX, best_overlap = 0;
      // Required gold first: an optional mention only takes what no required one would.
      for (const bool optional_pass : {false, true}) {
        for (std::size_t g = 0; g < gold.size(); ++g) {
          if (gold[g].optional != optional_pass) continue;
          if (used[g] || !mention_matches(predicted[p], gold[g], mode)) continue;
          const std::size_t overlap = overlap_size(predicted[p].span, gold[g].span);
          if (best == SIZE_MAX || overlap > best_overlap) {
            best = g;
            best_overlap = overlap;
          }
        }
        if (best != SIZE_MAX) break;
      }
      if (best != SIZE_MAX) {
        used[best] = true;
        match[p] = best;
      }
    }
    return match;
  }

  // True when `span` overlaps some unscored gold span and no scored gold mention.
  static bool on_unscored_only(const GoldDocument& gold, ByteSpan span) {
    for (const auto& m : gold.mentions) {
      if (m.span.overlaps(span)) return false;
    }
    for (const auto& u : gold.unscored) {
      if (u.span.overlaps(span)) return true;
    }
    return false;
  }

  void note_unscored_demonym(const GoldDocument& gold, ByteSpan span) {
    for (const auto& unscored : gold.unscored) {
      if (unscored.span.overlaps(span)) {
        ++notes["predicted demonym mentions not scored: gold " + unscored.label];
        return;
      }
    }
    for (const auto& mention : gold.mentions) {
      if (mention.span.overlaps(span)) {
        ++notes["predicted demonym mentions not scored: gold " + mention.label +
                " (counted missed)"];
        return;
      }
    }
    ++notes["predicted demonym mentions not scored: not in gold"];
  }

  void add(const GoldDocument& original, const DocumentExtraction& prediction) {
    ++documents;
    // "As written" scoring puts the file's own spans back before anything looks at them.
    GoldDocument written;
    if (options.as_written_spans) {
      written = original;
      for (auto& mention : written.mentions) mention.span = mention.as_written;
    }
    const GoldDocument& gold = options.as_written_spans ? written : original;
    for (const auto& mention : original.mentions) normalized += mention.span != mention.as_written;
    const std::string& text = gold.document.text;
    const std::string& uri = gold.document.uri;
    auto span_text = [&](ByteSpan span) { return text.substr(span.start, span.size()); };

    for (const auto& mention : gold.mentions) {
      for (const auto& excluded : gold.document.excluded) {
        if (excluded.overlaps(mention.span)) {
          ++notes["gold mentions inside page debris"];
          break;
        }
      }
    }

    // ---- entities ----
    std::vector<PredictedMention> predicted;
    for (std::size_t e = 0; e < prediction.entities.size(); ++e) {
      const Entity& entity = prediction.entities[e];
      const LabelClass* klass = dataset->class_of(entity.label);
      if (klass == nullptr) {
        notes["predicted mentions with unscored label " + entity.label] += entity.mentions.size();
        continue;
      }
      for (const auto& mention : entity.mentions) {
        if (!dataset->scores_demonyms && mention.kind == mention_kinds::kDemonym) {
          note_unscored_demonym(gold, mention.span);
          continue;
        }
        if (dataset->unscored_spans_neutral && on_unscored_only(gold, mention.span)) {
          ++notes["predicted mentions on unscored gold spans only (counted neither way)"];
          continue;
        }
        predicted.push_back({mention.span, entity.label, klass, e});
      }
    }
    std::stable_sort(predicted.begin(), predicted.end(),
                     [](const auto& a, const auto& b) { return a.span.start < b.span.start; });

    for (Mode mode : {Mode::kStrict, Mode::kLenient}) {
      const auto match = match_mentions(predicted, gold.mentions, mode);
      std::vector<bool> gold_matched(gold.mentions.size(), false);
      for (std::size_t p = 0; p < predicted.size(); ++p) {
        Counts& counts = row_counts(entity_rows, predicted[p].klass->name, mode);
        if (match[p] == SIZE_MAX) {
          ++counts.fp;
          continue;
        }
        gold_matched[match[p]] = true;
        if (!gold.mentions[match[p]].optional)
          ++counts.tp;
        else if (mode == Mode::kStrict)
          ++notes["predicted mentions matching optional gold"];
      }
      for (std::size_t g = 0; g < gold.mentions.size(); ++g) {
        if (!gold_matched[g] && !gold.mentions[g].optional)
          ++row_counts(entity_rows, gold.mentions[g].label, mode).fn;
      }
      if (mode != Mode::kStrict) continue;
      for (std::size_t p = 0; p < predicted.size(); ++p) {
        if (match[p] != SIZE_MAX) continue;
        const auto& pm = predicted[p];
        ErrorKind kind = ErrorKind::kSpurious;
        std::string gold_label;
        for (const auto& gm : gold.mentions) {
          if (!gm.span.overlaps(pm.span)) continue;
          const bool same_class = gm.label == pm.klass->name;
          // A same-class overlap explains the error better than a label clash next to it.
          if (same_class) {
            kind = ErrorKind::kWrongBoundary;
            gold_label = gm.label + " \"" + span_text(gm.span) + "\"";
            break;
          }
          kind = ErrorKind::kWrongLabel;
          gold_label = gm.label + (gm.span == pm.span ? "" : " \"" + span_text(gm.span) + "\"");
        }
        if (kind == ErrorKind::kSpurious) {
          for (const auto& unscored : gold.unscored) {
            if (unscored.span.overlaps(pm.span)) {
              kind = ErrorKind::kSpuriousUnscored;
              gold_label = unscored.label;
              break;
            }
          }
        }
        record(entity_errors, kind, true,
               {uri, span_text(pm.span), pm.label, gold_label, context_of(text, pm.span)});
      }
      for (std::size_t g = 0; g < gold.mentions.size(); ++g) {
        if (gold_matched[g] || gold.mentions[g].optional) continue;
        const auto& gm = gold.mentions[g];
        ErrorKind kind = ErrorKind::kMissed;
        std::string predicted_label;
        for (const auto& pm : predicted) {
          if (!pm.span.overlaps(gm.span)) continue;
          if (pm.klass->name == gm.label) {
            kind = ErrorKind::kWrongBoundary;
            predicted_label = pm.label + " \"" + span_text(pm.span) + "\"";
            break;
          }
          kind = ErrorKind::kWrongLabel;
          predicted_label =
              pm.label + (pm.span == gm.span ? "" : " \"" + span_text(pm.span) + "\"");
        }
        record(entity_errors, kind, false,
               {uri, span_text(gm.span), predicted_label, gm.label, context_of(text, gm.span)});
      }
    }

    // ---- relations ----
    std::unordered_map<std::string, std::size_t> entity_index;
    for (std::size_t e = 0; e < prediction.entities.size(); ++e)
      entity_index.emplace(prediction.entities[e].id, e);
    std::vector<PredictedRelation> relations;
    for (const auto& relation : prediction.relations) {
      const ScoredRelationType* type = dataset->relation_type(relation.type);
      if (type == nullptr) {
        ++notes["predicted relations of unscored type " + relation.type];
        continue;
      }
      if (!options.score_knowledge_relations && relation.basis == basis::kKnowledge) {
        ++notes["predicted relations from knowledge, not the text"];
        continue;
      }
      if (!options.score_non_asserted) {
        auto modality = relation.props.find("modality");
        if (modality != relation.props.end() &&
            (modality->second == "negated" || modality->second == "hypothetical")) {
          ++notes["predicted relations not asserted (" + modality->second + ")"];
          continue;
        }
      }
      auto source = entity_index.find(relation.source), target = entity_index.find(relation.target);
      if (source == entity_index.end() || target == entity_index.end()) {
        ++notes["predicted relations with an unknown endpoint id"];
        continue;
      }
      if (prediction.entities[source->second].mentions.empty() ||
          prediction.entities[target->second].mentions.empty()) {
        ++notes["predicted relations with an endpoint without mentions"];
        continue;
      }
      relations.push_back({&relation, type, source->second, target->second});
    }

    // Does predicted entity `e` have a mention matching some gold mention of `group`?
    auto entity_matches_group = [&](std::size_t e, std::size_t group, Mode mode) {
      const Entity& entity = prediction.entities[e];
      const LabelClass* klass = dataset->class_of(entity.label);
      if (klass == nullptr) return false;
      for (const auto& mention : entity.mentions) {
        const PredictedMention pm{mention.span, entity.label, klass, e};
        for (const auto& gm : gold.mentions) {
          if (gm.group == group && endpoint_matches(pm, gm, mode)) return true;
        }
      }
      return false;
    };
    auto endpoints_match = [&](const PredictedRelation& p, std::size_t source, std::size_t target,
                               Mode mode) {
      return entity_matches_group(p.source, source, mode) &&
             entity_matches_group(p.target, target, mode);
    };
    auto matches = [&](const PredictedRelation& p, const GoldRelation& g, Mode mode) {
      if (p.type->name != g.type) return false;
      return endpoints_match(p, g.source, g.target, mode) ||
             (p.type->symmetric && endpoints_match(p, g.target, g.source, mode));
    };
    auto group_text = [&](std::size_t group) {
      for (const auto& gm : gold.mentions)
        if (gm.group == group) return gm.name;
      return std::string();
    };
    auto group_span = [&](std::size_t group) {
      for (const auto& gm : gold.mentions)
        if (gm.group == group) return gm.span;
      return ByteSpan{};
    };
    auto entity_matches_any_gold = [&](std::size_t e) {
      for (std::size_t group = 0; group < gold.group_count; ++group) {
        if (entity_matches_group(e, group, Mode::kStrict)) return true;
      }
      return false;
    };
    auto group_predicted = [&](std::size_t group) {
      for (std::size_t e = 0; e < prediction.entities.size(); ++e) {
        if (entity_matches_group(e, group, Mode::kStrict)) return true;
      }
      return false;
    };

    for (Mode mode : {Mode::kStrict, Mode::kLenient}) {
      std::vector<bool> gold_used(gold.relations.size(), false);
      std::vector<bool> predicted_matched(relations.size(), false);
      for (std::size_t p = 0; p < relations.size(); ++p) {
        std::size_t matched = SIZE_MAX;
        // Required gold first, so an optional relation never takes a prediction from one.
        for (const bool optional_pass : {false, true}) {
          for (std::size_t g = 0; g < gold.relations.size() && matched == SIZE_MAX; ++g) {
            if (gold.relations[g].optional != optional_pass) continue;
            if (gold_used[g] || !matches(relations[p], gold.relations[g], mode)) continue;
            matched = g;
          }
        }
        Counts& counts = row_counts(relation_rows, relations[p].type->name, mode);
        if (matched == SIZE_MAX) {
          // Gold another prediction took: right, but no second hit. Optional gold: neither.
          bool required_gold = false, optional_gold = false;
          for (const auto& g : gold.relations) {
            if (!matches(relations[p], g, mode)) continue;
            (g.optional ? optional_gold : required_gold) = true;
          }
          if (required_gold)
            ++counts.matched_again;
          else if (optional_gold && mode == Mode::kStrict)
            ++notes["predicted relations matching optional gold"];
          else if (!optional_gold)
            ++counts.fp;
          predicted_matched[p] = required_gold || optional_gold;
          continue;
        }
        gold_used[matched] = predicted_matched[p] = true;
        if (!gold.relations[matched].optional)
          ++counts.tp;
        else if (mode == Mode::kStrict)
          ++notes["predicted relations matching optional gold"];
      }
      for (std::size_t g = 0; g < gold.relations.size(); ++g) {
        const auto& gr = gold.relations[g];
        if (gr.optional) continue;
        Counts& counts = row_counts(relation_rows, gr.type, mode);
        if (!gold_used[g]) ++counts.fn;
        if (gr.coref) {
          Counts& coref = mode == Mode::kStrict ? relation_rows[gr.type].coref
                                                : relation_rows[gr.type].coref_lenient;
          if (gold_used[g])
            ++coref.tp;
          else
            ++coref.fn;
        }
        if (mode == Mode::kStrict) {
          auto& origin = relation_rows[gr.type].by_original_type[gr.original_type];
          if (gold_used[g])
            ++origin.tp;
          else
            ++origin.fn;
        }
      }
      if (mode != Mode::kStrict) continue;

      for (std::size_t p = 0; p < relations.size(); ++p) {
        if (predicted_matched[p]) continue;
        const auto& pr = relations[p];
        ErrorKind kind = ErrorKind::kRelationSpurious;
        std::string gold_type;
        for (const auto& gr : gold.relations) {
          if (gr.type == pr.type->name &&
              endpoints_match(pr, gr.target, gr.source, Mode::kStrict)) {
            kind = ErrorKind::kWrongDirection;
            gold_type = gr.type;
            break;
          }
          if (gr.type != pr.type->name &&
              (endpoints_match(pr, gr.source, gr.target, Mode::kStrict) ||
               endpoints_match(pr, gr.target, gr.source, Mode::kStrict))) {
            kind = ErrorKind::kWrongType;
            gold_type = gr.type;
          }
        }
        if (kind == ErrorKind::kRelationSpurious &&
            (!entity_matches_any_gold(pr.source) || !entity_matches_any_gold(pr.target))) {
          kind = ErrorKind::kEndpointNotGold;
        }
        const Entity& source = prediction.entities[pr.source];
        const Entity& target = prediction.entities[pr.target];
        const ByteSpan where = pr.relation->evidence.empty() ? source.mentions.front().span
                                                             : pr.relation->evidence.front().span;
        record(relation_errors, kind, true,
               {uri, source.name + " -> " + target.name, pr.type->name, gold_type,
                context_of(text, where)});
      }
      for (std::size_t g = 0; g < gold.relations.size(); ++g) {
        const auto& gr = gold.relations[g];
        // Uncovered types could never be predicted: listing them as misses would drown the rest.
        if (gold_used[g] || gr.optional || !dataset->relation_type(gr.type)->covered) continue;
        ErrorKind kind = ErrorKind::kRelationMissed;
        std::string predicted_type;
        for (const auto& pr : relations) {
          if (pr.type->name == gr.type &&
              endpoints_match(pr, gr.target, gr.source, Mode::kStrict)) {
            kind = ErrorKind::kWrongDirection;
            predicted_type = pr.type->name;
            break;
          }
          if (pr.type->name != gr.type &&
              (endpoints_match(pr, gr.source, gr.target, Mode::kStrict) ||
               endpoints_match(pr, gr.target, gr.source, Mode::kStrict))) {
            kind = ErrorKind::kWrongType;
            predicted_type = pr.type->name;
          }
        }
        if (kind == ErrorKind::kRelationMissed &&
            (!group_predicted(gr.source) || !group_predicted(gr.target))) {
          kind = ErrorKind::kEndpointMissed;
        }
        const ByteSpan s = group_span(gr.source), t = group_span(gr.target);
        ByteSpan where{std::min(s.start, t.start), std::max(s.end, t.end)};
        // Endpoints far apart (a title and a body line): show the source's surroundings only.
        if (where.size() > 240) where = s;
        std::string label =
            gr.original_type == gr.type ? gr.type : gr.type + " (" + gr.original_type + ")";
        if (gr.coref) label += " (coref)";
        record(relation_errors, kind, false,
               {uri, group_text(gr.source) + " -> " + group_text(gr.target), predicted_type, label,
                context_of(text, where)});
      }
    }
  }

  template <typename Row>
  static Counts& row_counts(std::unordered_map<std::string, Row>& rows, const std::string& name,
                            Mode mode) {
    Row& row = rows[name];
    return mode == Mode::kStrict ? row.strict : row.lenient;
  }
};

Scorer::Scorer(const Dataset& dataset, ScorerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->dataset = &dataset;
  impl_->options = options;
}
Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;
Scorer& Scorer::operator=(Scorer&&) noexcept = default;

void Scorer::add(const GoldDocument& gold, const DocumentExtraction& predicted) {
  impl_->add(gold, predicted);
}

Report Scorer::report() const {
  const Impl& impl = *impl_;
  Report report;
  report.source = impl.dataset->source;
  report.format = impl.dataset->format;
  report.documents = impl.documents;
  report.entity_micro.name = "micro";
  for (const auto& label_class : impl.dataset->label_classes) {
    ScoreRow row;
    if (auto it = impl.entity_rows.find(label_class.name); it != impl.entity_rows.end())
      row = it->second;
    row.name = label_class.name;
    report.entity_micro.strict += row.strict;
    report.entity_micro.lenient += row.lenient;
    report.entities.push_back(std::move(row));
  }
  report.relation_micro.name = "micro";
  for (const auto& type : impl.dataset->relation_types) {
    RelationRow row;
    if (auto it = impl.relation_rows.find(type.name); it != impl.relation_rows.end())
      row = it->second;
    row.name = type.name;
    row.symmetric = type.symmetric;
    row.covered = type.covered;
    // Recall by origin only says something when several dataset types feed one Skein type.
    if (row.by_original_type.size() == 1 && row.by_original_type.begin()->first == type.name) {
      row.by_original_type.clear();
    }
    if (type.covered) {
      report.relation_micro.strict += row.strict;
      report.relation_micro.lenient += row.lenient;
    }
    report.relations.push_back(std::move(row));
  }
  // False positives first, then false negatives; biggest groups first within each.
  auto order = [](std::vector<ErrorGroup> groups) {
    std::stable_sort(groups.begin(), groups.end(), [](const ErrorGroup& a, const ErrorGroup& b) {
      if (a.false_positive != b.false_positive) return a.false_positive;
      return a.count > b.count;
    });
    return groups;
  };
  report.entity_errors = order(impl.entity_errors);
  report.relation_errors = order(impl.relation_errors);
  report.notes = impl.notes;
  report.span_normalization = impl.dataset->span_normalization;
  report.normalized_gold_mentions = impl.normalized;
  return report;
}

}  // namespace skein::evaluate
