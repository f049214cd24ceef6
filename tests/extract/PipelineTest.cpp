// The extraction pipeline as named components (extract/Component.h): the registry, choosing
// and checking the list, what each component records, and per-component timing. Uses the
// fixture knowledge (tests/extract/fixtures/data) and the project's rule files (schema/).
#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/Error.h"
#include "extract/AnnotatedDocument.h"
#include "extract/Component.h"
#include "extract/Extractor.h"

using namespace skein;
using namespace skein::extract;

namespace {

const std::string kFixtures = SKEIN_SOURCE_DIR "/tests/extract/fixtures/data";
const std::string kRules = SKEIN_SOURCE_DIR "/schema";
const std::string kText =
    "During a meeting between Chinese Foreign Minister Wang Yi and his South Korean counterpart "
    "Park Jin in Qingdao, trade came up.\n\nWang Yi (right) meets with Park Jin in Qingdao. "
    "Officials from Shandong came too.";

Document document() {
  Document d;
  d.uri = "test.txt";
  d.text = kText;
  return d;
}

// The fixture knowledge has no models/: the "ner" component, when in the list, reads the
// project's model.
ExtractorOptions options(std::vector<std::string> components = {}) {
  ExtractorOptions o{kFixtures, kRules};
  const bool ner = components.empty() ||
                   std::find(components.begin(), components.end(), "ner") != components.end();
  if (ner) o.component_options["ner"]["model"] = SKEIN_SOURCE_DIR "/data/models/ner.skm";
  o.components = std::move(components);
  return o;
}

// The default pipeline without the learned "ner" component: the tests of relations below
// need the rule mentions of the fixture knowledge, which the model (trained with the full
// knowledge's attributes) does not see in it.
std::vector<std::string> rules_pipeline() {
  std::vector<std::string> out;
  for (const std::string& name : default_components()) {
    if (name != "ner") out.push_back(name);
  }
  return out;
}

std::string usage_error(const ExtractorOptions& o) {
  try {
    Extractor x(o);
  } catch (const UsageError& e) {
    return e.what();
  }
  FAIL("no UsageError");
  return {};
}

// A stand-in tagger: gives every token the tag its "tag" option names.
class TestTagger : public Component {
 public:
  TestTagger(const ComponentContext& context, const ComponentOptions& component_options)
      : Component("test-tagger", component_options),
        model(context.model_path(component_options, "models/test.bin")),
        tag_(upos::from_name(component_options.count("tag") != 0 ? component_options.at("tag")
                                                                 : "X")) {}
  void process(AnnotatedDocument& document) const override {
    document.pos.assign(document.segmentation.tokens.size(), tag_);
    document.pos_confidence.assign(document.segmentation.tokens.size(), 1.0f);
  }
  std::string model;

 private:
  upos::Tag tag_;
};

ComponentInfo test_tagger_info() {
  return {"test-tagger",
          "tags every token alike",
          {layers::kTokens},
          {layers::kPos},
          {"model", "tag"},
          [](const ComponentContext& context,
             const ComponentOptions& component_options) -> std::unique_ptr<Component> {
            return std::make_unique<TestTagger>(context, component_options);
          }};
}

void register_test_tagger() {
  static const bool registered = (register_component(test_tagger_info()), true);
  (void)registered;
}

void register_test_tagger_again() { register_component(test_tagger_info()); }

std::size_t count_type(const DocumentExtraction& r, const std::string& type) {
  return static_cast<std::size_t>(std::count_if(r.relations.begin(), r.relations.end(),
                                                [&](const Relation& x) { return x.type == type; }));
}

}  // namespace

TEST_CASE("The default pipeline runs the built-in components in order", "[extract][pipeline]") {
  const Extractor x(options());
  CHECK(x.component_names() == std::vector<std::string>{"segmenter", "gazetteer", "recognizer",
                                                        "ner", "resolver", "coref", "pos", "parser",
                                                        "relation-rules", "syntax-relations",
                                                        "knowledge-relations"});
  CHECK(x.component_names() == default_components());
  // Naming the default list explicitly gives the same extraction.
  const Extractor named(options(default_components()));
  const DocumentExtraction a = x.extract(document());
  const DocumentExtraction b = named.extract(document());
  REQUIRE(a.entities.size() == b.entities.size());
  for (std::size_t i = 0; i < a.entities.size(); ++i) CHECK(a.entities[i].id == b.entities[i].id);
  CHECK(a.relations.size() == b.relations.size());
}

