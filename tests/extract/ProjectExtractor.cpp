#include "ProjectExtractor.h"

namespace skein::extract::testing {

const Extractor& project_extractor() {
  static const Extractor extractor(
      ExtractorOptions{SKEIN_SOURCE_DIR "/data", SKEIN_SOURCE_DIR "/schema"});
  return extractor;
}

DocumentExtraction extract_text(const std::string& text, const std::string& uri) {
  Document d;
  d.uri = uri;
  d.text = text;
  return project_extractor().extract(d);
}

}  // namespace skein::extract::testing
