package token

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// AbbreviationsFile is the table of abbreviations inside Config.FS.
const AbbreviationsFile = "lexicon/abbreviations.txt"

// Config configures a Tokenizer. The zero value uses the embedded tables.
type Config struct {
	// FS holds AbbreviationsFile; nil means the embedded data.FS.
	FS fs.FS
	// Prefix is put before file names in error positions; "" means
	// data.Prefix when FS is nil.
	Prefix string
	// Abbreviations are added to those of the table (without the final
	// period, exact case).
	Abbreviations []string
}

// Tokenizer is the "token" pipeline stage. It is immutable after New and
// safe for concurrent use.
type Tokenizer struct {
	abbrev map[string]struct{}
	// norms holds *normBuf working memory for Process, reused across
	// calls instead of allocated per Doc
	norms sync.Pool
}

// normBuf is the scanner's buffer of norms that differ from their text.
type normBuf struct {
	buf     []byte
	pending []uint32
}

// New loads the abbreviation table and makes a Tokenizer.
func New(c Config) (*Tokenizer, error) {
	fsys, prefix := c.FS, c.Prefix
	if fsys == nil {
		fsys = data.FS
		if prefix == "" {
			prefix = data.Prefix
		}
	}
	t := &Tokenizer{abbrev: make(map[string]struct{}, 128)}
	err := dict.ReadFile(fsys, AbbreviationsFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) != 1 || strings.ContainsAny(f[0], " .") {
			return l.Errorf("want one abbreviation without its final period, got %q", l.Text)
		}
		t.abbrev[f[0]] = struct{}{}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, a := range c.Abbreviations {
		t.abbrev[strings.TrimSuffix(a, ".")] = struct{}{}
	}
	return t, nil
}

// Name is the stage name.
func (t *Tokenizer) Name() string { return "token" }

// Process tokenizes every sentence of d, replacing d.Tokens and setting
// each sentence's FirstToken and EndToken.
func (t *Tokenizer) Process(ctx context.Context, d *dyad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Sentences) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("no sentences: the sentence stage must run before %q", t.Name())
	}
	if d.Tokens == nil {
		d.Tokens = make([]dyad.Token, 0, len(d.Text)/5+8)
	}
	d.Tokens = d.Tokens[:0]
	nb, _ := t.norms.Get().(*normBuf)
	if nb == nil {
		nb = &normBuf{}
	}
	defer t.norms.Put(nb)
	sc := scanner{t: t, text: d.Text, dst: d.Tokens, buf: nb.buf[:0], pending: nb.pending[:0]}
	prevEnd := 0
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if s.Start < prevEnd || s.End < s.Start || s.End > len(d.Text) {
			return fmt.Errorf("sentence %d: span [%d,%d) out of order or outside the text (%d bytes)", i, s.Start, s.End, len(d.Text))
		}
		prevEnd = s.End
		s.FirstToken = len(sc.dst)
		sc.sentence(s.Span, i)
		s.EndToken = len(sc.dst)
	}
	sc.finish()
	d.Tokens = sc.dst
	nb.buf, nb.pending = sc.buf[:0], sc.pending[:0]
	return nil
}

// Append tokenizes text[sp.Start:sp.End] and appends the tokens, marked
// as belonging to sentence sent, to dst. Spans are offsets into text.
func (t *Tokenizer) Append(dst []dyad.Token, text string, sp dyad.Span, sent int) []dyad.Token {
	sc := scanner{t: t, text: text, dst: dst}
	sc.sentence(sp, sent)
	sc.finish()
	return sc.dst
}

// sentence tokenizes one sentence span.
func (sc *scanner) sentence(sp dyad.Span, sent int) {
	text := sc.text
	sc.sent, sc.end = sent, sp.End
	// A period here ends the sentence (see word).
	sc.lastDot = lastDot(text, sp.Start, sp.End)
	i := sp.Start
	for i < sp.End {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:sp.End]); IsSpace(r) {
			i += n
			continue
		}
		k := i + 1
		at := c == '@'
		for k < sp.End {
			c := text[k]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				at = at || c == '@'
				k++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[k:sp.End])
			if IsSpace(r) {
				break
			}
			k += n
		}
		sc.chunk(i, k, at)
		i = k
	}
}

// finish gives the tokens whose Norm differs from their text a Norm
// sliced from one string built for all of them: one allocation per call
// instead of one per capitalised word.
func (sc *scanner) finish() {
	if len(sc.pending) == 0 {
		return
	}
	all := string(sc.buf)
	off := 0
	k := 0
	for i := sc.firstPending; i < len(sc.dst) && k < len(sc.pending); i++ {
		if sc.dst[i].Norm != "" {
			continue
		}
		n := int(sc.pending[k])
		sc.dst[i].Norm = all[off : off+n]
		off += n
		k++
	}
	sc.pending = sc.pending[:0]
	sc.buf = sc.buf[:0]
}

