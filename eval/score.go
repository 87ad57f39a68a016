package eval

import (
	"slices"
	"strings"
)

// The three event levels of FORMATS.md §4, in report order.
const (
	LevelRoot  = "root"
	LevelCode  = "code"
	LevelActor = "actor"
)

// Level is the score at one level. Counts are micro-sums over articles.
type Level struct {
	Name     string
	TP       int // distinct predictions matching a required gold event
	FP       int // distinct predictions matching no gold event
	Ignored  int // distinct predictions matching only optional gold events
	Found    int // required gold events matched by some prediction
	Required int // required gold events
	// Findings lists false positives and misses, article by article in
	// gold order: an article's false positives (in prediction order) first,
	// then its misses (in gold order).
	Findings []Finding
}

// Precision is TP / (TP + FP), 0 when there is no prediction.
func (l Level) Precision() float64 { return ratio(l.TP, l.TP+l.FP) }

// Recall is Found / Required, 0 when nothing is required.
func (l Level) Recall() float64 { return ratio(l.Found, l.Required) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (l Level) F1() float64 { return f1(l.Precision(), l.Recall()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Finding is a false positive or a miss.
type Finding struct {
	Miss      bool // a required gold event nothing matched; else a false positive
	ArticleID string
	// The event: for a false positive the prediction's key fields (actor
	// codes at actor level only), for a miss the gold event's.
	Source, SourceActor, Target, TargetActor, Code string
	Sentence                                       string // evidence text, when known
	Gold                                           *GoldEvent
	Pred                                           *Prediction
}

// QuoteScore is the quote score. A predicted direct quote is a true
// positive when it matches some gold quote of its article; it is not
// deduplicated.
type QuoteScore struct {
	TP, FP       int
	Found, Total int // gold quotes matched / all gold quotes
	// FalsePositives and Misses list unmatched direct predictions and
	// unmatched gold quotes, in article order.
	FalsePositives []QuotePrediction
	Misses         []QuoteMiss
}

// QuoteMiss is a gold quote no prediction matched.
type QuoteMiss struct {
	ArticleID string
	Quote     GoldQuote
}

// Precision, Recall and F1 as for events.
func (q QuoteScore) Precision() float64 { return ratio(q.TP, q.TP+q.FP) }

// Recall is Found / Total.
func (q QuoteScore) Recall() float64 { return ratio(q.Found, q.Total) }

// F1 is the harmonic mean of precision and recall.
func (q QuoteScore) F1() float64 { return f1(q.Precision(), q.Recall()) }

// Report is the full evaluation.
type Report struct {
	Articles int // gold articles scored
	Root     Level
	Code     Level
	Actor    Level
	// Quotes is nil when no quote predictions were given (Score's quotes
	// argument was nil); an empty non-nil list scores them all as missed.
	Quotes *QuoteScore
}

// Levels returns the three levels in report order.
func (r *Report) Levels() []*Level { return []*Level{&r.Root, &r.Code, &r.Actor} }

// Score compares predictions with the gold articles as score.py does.
// Only articles in gold are scored; predictions for other articles are
// ignored, and a gold article listed twice is scored twice.
func Score(gold []Gold, events []Prediction, quotes []QuotePrediction) Report {
	byArticle := map[string][]int{}
	for i := range events {
		id := events[i].ArticleID
		byArticle[id] = append(byArticle[id], i)
	}
	r := Report{Articles: len(gold)}
	for i, lv := range r.Levels() {
		scoreLevel(lv, []string{LevelRoot, LevelCode, LevelActor}[i], gold, events, byArticle)
	}
	if quotes != nil {
		q := scoreQuotes(gold, quotes)
		r.Quotes = &q
	}
	return r
}

// key is a prediction's identity at one level; fields a level ignores
// stay empty.
type key struct{ s, sa, t, ta, code string }

func keyOf(level string, p *Prediction) key {
	switch level {
	case LevelRoot:
		return key{s: p.Source, t: p.Target, code: pyPrefix(p.Code, 2)}
	case LevelCode:
		return key{s: p.Source, t: p.Target, code: p.Code}
	}
	return key{p.Source, p.SourceCode, p.Target, p.TargetCode, p.Code}
}

// matches is score.py's gold_match.
func matches(level string, p *Prediction, g *GoldEvent) bool {
	if g.unmatchable || p.Source != g.Source || p.Target != g.Target {
		return false
	}
	if level == LevelRoot {
		root := pyPrefix(p.Code, 2)
		if pyPrefix(g.Code, 2) == root {
			return true
		}
		for _, c := range g.Alt {
			if pyPrefix(c, 2) == root {
				return true
			}
		}
		return false
	}
	if p.Code != g.Code && !slices.Contains(g.Alt, p.Code) {
		return false
	}
	if level == LevelActor {
		if len(g.SourceActor) > 0 && !slices.Contains(g.SourceActor, p.SourceCode) {
			return false
		}
		if len(g.TargetActor) > 0 && !slices.Contains(g.TargetActor, p.TargetCode) {
			return false
		}
	}
	return true
}

func scoreLevel(lv *Level, level string, gold []Gold, preds []Prediction, byArticle map[string][]int) {
	lv.Name = level
	for a := range gold {
		art := &gold[a]
		var req, opt []*GoldEvent
		for i := range art.Events {
			if art.Events[i].Required {
				req = append(req, &art.Events[i])
			} else {
				opt = append(opt, &art.Events[i])
			}
		}
		lv.Required += len(req)
		// Distinct keys in first-seen order, each represented by its
		// first prediction (the key holds every field matching reads, so
		// which one represents it does not matter).
		seen := map[key]bool{}
		hit := make([]bool, len(req))
		for _, pi := range byArticle[art.Article.ID] {
			p := &preds[pi]
			k := keyOf(level, p)
			if seen[k] {
				continue
			}
			seen[k] = true
			matched := false
			for i, g := range req {
				if matches(level, p, g) {
					matched, hit[i] = true, true
				}
			}
			switch {
			case matched:
				lv.TP++
			case slices.ContainsFunc(opt, func(g *GoldEvent) bool { return matches(level, p, g) }):
				lv.Ignored++
			default:
				lv.FP++
				lv.Findings = append(lv.Findings, Finding{
					ArticleID: art.Article.ID, Source: k.s, SourceActor: k.sa, Target: k.t, TargetActor: k.ta,
					Code: k.code, Sentence: p.Evidence, Pred: p,
				})
			}
		}
		for i, g := range req {
			if hit[i] {
				lv.Found++
				continue
			}
			lv.Findings = append(lv.Findings, Finding{
				Miss: true, ArticleID: art.Article.ID, Source: g.Source, Target: g.Target,
				Code: g.Code, Sentence: g.Evidence, Gold: g,
			})
		}
	}
}

// preparedQuote is a direct predicted quote folded for matching.
type preparedQuote struct {
	text, name string
	q          *QuotePrediction
}

func scoreQuotes(gold []Gold, preds []QuotePrediction) QuoteScore {
	byArticle := map[string][]preparedQuote{}
	for i := range preds {
		q := &preds[i]
		if !q.Direct {
			continue
		}
		byArticle[q.ArticleID] = append(byArticle[q.ArticleID],
			preparedQuote{text: fold(q.Text), name: speller(pyLower(q.Speaker)), q: q})
	}
	var s QuoteScore
	for a := range gold {
		art := &gold[a]
		s.Total += len(art.Quotes)
		prefixes := make([]string, len(art.Quotes))
		surnames := make([]string, len(art.Quotes))
		named := make([]bool, len(art.Quotes))
		for i, g := range art.Quotes {
			prefixes[i] = fold(g.Text)
			surnames[i], named[i] = surname(g.Speaker)
		}
		hit := make([]bool, len(art.Quotes))
		for _, p := range byArticle[art.Article.ID] {
			ok := false
			for i := range art.Quotes {
				if named[i] && strings.HasPrefix(p.text, prefixes[i]) && strings.Contains(p.name, surnames[i]) {
					hit[i], ok = true, true
				}
			}
			if ok {
				s.TP++
			} else {
				s.FP++
				s.FalsePositives = append(s.FalsePositives, *p.q)
			}
		}
		for i, g := range art.Quotes {
			if hit[i] {
				s.Found++
			} else {
				s.Misses = append(s.Misses, QuoteMiss{ArticleID: art.Article.ID, Quote: g})
			}
		}
	}
	return s
}
