package loader

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/dedup"
	"github.com/dyadproject/dyad/ingest"
	"github.com/dyadproject/dyad/ingest/lang"
)

// Source feeds input items in order; it stops when emit returns an error.
type Source func(emit func(ingest.Item) error) error

// Coded is an item after the pipeline: Doc when coded, Err when it could
// not be read or coded (or was not meant to be: see Load).
type Coded struct {
	Item ingest.Item
	Doc  *dyad.Doc
	Err  error
}

// Runner codes the items of src, in parallel if it likes, and calls emit
// with the results in input order. Items that arrive with Err set must be
// passed through uncoded. engine.Engine.Run fits it.
type Runner func(ctx context.Context, src Source, emit func(Coded) error) error

// Config sets a Loader. Store is required; the rest default.
type Config struct {
	Store     dyad.Store
	Hasher    *dedup.Hasher  // nil means dedup.New(dedup.Config{})
	Lang      *lang.Detector // nil means lang.New(lang.Config{})
	BatchSize int            // articles per transaction; 0 means 200
	// Candidates caps the stored stories compared per article; 0 means 50.
	Candidates int
	// Warn receives one line per article that could not be read or coded.
	Warn func(msg string)
	// Progress, when set, is called with the running counts after each
	// article and after each batch is stored, from one goroutine at a time.
	Progress func(Stats)
}

// Loader ingests articles into a Store: it skips articles already stored,
// finds copies of stored or earlier stories and non-English texts before
// coding, so that neither is coded, and writes the rest with their events
// in batches, one transaction each.
type Loader struct {
	cfg Config

	mu      sync.Mutex
	pending map[string]*prep // articles emitted but not yet stored, by key
	index   *dedup.Index     // stories among them
}

// prep is what Load decided about an article before coding it.
type prep struct {
	key        string
	sketch     dedup.Sketch
	status     dyad.ArticleStatus // "" means code it
	reason     string
	copyOf     string
	similarity float64
	language   string
}

// skipped marks an item the runner must not code.
type skipped struct{ err error }

func (s skipped) Error() string { return s.err.Error() }
func (s skipped) Unwrap() error { return s.err }

// Stats count what a Load did.
type Stats struct {
	Read        int // articles read, errors excluded
	ReadErrors  int // inputs that could not be read
	Known       int // already stored (or repeated in this run): skipped
	Coded       int
	Failed      int // the pipeline failed on them; stored with the reason
	NotEnglish  int
	ExactCopies int
	NearCopies  int
	Events      int
	Quotes      int
	Written     int // articles stored by this run
}

func (s Stats) String() string {
	return fmt.Sprintf("%d read, %d unreadable, %d already stored; stored %d: %d coded (%d events, %d quotes), %d failed, %d not English, %d exact and %d near copies",
		s.Read, s.ReadErrors, s.Known, s.Written, s.Coded, s.Events, s.Quotes, s.Failed, s.NotEnglish, s.ExactCopies, s.NearCopies)
}

// New makes a Loader.
func New(cfg Config) (*Loader, error) {
	if cfg.Store == nil {
		return nil, errors.New("loader: no store")
	}
	if cfg.Hasher == nil {
		cfg.Hasher = dedup.New(dedup.Config{})
	}
	if cfg.Lang == nil {
		d, err := lang.New(lang.Config{})
		if err != nil {
			return nil, err
		}
		cfg.Lang = d
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 200
	}
	if cfg.Candidates <= 0 {
		cfg.Candidates = 50
	}
	if cfg.Warn == nil {
		cfg.Warn = func(string) {}
	}
	return &Loader{cfg: cfg}, nil
}

