// Package coding is the "event" stage: it reads the sentences, tokens,
// tags and actor mentions earlier stages put on a Doc and codes the
// CAMEO events they report (who did what to whom), filling Doc.Events.
//
// It owns the event pattern language and its loader (data/events/*.txt
// and user folders DIR/events/*.txt, see data/events/README.md), a
// shallow clause analysis (verb groups, subjects, passives, coordination,
// relative clauses, reported speech, control and intent frames,
// negation), and the merging of one action reported several times into
// one event. Every event names the pattern line that produced it.
//
// It does not split, tag or find actors (sentence, token, tag, actor),
// resolve event dates or places, or attribute events to news agencies;
// it leaves Date empty with precision "unresolved" and ReportedBy empty
// for later stages.
package coding
