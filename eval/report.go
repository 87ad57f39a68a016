package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// round3 is Python's round(x, 3) printed as repr: "0.333", "1.0", "0.0".
// Both Python and strconv round the exact binary value, ties to even.
func round3(x float64) string {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return pyFloat(v)
}

func fixed3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// WriteText prints the report as score.py does without --json.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, l := range r.Levels() {
		fmt.Fprintf(bw, "%-6s P=%s R=%s F1=%s  (tp=%d fp=%d found=%d/%d)\n",
			l.Name, fixed3(l.Precision()), fixed3(l.Recall()), fixed3(l.F1()), l.TP, l.FP, l.Found, l.Required)
	}
	if q := r.Quotes; q != nil {
		fmt.Fprintf(bw, "quotes P=%s R=%s F1=%s  (%d/%d)\n",
			fixed3(q.Precision()), fixed3(q.Recall()), fixed3(q.F1()), q.Found, q.Total)
	}
	return bw.Flush()
}

// WriteJSON prints the report as score.py --json does, byte for byte:
// one object with "events" (root, code, actor), "articles" and, when
// quotes were scored, "quotes"; figures rounded to 3 decimals.
func (r *Report) WriteJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`{"events": {`)
	for i, l := range r.Levels() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"%s": {"precision": %s, "recall": %s, "f1": %s, "tp": %d, "fp": %d, "ignored": %d, "found": %d, "required": %d}`,
			l.Name, round3(l.Precision()), round3(l.Recall()), round3(l.F1()), l.TP, l.FP, l.Ignored, l.Found, l.Required)
	}
	fmt.Fprintf(&b, `}, "articles": %d`, r.Articles)
	if q := r.Quotes; q != nil {
		fmt.Fprintf(&b, `, "quotes": {"precision": %s, "recall": %s, "f1": %s, "found": %d, "total": %d}`,
			round3(q.Precision()), round3(q.Recall()), round3(q.F1()), q.Found, q.Total)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Level returns the level named name (root, code, actor), or nil.
func (r *Report) Level(name string) *Level {
	for _, l := range r.Levels() {
		if l.Name == name {
			return l
		}
	}
	return nil
}

// WriteFindings lists a level's false positives and misses, one per
// line, with the evidence sentence, then the quote ones:
//
//	FP  dev-01  ECU -> MEX  173  | Ecuadorian police forced their way …
//	FN  dev-01  MEX -> ECU  161  | Mexico has broken off diplomatic …
func (r *Report) WriteFindings(w io.Writer, l *Level) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s level: false positives %d, misses %d\n", l.Name, l.FP, l.Required-l.Found)
	for _, f := range l.Findings {
		kind := "FP"
		if f.Miss {
			kind = "FN"
		}
		src, tgt := orNone(f.Source), orNone(f.Target)
		if l.Name == LevelActor && !f.Miss {
			src += "(" + orNone(f.SourceActor) + ")"
			tgt += "(" + orNone(f.TargetActor) + ")"
		}
		sentence := ""
		if f.Sentence != "" {
			sentence = "  | " + oneLine(f.Sentence)
		}
		fmt.Fprintf(bw, "  %s  %s  %s -> %s  %s%s\n", kind, f.ArticleID, src, tgt, f.Code, sentence)
	}
	if q := r.Quotes; q != nil {
		fmt.Fprintf(bw, "quotes: false positives %d, misses %d\n", q.FP, q.Total-q.Found)
		for _, p := range q.FalsePositives {
			fmt.Fprintf(bw, "  FP  %s  %s: %q\n", p.ArticleID, orNone(p.Speaker), oneLine(p.Text))
		}
		for _, m := range q.Misses {
			fmt.Fprintf(bw, "  FN  %s  %s: %q\n", m.ArticleID, m.Quote.Speaker, oneLine(m.Quote.Text))
		}
	}
	return bw.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine folds white space so a finding stays on one line, and cuts
// very long sentences.
func oneLine(s string) string {
	s = strings.Join(strings.FieldsFunc(s, pySpace), " ")
	if short := pyPrefix(s, 200); len(short) < len(s) {
		return short + " …"
	}
	return s
}
