// Package actor is the actor stage: it finds the actors named in a Doc's
// tokens and codes them with CAMEO actor codes, filling Doc.Mentions.
//
// It owns the actor dictionaries' loader (data/actors/*.txt and user
// folders DIR/actors/*.txt, format in docs of the data folder; Load,
// Check), the matcher, the small phrase grammar that codes titles and
// unknown people, and coreference within one article. It does not split
// sentences or tokens (it needs Doc.Tokens with Norm; Tag helps when
// present), decide who did what to whom, or resolve places to coordinates.
// The built-in tables are hand-written or derived by go generate tools
// (countries and capitals: internal/gencountries; historical people,
// armed groups and organisations from the Phoenix dictionaries,
// *-phoenix.txt: internal/genphoenix, which leaves out whatever the
// hand-written tables say); the loader treats them all alike.
//
// # Matching
//
// Phrases are cut into tokens as the token stage cuts text and put in a
// trie over token norms (one map of node<<32|word edges): matches start
// and end on token boundaries, and each token costs one look-up when it
// starts nothing. At each token the longest phrase wins, unless a longer
// one starts inside it ("the West Bank" over "the West", "President" +
// "Xi Jinping" over "President Xi" + "Jinping"). Case rules: an acronym
// of 2-3 capitals (US, UK, UN) matches only as written, one of 4+ also in
// title case (Nato); in names (every kind but agent) a capitalised word
// needs a capital in the text ("turkey", "the west of the country" and
// "Russia today" do not match). Ties between entries of one phrase go to
// the later dictionary layer (user folders), then Kind order, then the
// entry valid on Doc.Published (the most recent one when the date is
// unknown, with NoteNoDate added), then file order: never map order.
//
// # Grammar
//
// Around role words (kind agent) a noun phrase is read:
// [the] [mods] [country/org ['s]] [mods] role-words [of X] [name] or an
// outlet. It codes "Russian Defence Minister Sergei Shoigu" (the
// dictionary's role on the date, or the title's when none holds),
// unknown people from their titles ("Japanese Defence Minister Gen
// Nakatani" -> JPNMIL, name kept), "Iran's top diplomat", "the vice
// chairman of China's Central Military Commission Zhang Youxia",
// appositions ("Ana Petrova, Bulgaria's foreign minister"), "rebels in
// Darfur", and "X and Y" lists (Kind compound; Members lists them). One
// descriptive word may stand between the country word and the role
// ("French paper workers", "Turkish Kurd refugees"); a known person's
// possessive or name before an institution gives the role the person's
// country ("Putin's spokesman", "the Obama administration"). An "ethnic"
// demonym names a minority and is coded by the country it lives in ("ethnic
// Albanians in Serbia": SRB; rule "actor/guess:residence").
// "Former" makes a person ELI. A titled person with no country word takes
// the country of the same surname elsewhere, else the article's main
// country (rule "actor/guess:main-country").
//
// The words the grammar turns on (modifiers, outlet nouns, institution
// words, place prepositions, "the two X" group words, …) are data:
// data/actors/grammar.tsv, word classes read with the dictionaries (a user
// folder may add its own actors/grammar.tsv). Only closed-class words
// (articles, pronouns) are fixed in the code.
//
// # Coreference
//
// Surnames alone (also a family name written first: "Zhang"), he/she
// (the first person of the nearest sentence naming one), they (nearest
// compound, plural role or group), bare titles ("the minister", "The
// Russian Defence Minister": the nearest person whose titles include the
// head word) and "the two militaries" / "both countries" point at their
// antecedent by Mention.Antecedent and copy its actor.
//
// # What the mentions mean
//
// Kind media marks news outlets (Xinhua, TASS, ANI, also "Chinese state
// media agency Xinhua"): they keep their code (CHNMED) but are provenance,
// never actors of events. Kind place marks capitals and metonyms used as
// locations ("arrived in Beijing", "talks at the White House", datelines,
// "Beijing Xiangshan Forum"); a capital that acts (subject, possessor,
// object) is Kind metonym with agent GOV. IsEventActor says which
// mentions the event coder may use. Mention.Rule is the dictionary line
// ("data/actors/people.txt:12"), several joined by "+" when a phrase was
// built from more than one ("…countries.txt:383+…agents.txt:32"), or an
// "actor/…" id for grammar and coreference. Actor.Code is always
// Actor.Country + Actor.Agent; IGO codes split the same way (IGONAT:
// country IGO, agent NAT). A compound has the country its members share
// (usually none, so its code is empty or just the agent of its group
// word: "the two militaries" MIL); its members carry their own codes and
// MemberActors applies the group word's agent to them.
package actor