TEST_CASE("Unknown, repeated and unfed components are errors that say why", "[extract][pipeline]") {
  const std::string unknown = usage_error(options({"segmenter", "tagger"}));
  CHECK_THAT(unknown, Catch::Contains("unknown extraction component 'tagger'"));
  CHECK_THAT(unknown,
             Catch::Contains("segmenter, gazetteer, recognizer, ner, resolver, coref, pos, parser, "
                             "relation-rules, syntax-relations, knowledge-relations"));
  CHECK_THAT(usage_error(options({"segmenter", "segmenter"})),
             Catch::Contains("'segmenter' is listed twice"));
  CHECK_THAT(
      usage_error(options({"segmenter", "recognizer"})),
      Catch::Contains("'recognizer' needs gazetteer, which no component before it provides"));
  CHECK_THAT(usage_error(options({"gazetteer", "segmenter"})),
             Catch::Contains("'gazetteer' needs tokens"));
  ExtractorOptions stray = options({"segmenter"});
  stray.component_options["resolver"]["model"] = "x.bin";
  CHECK_THAT(usage_error(stray),
             Catch::Contains("options given for extraction component 'resolver'"));
}

TEST_CASE("A component left out adds nothing, and the others work without it",
          "[extract][pipeline]") {
  const DocumentExtraction all = Extractor(options(rules_pipeline())).extract(document());
  REQUIRE(count_type(all, "met-with") == 1);
  const DocumentExtraction no_rules = Extractor(options({"segmenter", "gazetteer", "recognizer",
                                                         "resolver", "knowledge-relations"}))
                                          .extract(document());
  CHECK(no_rules.entities.size() == all.entities.size());
  CHECK(count_type(no_rules, "met-with") == 0);
  for (const Relation& r : no_rules.relations) CHECK(r.basis == basis::kKnowledge);
  CHECK(count_type(no_rules, "located-in") >= 1);
  const DocumentExtraction tokens_only = Extractor(options({"segmenter"})).extract(document());
  CHECK(tokens_only.entities.empty());
  CHECK(tokens_only.relations.empty());
  CHECK(tokens_only.document.text == kText);
}

TEST_CASE("Evidence rows name the component and the rule that produced them",
          "[extract][pipeline]") {
  const DocumentExtraction r = Extractor(options(rules_pipeline())).extract(document());
  bool text = false, knowledge = false;
  for (const Relation& relation : r.relations) {
    for (const Evidence& e : relation.evidence) {
      CHECK(!e.rule.empty());
      if (relation.basis == basis::kText) {
        CHECK(e.component == "relation-rules");
        text = true;
      } else {
        CHECK(e.component == "knowledge-relations");
        CHECK(e.rule == "gazetteer");
        knowledge = true;
      }
      CHECK(e.qualified_rule() == e.component + "/" + e.rule);
    }
  }
  CHECK(text);
  CHECK(knowledge);
}

