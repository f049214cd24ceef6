#include "evaluate/ReportWriter.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

#include "core/Utf8.h"

namespace skein::evaluate {
namespace {

std::string fixed3(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

// Pads to `width` code points (names may be non-ASCII), left or right aligned.
std::string pad(const std::string& text, std::size_t width, bool right = false) {
  const std::size_t points = utf8::length(text);
  if (points >= width) return text;
  const std::string fill(width - points, ' ');
  return right ? fill + text : text + fill;
}

void write_row(std::ostream& out, const std::string& name, std::size_t name_width,
               const ScoreRow& row, const std::string& suffix = {}) {
  out << pad(name, name_width) << pad(std::to_string(row.strict.gold()), 6, true)
      << pad(std::to_string(row.strict.predicted()), 6, true) << "  ";
  for (const Counts* counts : {&row.strict, &row.lenient}) {
    out << "  " << pad(fixed3(counts->precision()), 6, true)
        << pad(fixed3(counts->recall()), 6, true) << pad(fixed3(counts->f1()), 6, true);
  }
  out << suffix << "\n";
}

void write_header(std::ostream& out, const std::string& title, std::size_t name_width) {
  out << pad("", name_width + 12) << "    " << pad("strict", 18) << "  lenient\n";
  out << pad(title, name_width) << pad("gold", 6, true) << pad("pred", 6, true) << "  ";
  for (int i = 0; i < 2; ++i)
    out << "  " << pad("P", 6, true) << pad("R", 6, true) << pad("F1", 6, true);
  out << "\n";
}

void write_errors(std::ostream& out, const std::string& title,
                  const std::vector<ErrorGroup>& groups, std::size_t max_examples) {
  if (groups.empty()) return;
  out << "\n" << title << " (strict):\n";
  for (const auto& group : groups) {
    out << "  " << (group.false_positive ? "FP " : "FN ") << pad(to_string(group.kind), 18)
        << pad(std::to_string(group.count), 6, true) << "\n";
    for (std::size_t i = 0; i < group.examples.size() && i < max_examples; ++i) {
      const auto& example = group.examples[i];
      out << "      \"" << example.text << "\"";
      if (!example.predicted.empty()) out << "  predicted " << example.predicted;
      if (!example.gold.empty()) out << "  gold " << example.gold;
      out << "  [" << example.document << "]\n        | " << example.context << "\n";
    }
  }
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_counts(Writer& w, const Counts& counts) {
  w.StartObject();
  w.Key("tp");
  w.Uint64(counts.tp);
  w.Key("fp");
  w.Uint64(counts.fp);
  w.Key("fn");
  w.Uint64(counts.fn);
  w.Key("matched_again");
  w.Uint64(counts.matched_again);
  w.Key("precision");
  w.Double(counts.precision());
  w.Key("recall");
  w.Double(counts.recall());
  w.Key("f1");
  w.Double(counts.f1());
  w.EndObject();
}

void write_row_fields(Writer& w, const ScoreRow& row) {
  w.Key("strict");
  write_counts(w, row.strict);
  w.Key("lenient");
  write_counts(w, row.lenient);
}

void write_error_groups(Writer& w, const std::vector<ErrorGroup>& groups,
                        std::size_t max_examples) {
  w.StartArray();
  for (const auto& group : groups) {
    w.StartObject();
    w.Key("kind");
    w.String(to_string(group.kind));
    w.Key("side");
    w.String(group.false_positive ? "fp" : "fn");
    w.Key("count");
    w.Uint64(group.count);
    w.Key("examples");
    w.StartArray();
    for (std::size_t i = 0; i < group.examples.size() && i < max_examples; ++i) {
      const auto& example = group.examples[i];
      w.StartObject();
      w.Key("document");
      w.String(example.document);
      w.Key("text");
      w.String(example.text);
      w.Key("predicted");
      w.String(example.predicted);
      w.Key("gold");
      w.String(example.gold);
      w.Key("context");
      w.String(example.context);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void write_text_report(std::ostream& out, const Report& report, std::size_t max_examples) {
  out << "Evaluation of " << report.source << " (" << report.format << ", " << report.documents
      << " documents)\n\n";
  std::size_t width = 16;
  for (const auto& row : report.entities) width = std::max(width, row.name.size() + 2);
  for (const auto& row : report.relations) width = std::max(width, row.name.size() + 14);

  write_header(out, "Entities", width);
  for (const auto& row : report.entities) write_row(out, row.name, width, row);
  write_row(out, "micro", width, report.entity_micro);
  if (!report.span_normalization.empty()) {
    out << "Gold spans normalised (" << report.normalized_gold_mentions
        << " mentions): " << report.span_normalization << ".\n";
    if (!report.entities_as_written.empty()) {
      out << "Against the gold spans as written:\n";
      for (const auto& row : report.entities_as_written)
        write_row(out, "  " + row.name, width, row);
      write_row(out, "  micro", width, report.entity_micro_as_written);
    }
  }

  out << "\n";
  write_header(out, "Relations", width);
  std::vector<std::string> uncovered;
  for (const auto& row : report.relations) {
    if (!row.covered) {
      uncovered.push_back(row.name + " (" + std::to_string(row.strict.gold()) + " gold)");
      continue;
    }
    write_row(out, row.name + (row.symmetric ? " (sym)" : " (dir)"), width, row);
    for (const auto& [origin, counts] : row.by_original_type) {
      out << pad("  from " + origin, width) << pad(std::to_string(counts.gold()), 6, true)
          << "          recall " << fixed3(counts.recall()) << "\n";
    }
    if (row.coref.gold() > 0) {
      out << pad("  needing coref", width) << pad(std::to_string(row.coref.gold()), 6, true)
          << "          found " << row.coref.tp << ", missed " << row.coref.fn
          << " (lenient: found " << row.coref_lenient.tp << ", missed " << row.coref_lenient.fn
          << ")\n";
    }
  }
  write_row(out, "micro (covered)", width, report.relation_micro);
  if (!uncovered.empty()) {
    out << "Not covered (Skein has no such relation; kept out of the micro average):";
    for (std::size_t i = 0; i < uncovered.size(); ++i) out << (i ? ", " : " ") << uncovered[i];
    out << "\n";
  }
  if (!report.notes.empty()) {
    out << "\nNot scored:\n";
    for (const auto& [reason, count] : report.notes)
      out << "  " << pad(std::to_string(count), 6, true) << "  " << reason << "\n";
  }
  write_errors(out, "Entity errors", report.entity_errors, max_examples);
  write_errors(out, "Relation errors", report.relation_errors, max_examples);
}

std::string to_json(const Report& report, std::size_t max_examples) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("source");
  w.String(report.source);
  w.Key("format");
  w.String(report.format);
  w.Key("documents");
  w.Uint64(report.documents);

  w.Key("entities");
  w.StartObject();
  w.Key("labels");
  w.StartArray();
  for (const auto& row : report.entities) {
    w.StartObject();
    w.Key("name");
    w.String(row.name);
    write_row_fields(w, row);
    w.EndObject();
  }
  w.EndArray();
  w.Key("micro");
  w.StartObject();
  write_row_fields(w, report.entity_micro);
  w.EndObject();
  if (!report.span_normalization.empty()) {
    w.Key("span_normalization");
    w.String(report.span_normalization);
    w.Key("normalized_gold_mentions");
    w.Uint64(report.normalized_gold_mentions);
    if (!report.entities_as_written.empty()) {
      w.Key("as_written");
      w.StartObject();
      w.Key("labels");
      w.StartArray();
      for (const auto& row : report.entities_as_written) {
        w.StartObject();
        w.Key("name");
        w.String(row.name);
        write_row_fields(w, row);
        w.EndObject();
      }
      w.EndArray();
      w.Key("micro");
      w.StartObject();
      write_row_fields(w, report.entity_micro_as_written);
      w.EndObject();
      w.EndObject();
    }
  }
  w.EndObject();

  w.Key("relations");
  w.StartObject();
  w.Key("types");
  w.StartArray();
  for (const auto& row : report.relations) {
    w.StartObject();
    w.Key("name");
    w.String(row.name);
    w.Key("symmetric");
    w.Bool(row.symmetric);
    w.Key("covered");
    w.Bool(row.covered);
    write_row_fields(w, row);
    w.Key("recall_by_original_type");
    w.StartObject();
    for (const auto& [origin, counts] : row.by_original_type) {
      w.Key(origin.c_str(), static_cast<rapidjson::SizeType>(origin.size()));
      w.StartObject();
      w.Key("tp");
      w.Uint64(counts.tp);
      w.Key("fn");
      w.Uint64(counts.fn);
      w.Key("recall");
      w.Double(counts.recall());
      w.EndObject();
    }
    w.EndObject();
    w.Key("coref");
    w.StartObject();
    w.Key("found");
    w.Uint64(row.coref.tp);
    w.Key("missed");
    w.Uint64(row.coref.fn);
    w.Key("found_lenient");
    w.Uint64(row.coref_lenient.tp);
    w.Key("missed_lenient");
    w.Uint64(row.coref_lenient.fn);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("micro");
  w.StartObject();
  write_row_fields(w, report.relation_micro);
  w.EndObject();
  w.EndObject();

  w.Key("errors");
  w.StartObject();
  w.Key("entities");
  write_error_groups(w, report.entity_errors, max_examples);
  w.Key("relations");
  write_error_groups(w, report.relation_errors, max_examples);
  w.EndObject();

  w.Key("notes");
  w.StartObject();
  for (const auto& [reason, count] : report.notes) {
    w.Key(reason.c_str(), static_cast<rapidjson::SizeType>(reason.size()));
    w.Uint64(count);
  }
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace skein::evaluate
