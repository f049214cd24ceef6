#include "evaluate/ParserEvaluation.h"

#include <cstdio>

#include "parse/Treebank.h"

namespace skein::evaluate {

ParserEvaluation evaluate_parser_on(const std::string& conllu_path,
                                    const parse::DependencyParser& parser,
                                    const learn::TaggerModel& pos_tagger) {
  ParserEvaluation out;
  out.source = conllu_path;
  const std::vector<parse::TreebankSentence> gold = parse::read_conllu(conllu_path);
  out.sentences = gold.size();
  std::vector<std::vector<std::string>> predicted;
  predicted.reserve(gold.size());
  learn::TaggerWorkspace workspace;
  std::vector<learn::TokenView> views;
  std::vector<std::uint16_t> tags;
  for (const parse::TreebankSentence& sentence : gold) {
    views.clear();
    for (const parse::TreebankWord& word : sentence.words) views.push_back({word.form, nullptr, 0});
    pos_tagger.tag(views.data(), views.size(), workspace, tags);
    std::vector<std::string> names;
    for (std::size_t k = 0; k < tags.size(); ++k) {
      names.push_back(pos_tagger.tags()[tags[k]]);
      if (names.back() == sentence.words[k].upos) ++out.pos_correct;
    }
    predicted.push_back(std::move(names));
  }
  out.gold_pos = parse::evaluate_parser(parser, gold);
  out.predicted_pos = parse::evaluate_parser(parser, gold, predicted);
  return out;
}

std::string format_parser_evaluation(const ParserEvaluation& e) {
  char buffer[512];
  const double pos = e.predicted_pos.words != 0 ? static_cast<double>(e.pos_correct) /
                                                      static_cast<double>(e.predicted_pos.words)
                                                : 0.0;
  std::snprintf(buffer, sizeof buffer,
                "parser on %s: %zu sentences, %zu words (punctuation included)\n"
                "  gold UPOS:       UAS %.4f  LAS %.4f\n"
                "  predicted UPOS:  UAS %.4f  LAS %.4f  (tagger accuracy %.4f)\n",
                e.source.c_str(), e.sentences, e.gold_pos.words, e.gold_pos.uas(), e.gold_pos.las(),
                e.predicted_pos.uas(), e.predicted_pos.las(), pos);
  return buffer;
}

}  // namespace skein::evaluate