// IsSpace reports whether r separates tokens: Unicode white space plus the
// invisible zero-width space, word joiner and byte-order mark.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// lastDot finds the offset of a sentence-final period: the last '.' of
// the span followed only by closing quotes, brackets and space; -1 if none.
func lastDot(text string, start, end int) int {
	i := end
	for i > start {
		r, n := utf8.DecodeLastRuneInString(text[start:i])
		switch {
		case IsSpace(r) || isCloser(r):
			i -= n
		case r == '.':
			if i-1 > start && text[i-2] == '.' {
				return -1 // an ellipsis, not a period
			}
			return i - 1
		default:
			return -1
		}
	}
	return -1
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '\u2019', '\u201d', '\u00bb', '\u203a':
		return true
	}
	return false
}

type scanner struct {
	t       *Tokenizer
	text    string
	dst     []dyad.Token
	sent    int
	end     int
	lastDot int
	// Norms that differ from their text, back to back in token order,
	// with their lengths; tokens waiting for one have an empty Norm.
	buf          []byte
	pending      []uint32
	firstPending int
}

func (sc *scanner) emit(start, end int, dot bool) {
	w := sc.text[start:end]
	tok := dyad.Token{Span: dyad.Span{Start: start, End: end}, Sentence: sc.sent}
	if !dot && plain(w) {
		tok.Norm = w // the text itself, no copy
	} else {
		if len(sc.pending) == 0 {
			sc.firstPending = len(sc.dst)
			if sc.buf == nil {
				sc.buf = make([]byte, 0, len(sc.text)/8+16)
				sc.pending = make([]uint32, 0, len(sc.text)/40+4)
			}
		}
		n := len(sc.buf)
		sc.buf = appendNorm(sc.buf, w, dot)
		sc.pending = append(sc.pending, uint32(len(sc.buf)-n))
	}
	sc.dst = append(sc.dst, tok)
}

// chunk splits one whitespace-free run text[i:k] into tokens; hasAt
// says whether it holds an '@'.
func (sc *scanner) chunk(i, k int, hasAt bool) {
	s := sc.text
	p := i
	for p < k {
		c := s[p]
		var r rune = rune(c)
		n := 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[p:k])
		}
		switch {
		case isWordRune(r):
			if q := urlEnd(s, p, k); q > p {
				sc.emit(p, q, false)
				p = q
				continue
			}
			if hasAt {
				if q := emailEnd(s, p, k); q > p {
					sc.emit(p, q, false)
					p = q
					continue
				}
			}
			p = sc.word(p, k)
		case (c == '@' || c == '#') && p+1 < k && isHandleStart(s, p+1, k, c == '#'):
			q := p + 1
			for q < k {
				r2, n2 := decode(s, q, k)
				if r2 != '_' && !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.IsMark(r2) {
					break
				}
				q += n2
			}
			sc.emit(p, q, false)
			p = q
		case (c == '\'' || r == '\u2019') && p+n < k:
			q := apostropheToken(s, p, n, k)
			sc.emit(p, q, false)
			p = q
		case c == '.' && p+1 < k && isDigit(s[p+1]) && (p == i || !isDigit(s[p-1])):
			// ".5" is a number.
			q := p + 1
			for q < k && isDigit(s[q]) {
				q++
			}
			sc.emit(p, q, false)
			p = q
		case c < utf8.RuneSelf && groupable[c]:
			q := p + 1
			for q < k && s[q] == c {
				q++
			}
			sc.emit(p, q, false)
			p = q
		default:
			q := p + n
			q = skipMarks(s, q, k)
			sc.emit(p, q, false)
			p = q
		}
	}
}

// groupable ASCII marks form one token when repeated: "...", "--", "!!".
var groupable = [utf8.RuneSelf]bool{'.': true, '-': true, '!': true, '?': true, '*': true, '=': true, '_': true, '`': true, '\'': true, '~': true, '+': true, '#': true}

func decode(s string, p, k int) (rune, int) {
	if c := s[p]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[p:k])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// skipMarks moves past combining marks, joiners and variation selectors,
// which belong to the character before them.
func skipMarks(s string, q, k int) int {
	for q < k && s[q] >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(s[q:k])
		if !unicode.IsMark(r) && r != '\u200d' && r != '\u200c' && !(r >= '\ufe00' && r <= '\ufe0f') {
			break
		}
		q += n
	}
	return q
}