// Load reads src, codes new articles with run and stores everything. An
// article that cannot be read is reported and skipped; one the pipeline
// fails on is stored as failed, with the reason, so that a re-run skips it.
// Load returns early only when ctx ends, src fails or the store fails; all
// batches written until then stay written, so a later Load over the same
// input takes up where this one stopped.
func (l *Loader) Load(ctx context.Context, run Runner, src Source) (Stats, error) {
	var st Stats
	l.mu.Lock()
	l.pending = map[string]*prep{}
	l.index = dedup.NewIndex(l.cfg.Hasher)
	l.mu.Unlock()

	var srcStats struct{ known int }
	prepare := func(emit func(ingest.Item) error) error {
		return src(func(it ingest.Item) error {
			if it.Err != nil {
				return emit(it)
			}
			p, known, err := l.prepare(ctx, &it.Article)
			if err != nil {
				return err // the store failed: stop
			}
			if known {
				srcStats.known++
				return nil
			}
			if p.status != "" {
				it.Err = skipped{fmt.Errorf("%s: %w", it.Source, errOf(p.status))}
			}
			return emit(it)
		})
	}

	// Batches are stored by one writer goroutine, in order, while coding
	// goes on; an article leaves pending only once its batch is committed.
	var (
		batch    []dyad.Record
		wmu      sync.Mutex
		written  int
		writeErr error
	)
	batches := make(chan []dyad.Record, 1)
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for b := range batches {
			wmu.Lock()
			failed := writeErr != nil
			wmu.Unlock()
			if failed {
				continue
			}
			// Store what was coded even when ctx was cancelled (Ctrl-C).
			n, err := l.cfg.Store.Write(context.WithoutCancel(ctx), b)
			wmu.Lock()
			if err != nil {
				writeErr = err
			} else {
				written += n
			}
			wmu.Unlock()
			if err != nil {
				continue
			}
			l.mu.Lock()
			for _, r := range b {
				delete(l.pending, r.Key)
				l.index.Remove(r.Key)
			}
			l.mu.Unlock()
		}
	}()
	progress := func() {
		if l.cfg.Progress != nil {
			wmu.Lock()
			st.Written = written
			wmu.Unlock()
			l.cfg.Progress(st)
		}
	}
	flush := func() error {
		wmu.Lock()
		err := writeErr
		wmu.Unlock()
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		batches <- batch
		batch = nil
		return nil
	}

	err := run(ctx, prepare, func(c Coded) error {
		if c.Item.Err != nil && !errors.As(c.Item.Err, new(skipped)) {
			st.ReadErrors++
			l.cfg.Warn(c.Item.Err.Error())
			progress()
			return nil
		}
		st.Read++
		a := c.Item.Article
		key := dedup.ArticleKey(a)
		l.mu.Lock()
		p := l.pending[key]
		l.mu.Unlock()
		if p == nil {
			return fmt.Errorf("%s: internal error: article was not prepared", c.Item.Source)
		}
		if p.language != "" {
			a.Language = p.language
		}
		a.HTML = ""
		r := dyad.Record{Key: key, Article: a, Source: c.Item.Source, Status: p.status, Reason: p.reason,
			TextHash: p.sketch.Hash, CopyOf: p.copyOf, Similarity: p.similarity}
		if p.copyOf == "" {
			r.Signature, r.Bands, r.Shingles = p.sketch.Signature, p.sketch.Bands, p.sketch.Shingles
		}
		switch {
		case p.status == dyad.StatusExact:
			st.ExactCopies++
		case p.status == dyad.StatusNear:
			st.NearCopies++
		case p.status == dyad.StatusNotEnglish:
			st.NotEnglish++
		case c.Err != nil:
			r.Status, r.Reason = dyad.StatusFailed, c.Err.Error()
			st.Failed++
			l.cfg.Warn(fmt.Sprintf("%s: %v", c.Item.Source, c.Err))
		default:
			r.Status = dyad.StatusCoded
			st.Coded++
			if c.Doc != nil {
				r.Events, r.Quotes = c.Doc.Events, c.Doc.Quotes
				for i := range r.Events {
					if r.Events[i].ArticleID == "" {
						r.Events[i].ArticleID = a.ID
					}
				}
				for i := range r.Quotes {
					if r.Quotes[i].ArticleID == "" {
						r.Quotes[i].ArticleID = a.ID
					}
				}
				st.Events += len(r.Events)
				st.Quotes += len(r.Quotes)
			}
		}
		batch = append(batch, r)
		progress()
		if len(batch) >= l.cfg.BatchSize {
			return flush()
		}
		return nil
	})
	st.Known = srcStats.known
	if ferr := flush(); err == nil {
		err = ferr
	}
	close(batches)
	<-writerDone
	st.Written = written
	if err == nil {
		err = writeErr
	}
	progress()
	return st, err
}

