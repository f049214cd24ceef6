#pragma once
// The extractor the product runs by default: the project's own data/ and schema/ (knowledge,
// models, rules) and the default pipeline. Built once per test process, on first use.
#include <string>

#include "extract/Extractor.h"

namespace skein::extract::testing {

const Extractor& project_extractor();

// `text` as a document named `uri`, through project_extractor().
DocumentExtraction extract_text(const std::string& text, const std::string& uri = "text.txt");

}  // namespace skein::extract::testing