func isHandleStart(s string, p, k int, hashtag bool) bool {
	r, _ := decode(s, p, k)
	if hashtag {
		return unicode.IsLetter(r)
	}
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// word scans a word starting at p and emits it, splitting off clitics and
// keeping an abbreviation's period; it returns the end of what it used.
func (sc *scanner) word(p, k int) int {
	s := sc.text
	q := p
	seg := 0 // letters since the last inner period, for "U.S" vs "end.Next"
	for q < k {
		c := s[q]
		if c < utf8.RuneSelf {
			if isAlnum(c) {
				q++
				seg++
				continue
			}
			if q+1 >= k {
				break
			}
			next := s[q+1]
			prev := s[q-1]
			ok := false
			switch c {
			case '-', '_':
				ok = isAlnum(next) || next >= utf8.RuneSelf && startsWord(s, q+1, k)
			case '.':
				if isDigit(next) {
					ok = isDigit(prev)
				} else if isAlnum(next) {
					ok = seg <= 2 && !isDigit(prev)
				} else if next == '-' && q+2 < k && isAlnum(s[q+2]) && strings.IndexByte(s[p:q], '.') > 0 {
					ok = true // "U.S.-China"
				}
				if ok {
					seg = -1
				}
			case ',':
				ok = isDigit(prev) && threeDigits(s, q+1, k)
			case ':':
				ok = isDigit(prev) && isDigit(next)
			case '\'':
				ok = isLetter(next) || next >= utf8.RuneSelf && startsWord(s, q+1, k)
			case '&':
				ok = isAlnum(prev) && isAlnum(next)
			case '/':
				// "24/7", "and/or", "km/h" stay whole; "WASHINGTON/BRUSSELS"
				// and "Israel/Gaza" are two names.
				ok = isDigit(prev) && isDigit(next) || isAlnum(prev) && isAlnum(next) && seg <= 3 && alnumRun(s, q+1, k) <= 3
			}
			if !ok {
				break
			}
			q++
			seg++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[q:k])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200d' || r == '\u200c' {
			q += n
			seg++
			continue
		}
		if r == '\u2019' && q+n < k && (isLetter(s[q+n]) || s[q+n] >= utf8.RuneSelf && startsWord(s, q+n, k)) {
			q += n
			seg++
			continue
		}
		if (r == '\u2010' || r == '\u2011') && q+n < k && (isAlnum(s[q+n]) || startsWord(s, q+n, k)) {
			q += n // Unicode hyphens join like '-'
			continue
		}
		break
	}
	// A currency written with its country: "US$", "A$", "HK$".
	if q < k && s[q] == '$' && q-p <= 2 && isUpperASCII(s[p:q]) {
		sc.emit(p, q+1, false)
		return q + 1
	}
	// Clitics: "China's" -> "China" "'s", "don't" -> "do" "n't".
	w := s[p:q]
	if cut := cliticCut(w); cut > 0 {
		sc.emit(p, p+cut, false)
		p += cut
	}
	// A period after an abbreviation or initial belongs to it, except at
	// the end of the sentence, where it is the sentence's own token; the
	// abbreviation's Norm keeps the period ("u.s.") either way.
	if q < k && s[q] == '.' && (q+1 >= k || s[q+1] != '.') && sc.t.isAbbrev(s[p:q]) {
		if q == sc.lastDot {
			sc.emit(p, q, true)
			return q
		}
		sc.emit(p, q+1, false)
		return q + 1
	}
	sc.emit(p, q, false)
	return q
}

