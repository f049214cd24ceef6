#pragma once
// The dependency parser scored on a CoNLL-U treebank twice: with the treebank's gold UPOS and
// with the UPOS the learned tagger predicts from the words alone, as the "parser" component
// sees them in the pipeline. `skein eval --tagger parser FILE.conllu` prints it.
//
// Thread-safety: pure functions of their arguments.

#include <string>

#include "learn/TaggerModel.h"
#include "parse/DependencyParser.h"

namespace skein::evaluate {

struct ParserEvaluation {
  std::string source;
  std::size_t sentences = 0;
  std::size_t pos_correct = 0;            // predicted UPOS equal to the gold UPOS
  parse::AttachmentScores gold_pos;       // parsed with the gold UPOS
  parse::AttachmentScores predicted_pos;  // parsed with the tagger's UPOS
};

// Reads `conllu_path` (a file; InputError "file:line: reason" when malformed), tags its words
// with `pos_tagger` and parses each sentence with both tag sequences.
ParserEvaluation evaluate_parser_on(const std::string& conllu_path,
                                    const parse::DependencyParser& parser,
                                    const learn::TaggerModel& pos_tagger);

// The report as text: sentences, POS accuracy, UAS and LAS with gold and predicted UPOS.
std::string format_parser_evaluation(const ParserEvaluation& evaluation);

}  // namespace skein::evaluate