TEST_CASE("Mentions in the annotated document record component, rule and confidence",
          "[extract][pipeline]") {
  const RuleSet rules = load_rules(kRules);
  const Knowledge knowledge(kFixtures, rules.word_lists);
  const ExtractorOptions o = options();
  const auto components = make_pipeline({}, ComponentContext{knowledge, rules, o, kFixtures});
  const Document d = document();
  AnnotatedDocument annotated(d);
  for (const auto& c : components) c->process(annotated);
  REQUIRE(!annotated.segmentation.tokens.empty());
  CHECK(annotated.span_at.size() == annotated.segmentation.tokens.size());
  // The default pipeline tags and parses the sentences naming two entities, and those only.
  CHECK(annotated.pos.size() == annotated.segmentation.tokens.size());
  CHECK(annotated.dependency_head.size() == annotated.segmentation.tokens.size());
  REQUIRE(!annotated.mentions.empty());
  bool person = false, place = false;
  for (const EntityMention& m : annotated.mentions) {
    CHECK(std::string(m.component) != "");
    CHECK(std::string(m.rule) != "");
    if (std::string(m.component) == "ner") {
      // The model's confidence: its lowest per-token probability in the span.
      CHECK(std::string(m.rule).rfind("model", 0) == 0);
      CHECK(m.confidence > 0.0f);
      CHECK(m.confidence <= 1.0f);
    } else if (std::string(m.component) == "coref") {
      // A pronoun read as the name it stands for: as sure as its resolver's rule says.
      CHECK(m.confidence > 0.0f);
      CHECK(m.confidence < 1.0f);
    } else {
      CHECK(m.confidence == 1.0f);  // rules decide with certainty
    }
    const std::string text = d.text.substr(annotated.segmentation.tokens[m.first].start,
                                           annotated.segmentation.tokens[m.last - 1].end -
                                               annotated.segmentation.tokens[m.first].start);
    // A person the recogniser found and the model agreed with keeps the rule's provenance.
    if ((text == "Park Jin" || text == "Wang Yi") && m.source == MentionSource::kPerson &&
        std::string(m.component) == "recognizer") {
      CHECK(std::string(m.rule) == "person");
      person = true;
    }
    if (text == "Qingdao") {
      CHECK(std::string(m.component) == "recognizer");
      CHECK(std::string(m.rule) == "gazetteer-name");
      place = true;
    }
  }
  CHECK(person);
  CHECK(place);
  // A name no list or rule knows is the model's: "Ellowen Marchbanks".
  Document unknown;
  unknown.uri = "unknown.txt";
  unknown.text = "Yesterday Ellowen Marchbanks told reporters in Qingdao that trade came up.";
  AnnotatedDocument other(unknown);
  for (const auto& c : components) c->process(other);
  bool unknown_name = false;
  for (const EntityMention& m : other.mentions) {
    if (std::string(m.component) != "ner") continue;
    CHECK(std::string(m.rule).rfind("model", 0) == 0);
    CHECK(m.confidence > 0.0f);
    CHECK(m.confidence <= 1.0f);
    unknown_name =
        unknown_name ||
        unknown.text.substr(other.segmentation.tokens[m.first].start,
                            other.segmentation.tokens[m.last - 1].end -
                                other.segmentation.tokens[m.first].start) == "Ellowen Marchbanks";
  }
  CHECK(unknown_name);
  CHECK(!annotated.entities.empty());
  CHECK(!annotated.relations.empty());
}

TEST_CASE("Component options are checked and a model path resolves against the data directory",
          "[extract][pipeline]") {
  ExtractorOptions o = options();
  CHECK_THROWS_WITH(set_component_option(o, "recognizer=x"),
                    Catch::Contains("is not NAME.KEY=VALUE"));
  CHECK_THROWS_WITH(set_component_option(o, "tagger.model=x"),
                    Catch::Contains("unknown extraction component 'tagger'"));
  set_component_option(o, "recognizer.model=models/ner.bin");
  CHECK(o.component_options["recognizer"]["model"] == "models/ner.bin");
  // The rule-based recogniser takes no model: a key it does not know is an error, not ignored.
  CHECK_THAT(usage_error(o), Catch::Contains("'recognizer' has no option 'model' (it takes none)"));
  const RuleSet rules = load_rules(kRules);
  const Knowledge knowledge(kFixtures, rules.word_lists);
  const ComponentContext context{knowledge, rules, o, "/data/dir"};
  CHECK(context.model_path(o.component_options["recognizer"], "models/default.bin") ==
        "/data/dir/models/ner.bin");
  CHECK(context.model_path({}, "models/default.bin") == "/data/dir/models/default.bin");
  CHECK(context.model_path({{"model", "/abs/ner.bin"}}, "x") == "/abs/ner.bin");
}