func errOf(s dyad.ArticleStatus) error {
	if s == dyad.StatusNotEnglish {
		return dyad.ErrNotEnglish
	}
	return dyad.ErrDuplicate
}

// prepare decides, before coding, whether an article is known, a copy,
// not English, or to be coded, and holds it as pending.
func (l *Loader) prepare(ctx context.Context, a *dyad.Article) (*prep, bool, error) {
	key := dedup.ArticleKey(*a)
	l.mu.Lock()
	_, known := l.pending[key]
	l.mu.Unlock()
	if known {
		return nil, true, nil
	}
	// Pending first, then the store: an article leaves pending only after
	// its batch is committed, so it is always in one or the other.
	stored, err := l.cfg.Store.HasArticle(ctx, key)
	if err != nil || stored {
		return nil, stored, err
	}
	p := &prep{key: key, sketch: l.cfg.Hasher.Sketch(a.Text)}
	if err := l.findCopy(ctx, p); err != nil {
		return nil, false, err
	}
	if p.copyOf == "" {
		res := l.cfg.Lang.Detect(a.Text)
		p.language = res.Lang
		switch {
		case res.Lang != "" && !res.English():
			p.status, p.reason = dyad.StatusNotEnglish, "language "+res.Lang+" ("+res.Reason+")"
		case res.Lang == "" && a.Language != "" && !isEnglishTag(a.Language):
			p.status, p.reason = dyad.StatusNotEnglish, "language "+a.Language+" (from the page; "+res.Reason+")"
		}
	}
	l.mu.Lock()
	l.pending[key] = p
	if p.copyOf == "" {
		l.index.Add(key, p.sketch)
	}
	l.mu.Unlock()
	return p, false, nil
}

func isEnglishTag(tag string) bool {
	t := strings.ToLower(tag)
	return t == "en" || strings.HasPrefix(t, "en-") || strings.HasPrefix(t, "en_")
}

// findCopy looks for the story p copies among pending articles, then in
// the store: an exact copy first, else the most similar near copy.
func (l *Loader) findCopy(ctx context.Context, p *prep) error {
	if p.sketch.Shingles == 0 {
		return nil
	}
	if m, ok := l.index.Find(p.sketch); ok {
		p.setCopy(m.Key, m.Exact, m.Similarity)
		return nil
	}
	ref, ok, err := l.cfg.Store.StoryByHash(ctx, p.sketch.Hash)
	if err != nil {
		return err
	}
	if ok {
		p.setCopy(ref.ArticleKey, true, 1)
		return nil
	}
	refs, err := l.cfg.Store.StoryCandidates(ctx, p.sketch.Bands, l.cfg.Candidates)
	if err != nil {
		return err
	}
	best, bestSim := "", -1.0
	for _, r := range refs {
		if sim, ok := l.cfg.Hasher.Match(p.sketch.Signature, p.sketch.Shingles, r.Signature, r.Shingles); ok && sim > bestSim {
			best, bestSim = r.ArticleKey, sim
		}
	}
	if best != "" {
		p.setCopy(best, false, bestSim)
	}
	return nil
}

func (p *prep) setCopy(key string, exact bool, sim float64) {
	p.copyOf, p.similarity = key, sim
	p.status, p.reason = dyad.StatusNear, fmt.Sprintf("near copy of %s (similarity %.2f)", key, sim)
	if exact {
		p.status, p.reason = dyad.StatusExact, "exact copy of "+key
	}
}
