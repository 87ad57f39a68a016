package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyadproject/dyad/dict"
)

// pinned are the SHA-256 sums of the Phoenix files this tool was written
// for (petrarch2 commit 676801cd); other versions are refused so that the
// committed tables always match data/actors/PROVENANCE.md.
var pinned = map[string]string{
	srcCountries:     "8d4ee11692ccb1636a5cf4421849c420508acbd9b930adab457472b843276506",
	srcInternational: "6fafbbe39bc47858edb9262411ab005b97977818237f85f3808fd11701a3ad2c",
	srcMilNonState:   "78496d642ceb3501137f12a3d8af7820b139319200b5ecffa05f0f91a2508f3b",
}

// Output files, in data/actors/.
const (
	outPeople = "people-phoenix.txt"
	outGroups = "groups-phoenix.txt"
	outOrgs   = "orgs-phoenix.txt"
)

func main() {
	ref := flag.String("ref", "../../../shared/reference/petrarch2-dictionaries", "folder of the Phoenix actor dictionaries")
	dataDir := flag.String("data", "../../data", "the repository's data folder (hand-written actor tables, lexicon, places)")
	fix := flag.String("fix", "fix.tsv", "code conversions and word lists")
	out := flag.String("out", "../../data/actors", "output folder")
	flag.Parse()
	if err := run(*ref, *dataDir, *fix, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "genphoenix:", err)
		os.Exit(1)
	}
}

func run(refDir, dataDir, fixPath, outDir string, log io.Writer) error {
	fx, err := readFixes(os.DirFS(filepath.Dir(fixPath)), filepath.Base(fixPath))
	if err != nil {
		return err
	}
	w, err := loadWorld(dataDir, fx)
	if err != nil {
		return err
	}
	var raw []rawEntry
	for _, name := range []string{srcCountries, srcInternational, srcMilNonState} {
		b, err := os.ReadFile(filepath.Join(refDir, name))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != pinned[name] {
			return fmt.Errorf("%s has SHA-256 %s; this tool is pinned to %s (petrarch2 commit 676801cd)", name, got, pinned[name])
		}
		es, bad, err := readPhoenix(bytes.NewReader(b), name)
		if err != nil {
			return err
		}
		fmt.Fprintf(log, "%s: %d entries, %d malformed codes skipped\n", name, len(es), bad)
		raw = append(raw, es...)
	}
	tabs := w.build(raw)
	for _, f := range []struct {
		name, kind, what string
	}{
		{outPeople, "person", "people with their date-bounded roles"},
		{outGroups, "group", "named armed groups with the country or region they operate in"},
		{outOrgs, "org", "international organisations (IGO) and non-governmental organisations (NGO)"},
	} {
		ls := tabs[f.kind]
		fmt.Fprintf(log, "%s: %d lines\n", f.name, len(ls))
		if err := writeTable(filepath.Join(outDir, f.name), f.what, ls); err != nil {
			return err
		}
	}
	return nil
}

// build converts, merges and resolves the entries and renders them per kind.
func (w *world) build(raw []rawEntry) map[string][]string {
	w.firstNames = firstNames(w, raw)
	es := w.resolve(mergePeople(w.convert(raw)))
	return map[string][]string{
		"person": lines(es, "person"),
		"group":  lines(es, "group"),
		"org":    lines(es, "org"),
	}
}

// firstNames are the words that begin the names of two or more people:
// alone they do not say who is meant ("Abdullah", "Hussein").
func firstNames(w *world, raw []rawEntry) map[string]bool {
	count := map[string]map[string]bool{}
	for _, r := range raw {
		if r.file == srcMilNonState {
			continue
		}
		for _, n := range r.names {
			ws := words(n)
			_, i := w.leading(ws)
			ws = ws[i:]
			if len(ws) < 2 || len(ws) > 5 || !w.nameLike(ws) {
				continue
			}
			f := strings.ToLower(ws[0])
			if w.lexicon[f] {
				continue // "united", "national": not a first name
			}
			if count[f] == nil {
				count[f] = map[string]bool{}
			}
			count[f][strings.Join(ws, " ")] = true
		}
	}
	out := map[string]bool{}
	for f, names := range count {
		if len(names) >= 2 {
			out[f] = true
		}
	}
	return out
}