// alnumRun counts the ASCII letters and digits from p.
func alnumRun(s string, p, k int) int {
	n := 0
	for p+n < k && isAlnum(s[p+n]) {
		n++
	}
	return n
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

func isLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

func startsWord(s string, p, k int) bool {
	r, _ := decode(s, p, k)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func threeDigits(s string, p, k int) bool {
	if p+3 > k || !isDigit(s[p]) || !isDigit(s[p+1]) || !isDigit(s[p+2]) {
		return false
	}
	return p+3 == k || !isDigit(s[p+3])
}

// cliticCut returns where a clitic starts in w, or 0 when w has none.
func cliticCut(w string) int {
	n := len(w)
	if n < 3 {
		return 0
	}
	// Every clitic below has its ' or ’ (whose last byte is 0x99) within
	// the last five bytes: most words have neither, and are done here.
	mark := false
	for i := max(0, n-5); i < n; i++ {
		if w[i] == '\'' || w[i] == 0x99 {
			mark = true
			break
		}
	}
	if !mark {
		return 0
	}
	// n't / n’t
	if l := lowerASCII(w[n-1]); l == 't' {
		if n > 3 && w[n-2] == '\'' && lowerASCII(w[n-3]) == 'n' {
			return n - 3
		}
		if n > 5 && w[n-4:n-1] == "\u2019" && lowerASCII(w[n-5]) == 'n' {
			return n - 5
		}
	}
	// 's 're 've 'll 'd 'm, with ' or ’
	for _, suf := range [...]string{"s", "d", "m", "re", "ve", "ll"} {
		if n <= len(suf)+1 || !hasSuffixFold(w, suf) {
			continue
		}
		a := n - len(suf)
		if w[a-1] == '\'' && a-1 > 0 {
			return a - 1
		}
		if a-3 > 0 && w[a-3:a] == "\u2019" {
			return a - 3
		}
	}
	return 0
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func hasSuffixFold(w, suf string) bool {
	if len(w) < len(suf) {
		return false
	}
	t := w[len(w)-len(suf):]
	for i := 0; i < len(suf); i++ {
		if lowerASCII(t[i]) != suf[i] {
			return false
		}
	}
	return true
}

// apostropheToken handles a ' or ’ that starts a token: a bare clitic
// ("'s" written apart), a decade ("'90s") or else the mark alone.
func apostropheToken(s string, p, n, k int) int {
	q := p + n
	e := q
	for e < k && isAlnum(s[e]) {
		e++
	}
	w := s[q:e]
	if e == k || !isAlnum(s[e]) && s[e] < utf8.RuneSelf && s[e] != '\'' {
		switch strings.ToLower(w) {
		case "s", "re", "ve", "ll", "d", "m", "em":
			return e
		}
		if len(w) >= 2 && isDigit(w[0]) && isDigit(w[1]) && (len(w) == 2 || len(w) == 3 && w[2] == 's') {
			return e
		}
	}
	if s[p] == '\'' {
		for q < k && s[q] == '\'' {
			q++
		}
	}
	return q
}

func (t *Tokenizer) isAbbrev(w string) bool {
	if w == "" {
		return false
	}
	if len(w) == 1 {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	if strings.IndexByte(w, '.') > 0 {
		return true // U.S, a.m, Ph.D
	}
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	_, ok := t.abbrev[w]
	return ok
}

// urlEnd returns the end of a URL starting at p, or p when there is none.
func urlEnd(s string, p, k int) int {
	if c := lowerASCII(s[p]); c != 'h' && c != 'w' {
		return p
	}
	w := s[p:k]
	if !(hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "www.") && len(w) > 5) {
		return p
	}
	q := k
	// Trailing punctuation is the sentence's, not the URL's; a ')' stays
	// when the URL opened one.
	for q > p {
		r, n := utf8.DecodeLastRuneInString(s[p:q])
		if r == ')' && strings.Count(s[p:q], "(") >= strings.Count(s[p:q], ")") {
			break
		}
		if !strings.ContainsRune(".,;:!?\"')]}>\u2019\u201d\u00bb", r) {
			break
		}
		q -= n
	}
	return q
}

func hasPrefixFold(w, pre string) bool {
	if len(w) < len(pre) {
		return false
	}
	for i := 0; i < len(pre); i++ {
		if lowerASCII(w[i]) != pre[i] {
			return false
		}
	}
	return true
}

// emailEnd returns the end of an e-mail address starting at p, or p.
func emailEnd(s string, p, k int) int {
	q := p
	for q < k && (isAlnum(s[q]) || strings.IndexByte("._%+-", s[q]) >= 0) {
		q++
	}
	if q == p || q >= k || s[q] != '@' {
		return p
	}
	q++
	d := q
	dots := 0
	for q < k && (isAlnum(s[q]) || s[q] == '.' || s[q] == '-') {
		if s[q] == '.' {
			dots++
		}
		q++
	}
	for q > d && (s[q-1] == '.' || s[q-1] == '-') {
		q--
		dots = strings.Count(s[d:q], ".")
	}
	if dots == 0 || q-d < 3 {
		return p
	}
	return q
}

// Norm is the normalised form of a token's text: lower case, curly quotes
// and guillemets folded to ' and ", en and em dashes to -. dot appends a
// period (an abbreviation whose period was split off at sentence end).
func Norm(w string, dot bool) string {
	if !dot && plain(w) {
		return w
	}
	return string(appendNorm(make([]byte, 0, len(w)+1), w, dot))
}

// plain: ASCII without capitals, so the text is its own Norm.
func plain(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func appendNorm(b []byte, w string, dot bool) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032':
			b = append(b, '\'')
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			b = append(b, '"')
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			b = append(b, '-')
		case utf8.RuneError:
			b = append(b, w[i-n:i]...) // keep invalid bytes as they are
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	if dot {
		b = append(b, '.')
	}
	return b
}
