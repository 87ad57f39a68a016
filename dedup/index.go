package dedup

import "sync"

// Index finds copies among sketches held in memory: the articles of a run
// that are not yet stored, or a whole small collection. It is safe for
// concurrent use.
type Index struct {
	h       *Hasher
	mu      sync.Mutex
	seq     int
	entries map[string]entry   // by key
	byHash  map[string]string  // text hash -> first key
	bands   map[int64][]string // band key -> keys, in insertion order
}

type entry struct {
	seq int
	sk  Sketch
}

// Match is a story an article copies.
type Match struct {
	Key        string
	Exact      bool
	Similarity float64
}

// NewIndex makes an empty index comparing with h's rule.
func NewIndex(h *Hasher) *Index {
	return &Index{h: h, entries: map[string]entry{}, byHash: map[string]string{}, bands: map[int64][]string{}}
}

// Len is the number of sketches held.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.entries)
}

// Add holds a sketch under key; a key already held is left as it is.
func (x *Index) Add(key string, sk Sketch) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, ok := x.entries[key]; ok {
		return
	}
	x.seq++
	x.entries[key] = entry{seq: x.seq, sk: sk}
	if _, ok := x.byHash[sk.Hash]; !ok {
		x.byHash[sk.Hash] = key
	}
	for _, b := range sk.Bands {
		x.bands[b] = append(x.bands[b], key)
	}
}

// Remove drops a key (once its article is stored and the store answers).
func (x *Index) Remove(key string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	e, ok := x.entries[key]
	if !ok {
		return
	}
	delete(x.entries, key)
	if x.byHash[e.sk.Hash] == key {
		delete(x.byHash, e.sk.Hash)
	}
	for _, b := range e.sk.Bands {
		keys := x.bands[b]
		for i, k := range keys {
			if k == key {
				keys = append(keys[:i:i], keys[i+1:]...)
				break
			}
		}
		if len(keys) == 0 {
			delete(x.bands, b)
		} else {
			x.bands[b] = keys
		}
	}
}

// Find returns the held story sk copies: the exact copy if there is one,
// else the most similar near copy, the earliest added on ties.
func (x *Index) Find(sk Sketch) (Match, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if k, ok := x.byHash[sk.Hash]; ok {
		return Match{Key: k, Exact: true, Similarity: 1}, true
	}
	var best Match
	bestSeq, found := 0, false
	seen := map[string]bool{}
	for _, b := range sk.Bands {
		for _, k := range x.bands[b] {
			if seen[k] {
				continue
			}
			seen[k] = true
			e := x.entries[k]
			sim, ok := x.h.Match(sk.Signature, sk.Shingles, e.sk.Signature, e.sk.Shingles)
			if !ok {
				continue
			}
			if !found || sim > best.Similarity || (sim == best.Similarity && e.seq < bestSeq) {
				best, bestSeq, found = Match{Key: k, Similarity: sim}, e.seq, true
			}
		}
	}
	return best, found
}