// nameLike reports whether words can be a person's name: name characters
// only, no function, organisation or institution word.
func (w *world) nameLike(ws []string) bool {
	for _, x := range ws {
		lx := strings.ToLower(x)
		if !nameChars(x) || functionWords[lx] || w.fx.orgword[lx] || w.fx.nonname[lx] {
			return false
		}
	}
	return true
}

// loadWorld reads what the tool needs from the repository's data folder.
func loadWorld(dataDir string, fx *fixes) (*world, error) {
	w := &world{
		fx: fx, countries: map[string]bool{}, regions: map[string]bool{}, countryWords: map[string]bool{},
		lexicon: map[string]bool{}, places: map[string]bool{}, hand: map[string][]string{},
	}
	fsys := os.DirFS(dataDir)
	outputs := map[string]bool{outPeople: true, outGroups: true, outOrgs: true}
	names, err := dict.Files(fsys, "actors", ".txt")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if outputs[filepath.Base(name)] {
			continue
		}
		err := dict.ReadFile(fsys, name, "data/", func(l dict.Line) error {
			f := l.Fields()
			if len(f) < 3 {
				return l.Errorf("want CODE KIND phrases")
			}
			code, kind := f[0], f[1]
			for _, p := range strings.Split(f[2], "|") {
				k := key(p)
				if k == "" {
					continue
				}
				if !containsStr(w.hand[k], kind) {
					w.hand[k] = append(w.hand[k], kind)
				}
				if kind == "country" || kind == "adj" {
					// Single words only: they are what may precede a name.
					if !strings.Contains(k, " ") {
						w.countryWords[k] = true
					}
				}
			}
			switch kind {
			case "country":
				w.countries[code] = true
			case "region":
				w.regions[code[:min(3, len(code))]] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(w.countries) < 200 {
		return nil, fmt.Errorf("%s/actors: found %d countries, want the generated countries.txt", dataDir, len(w.countries))
	}
	err = dict.ReadFile(fsys, "lexicon/words.txt", "data/", func(l dict.Line) error {
		word, _, _ := strings.Cut(l.Text, "\t")
		if word != "" && strings.ToLower(word) == word {
			w.lexicon[word] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	w.abbrev = map[string]bool{}
	err = dict.ReadFile(fsys, "lexicon/abbreviations.txt", "data/", func(l dict.Line) error {
		w.abbrev[l.Text] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = dict.ReadFile(fsys, "places/cities.tsv", "data/", func(l dict.Line) error {
		name, _, _ := strings.Cut(l.Text, "\t")
		if !strings.Contains(name, " ") {
			w.places[strings.ToLower(name)] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// header is the comment at the top of every output file.
const header = `# Generated by internal/genphoenix (go generate ./internal/genphoenix/); DO NOT EDIT.
# %s, derived from the Phoenix actor dictionaries of
# PETRARCH2 (github.com/openeventdata/petrarch2, commit 676801cd, data/dictionaries/
# Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt).
# Only facts are taken (a name, a code, a date range); codes are converted to dyad's
# conventions (one agent per code, ISO 3166-1 countries) and the original code is kept in
# the note. Entries that the hand-written tables already cover, and phrases that are
# ambiguous or common words, are left out: see internal/genphoenix and PROVENANCE.md.
# Change fix.tsv or the hand-written tables, not this file.
#
# The Phoenix dictionaries are under the MIT License:
#
# Copyright (c) 2014 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
# THE SOFTWARE.
#
# CODE	KIND	phrases	FROM	TO	note
`

func writeTable(path, what string, ls []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, header, what)
	for _, l := range ls {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
