package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Config sets the sketch and the match rule. The zero value is the default:
// 4-word shingles, 120 hashes in 40 bands of 3, a near copy at estimated
// Jaccard 0.5 or containment 0.8.
type Config struct {
	Shingle int // words per shingle
	Hashes  int // MinHash signature length; a multiple of Rows
	Rows    int // signature rows per LSH band
	// Jaccard is the estimated Jaccard similarity from which two texts are
	// copies of one story.
	Jaccard float64
	// Containment is the estimated share of the shorter text's shingles
	// found in the longer one from which a trimmed text is a copy, provided
	// the shorter has at least MinRatio of the longer's shingles.
	Containment float64
	MinRatio    float64
}

func (c Config) withDefaults() Config {
	if c.Shingle <= 0 {
		c.Shingle = 4
	}
	if c.Rows <= 0 {
		c.Rows = 3
	}
	if c.Hashes <= 0 {
		c.Hashes = 120
	}
	if c.Hashes%c.Rows != 0 {
		c.Hashes += c.Rows - c.Hashes%c.Rows
	}
	if c.Jaccard <= 0 {
		c.Jaccard = 0.5
	}
	if c.Containment <= 0 {
		c.Containment = 0.8
	}
	if c.MinRatio <= 0 {
		c.MinRatio = 0.25
	}
	return c
}

// Hasher makes sketches and compares them. It is safe for concurrent use.
type Hasher struct {
	cfg  Config
	a, b []uint64 // the hash family: h_i(x) = a_i*x + b_i, top 32 bits
}

// New makes a Hasher. Its hash family is fixed by the config so that
// sketches stored by one run compare with those of the next.
func New(cfg Config) *Hasher {
	cfg = cfg.withDefaults()
	h := &Hasher{cfg: cfg, a: make([]uint64, cfg.Hashes), b: make([]uint64, cfg.Hashes)}
	s := uint64(0x9e3779b97f4a7c15)
	for i := range cfg.Hashes {
		h.a[i] = splitmix(&s) | 1
		h.b[i] = splitmix(&s)
	}
	return h
}

// Config returns the settings in force, defaults filled in.
func (h *Hasher) Config() Config { return h.cfg }

func splitmix(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	z := *s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Sketch is what dedup keeps of a text.
type Sketch struct {
	Hash      string   // hex SHA-256 of the normalised text, for exact copies
	Signature []uint32 // MinHash signature
	Bands     []int64  // LSH band keys
	Shingles  int      // distinct shingles
}

// Normalize folds a text to lower-case words of letters and digits
// separated by single spaces, so that spacing, punctuation, quote style
// and case do not make two copies differ.
func Normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r == '\'' || r == '’' || unicode.Is(unicode.Mn, r) {
			continue // keep "don't" one word, keep combining marks on their letter
		}
		space = true
	}
	return b.String()
}

// TextHash is the exact-copy key of a text: hex SHA-256 of Normalize(text).
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(Normalize(text)))
	return hex.EncodeToString(sum[:])
}

// ArticleKey identifies an input article for idempotent ingest: the same
// id, URL and text give the same key, whatever run reads them.
func ArticleKey(a dyad.Article) string {
	h := sha256.New()
	h.Write([]byte(a.ID))
	h.Write([]byte{0})
	h.Write([]byte(a.URL))
	h.Write([]byte{0})
	h.Write([]byte(Normalize(a.Text)))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Sketch computes a text's sketch.
func (h *Hasher) Sketch(text string) Sketch {
	norm := Normalize(text)
	sum := sha256.Sum256([]byte(norm))
	sk := Sketch{Hash: hex.EncodeToString(sum[:])}
	shingles := h.shingles(norm)
	sk.Shingles = len(shingles)
	sig := make([]uint32, h.cfg.Hashes)
	for i := range sig {
		// Hash-major order keeps a, b and the minimum in registers.
		a, b, m := h.a[i], h.b[i], ^uint32(0)
		for _, x := range shingles {
			if v := uint32((a*x + b) >> 32); v < m {
				m = v
			}
		}
		sig[i] = m
	}
	sk.Signature = sig
	sk.Bands = h.BandKeys(sig)
	return sk
}

// shingles returns the distinct hashes of the k-word windows of a
// normalised text; a text shorter than k words is one shingle.
func (h *Hasher) shingles(norm string) []uint64 {
	if norm == "" {
		return nil
	}
	starts := []int{0}
	for i := 0; i < len(norm); i++ {
		if norm[i] == ' ' {
			starts = append(starts, i+1)
		}
	}
	k := h.cfg.Shingle
	seen := make(map[uint64]struct{}, len(starts))
	var out []uint64
	add := func(s string) {
		f := fnv.New64a()
		f.Write([]byte(s))
		x := f.Sum64()
		if _, ok := seen[x]; !ok {
			seen[x] = struct{}{}
			out = append(out, x)
		}
	}
	if len(starts) <= k {
		add(norm)
		return out
	}
	for i := 0; i+k <= len(starts); i++ {
		end := len(norm)
		if i+k < len(starts) {
			end = starts[i+k] - 1
		}
		add(norm[starts[i]:end])
	}
	return out
}

// BandKeys hashes each band of a signature, with its band number, to one
// key; two texts whose signatures agree on a whole band share that key.
func (h *Hasher) BandKeys(sig []uint32) []int64 {
	r := h.cfg.Rows
	keys := make([]int64, 0, len(sig)/r)
	var buf [4]byte
	for band := 0; band+r <= len(sig); band += r {
		f := fnv.New64a()
		binary.LittleEndian.PutUint32(buf[:], uint32(band/r))
		f.Write(buf[:])
		for _, v := range sig[band : band+r] {
			binary.LittleEndian.PutUint32(buf[:], v)
			f.Write(buf[:])
		}
		keys = append(keys, int64(f.Sum64()))
	}
	return keys
}

// Jaccard estimates the Jaccard similarity of two texts' shingle sets from
// their signatures: the share of positions where they agree.
func Jaccard(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// Match decides whether a text with signature sig and n shingles copies a
// story with signature other and m shingles, and returns the estimated
// Jaccard similarity.
func (h *Hasher) Match(sig []uint32, n int, other []uint32, m int) (float64, bool) {
	j := Jaccard(sig, other)
	if j >= h.cfg.Jaccard {
		return j, true
	}
	small, large := min(n, m), max(n, m)
	if small == 0 || float64(small) < h.cfg.MinRatio*float64(large) {
		return j, false
	}
	inter := j * float64(n+m) / (1 + j)
	return j, inter/float64(small) >= h.cfg.Containment
}

// ValidText reports whether text has anything to hash; texts without
// letters or digits are never copies of each other.
func ValidText(text string) bool {
	for len(text) > 0 {
		r, size := utf8.DecodeRuneInString(text)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		text = text[size:]
	}
	return false
}