TEST_CASE("A registered component runs where it is listed and gets its options",
          "[extract][pipeline]") {
  register_test_tagger();
  CHECK_THROWS_WITH(register_test_tagger_again(),
                    Catch::Contains("'test-tagger' is already registered"));
  ExtractorOptions o = options({"segmenter", "test-tagger", "gazetteer", "recognizer", "resolver"});
  set_component_option(o, "test-tagger.model=tagger.bin");
  set_component_option(o, "test-tagger.tag=PROPN");
  const RuleSet rules = load_rules(kRules);
  const Knowledge knowledge(kFixtures, rules.word_lists);
  const auto components =
      make_pipeline(o.components, ComponentContext{knowledge, rules, o, "/data"});
  REQUIRE(components.size() == 5);
  CHECK(components[1]->name() == "test-tagger");
  CHECK(static_cast<const TestTagger&>(*components[1]).model == "/data/tagger.bin");
  const Document d = document();
  AnnotatedDocument annotated(d);
  for (const auto& c : components) c->process(annotated);
  REQUIRE(annotated.pos.size() == annotated.segmentation.tokens.size());
  CHECK(upos::name(annotated.pos.front()) == "PROPN");
  CHECK(!annotated.entities.empty());
  // Through the Extractor, and its needs are checked like any other's.
  CHECK(Extractor(o).component_names()[1] == "test-tagger");
  CHECK_THAT(usage_error(options({"test-tagger"})), Catch::Contains("'test-tagger' needs tokens"));
}

TEST_CASE("Timing each component gives one slot per component and the same extraction",
          "[extract][pipeline]") {
  const Extractor x(options());
  std::vector<double> seconds;
  const DocumentExtraction timed = x.extract(document(), seconds);
  const DocumentExtraction plain = x.extract(document());
  REQUIRE(seconds.size() == x.component_names().size() + 1);  // and one for the output
  for (const double s : seconds) CHECK(s >= 0.0);
  CHECK(timed.entities.size() == plain.entities.size());
  CHECK(timed.relations.size() == plain.relations.size());
}

TEST_CASE("Components that build without the knowledge are built apart and joined in order",
          "[extract][pipeline]") {
  const std::string models = SKEIN_SOURCE_DIR "/data/models/";
  ExtractorOptions o =
      options({"segmenter", "gazetteer", "recognizer", "ner", "resolver", "pos", "parser"});
  set_component_option(o, "pos.model=" + models + "pos.skm");
  set_component_option(o, "parser.model=" + models + "parser.skm");
  const RuleSet rules = load_rules(kRules);
  const Knowledge knowledge(kFixtures, rules.word_lists);
  const ComponentContext context{knowledge, rules, o, kFixtures};
  PartialPipeline without = build_components(o.components, context, true);
  PartialPipeline with = build_components(o.components, context, false);
  REQUIRE(without.components.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) {
    const bool alone = o.components[i] == "pos" || o.components[i] == "parser";
    CHECK((without.components[i] != nullptr) == alone);
    CHECK((with.components[i] != nullptr) == !alone);
    CHECK(!without.errors[i]);
    CHECK(!with.errors[i]);
  }
  const auto joined = join_pipeline(std::move(without), std::move(with));
  REQUIRE(joined.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) CHECK(joined[i]->name() == o.components[i]);
}

TEST_CASE("The Extractor reports the first component in pipeline order that cannot be built",
          "[extract][pipeline]") {
  auto error_of = [](const ExtractorOptions& o) -> std::string {
    try {
      Extractor x(o);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no InputError";
  };
  // The POS model is built on the second thread, the NER model after the knowledge: both
  // missing, the NER model comes first in the pipeline and is the one named.
  ExtractorOptions o =
      options({"segmenter", "gazetteer", "recognizer", "ner", "resolver", "pos", "parser"});
  set_component_option(o, "pos.model=/nonexistent/pos.skm");
  set_component_option(o, "parser.model=/nonexistent/parser.skm");
  ExtractorOptions both = o;
  set_component_option(both, "ner.model=/nonexistent/ner.skm");
  CHECK_THAT(error_of(both), Catch::StartsWith("/nonexistent/ner.skm: cannot open"));
  CHECK_THAT(error_of(o), Catch::StartsWith("/nonexistent/pos.skm: cannot open"));
  // A knowledge file that cannot be read comes before any model.
  ExtractorOptions no_data = both;
  no_data.data_dir = "/nonexistent-data";
  CHECK_THAT(error_of(no_data), Catch::StartsWith("/nonexistent-data/"));
}
