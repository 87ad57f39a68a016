// Command gencameo derives dyad's CAMEO tables (data/cameo/codes.txt and
// data/cameo/plover.txt) from the pinned reference files in
// ../shared/reference. It is run by `go generate ./ontology`; its output is
// committed, so neither the build nor the engine needs the references.
//
// What it does, in order:
//  1. codes: the 311 codes of the GDELT lookup files (label + Goldstein),
//     plus the codes that only the CAMEO codefile lists (ICEWS additions
//     1213, 1214, 1951, 1952), which take their parent's Goldstein value.
//  2. QuadClass from the root: 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4.
//  3. PLOVER: the CAMEO2PLOVER-2021 rows; 2-digit roots take the table's
//     root header ("03: AGREE"; the first one when a root has two);
//     codes the table lacks take their parent's mapping. PLOVER does not
//     code roots 01 and 02 at all, so dyad supplies them (see supplement).
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	ref := flag.String("ref", filepath.Join("..", "..", "shared", "reference"), "reference folder (cameo-codes/, plover/)")
	out := flag.String("out", filepath.Join("..", "data", "cameo"), "output folder")
	flag.Parse()
	if err := run(*ref, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencameo:", err)
		os.Exit(1)
	}
}

func run(ref, out string) error {
	read := func(rel string) ([]byte, error) { return os.ReadFile(filepath.Join(ref, rel)) }
	labels, err := read("cameo-codes/GDELT.CAMEO.eventcodes.txt")
	if err != nil {
		return err
	}
	gold, err := read("cameo-codes/GDELT.CAMEO.goldsteinscale.txt")
	if err != nil {
		return err
	}
	codefile, err := read("cameo-codes/CAMEO_codefile.txt")
	if err != nil {
		return err
	}
	plover, err := read("plover/CAMEO2PLOVER-2021.txt")
	if err != nil {
		return err
	}
	codes, err := buildCodes(labels, gold, codefile)
	if err != nil {
		return err
	}
	maps, err := buildPlover(codes, plover)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "codes.txt"), formatCodes(codes), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "plover.txt"), formatPlover(maps), 0o644)
}

// code is one row of codes.txt.
type code struct {
	Code, Label, Goldstein string
	Quad                   int
	Basis                  string
}

// mapping is one row of plover.txt.
type mapping struct {
	Code, Type, Mode, Context, Basis string
}

// lines yields the non-empty lines of a reference file with their numbers.
func lines(data []byte, each func(n int, s string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	var errs []error
	for sc.Scan() {
		n++
		s := strings.TrimRight(sc.Text(), " \t\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if err := each(n, s); err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", n, err))
		}
	}
	return errors.Join(append(errs, sc.Err())...)
}

func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	r, _ := strconv.Atoi(s[:2])
	return r >= 1 && r <= 20
}

func parent(c string) string {
	if len(c) <= 2 {
		return ""
	}
	return c[:len(c)-1]
}

func quad(c string) int {
	r, _ := strconv.Atoi(c[:2])
	switch {
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	default:
		return 4
	}
}

func cleanLabel(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// garbled reports a label with non-ASCII bytes: the GDELT file has one,
// 044 "Meet at a ÒhirdÓlocation" (curly quotes lost in an encoding
// round trip); the codefile's wording is used instead.
func garbled(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// twoCols reads a GDELT lookup file: a header line, then CODE<TAB>VALUE.
func twoCols(name string, data []byte) (map[string]string, []string, error) {
	m := map[string]string{}
	var order []string
	first := true
	err := lines(data, func(n int, s string) error {
		if first {
			first = false
			if strings.HasPrefix(s, "CAMEOEVENTCODE\t") {
				return nil
			}
		}
		f := strings.Split(s, "\t")
		if len(f) != 2 || !isCode(f[0]) {
			return fmt.Errorf("%s: want CODE<TAB>VALUE, got %q", name, s)
		}
		if _, dup := m[f[0]]; dup {
			return fmt.Errorf("%s: duplicate code %s", name, f[0])
		}
		m[f[0]] = f[1]
		order = append(order, f[0])
		return nil
	})
	return m, order, err
}

func buildCodes(labelData, goldData, codefile []byte) ([]code, error) {
	labels, order, err := twoCols("GDELT.CAMEO.eventcodes.txt", labelData)
	if err != nil {
		return nil, err
	}
	gold, _, err := twoCols("GDELT.CAMEO.goldsteinscale.txt", goldData)
	if err != nil {
		return nil, err
	}
	// Codes the CAMEO codefile adds (LABEL lines; LABELi are ICEWS wordings
	// of codes already listed). The last LABEL of a code wins: the file
	// repeats 018 to fix a typo.
	cf := map[string]string{}
	var cfOrder []string
	err = lines(codefile, func(n int, s string) error {
		rest, ok := strings.CutPrefix(s, "LABEL: ")
		if !ok {
			return nil
		}
		c, label, ok := strings.Cut(rest, "=")
		if strings.HasSuffix(c, "i") {
			return nil // "LABEL: 0811i=": an ICEWS wording filed without LABELi
		}
		if !ok || !isCode(c) {
			return fmt.Errorf("CAMEO_codefile.txt: bad LABEL line %q", s)
		}
		if _, seen := cf[c]; !seen {
			cfOrder = append(cfOrder, c)
		}
		cf[c] = cleanLabel(label)
		return nil
	})
	if err != nil {
		return nil, err
	}
	byCode := map[string]*code{}
	var codes []code
	for _, c := range order {
		g, ok := gold[c]
		if !ok {
			return nil, fmt.Errorf("code %s has a label but no Goldstein value", c)
		}
		if _, err := strconv.ParseFloat(g, 64); err != nil {
			return nil, fmt.Errorf("code %s: Goldstein %q: %v", c, g, err)
		}
		label := cleanLabel(labels[c])
		if garbled(label) {
			if cf[c] == "" {
				return nil, fmt.Errorf("code %s: label %q is garbled and the codefile has none", c, label)
			}
			label = cf[c]
		}
		codes = append(codes, code{Code: c, Label: label, Goldstein: g, Quad: quad(c), Basis: "gdelt"})
	}
	if len(gold) != len(labels) {
		return nil, fmt.Errorf("%d labels but %d Goldstein values", len(labels), len(gold))
	}
	for i := range codes {
		byCode[codes[i].Code] = &codes[i]
	}
	for _, c := range cfOrder {
		if _, known := labels[c]; known {
			continue
		}
		p := byCode[parent(c)]
		if p == nil {
			return nil, fmt.Errorf("codefile code %s: parent %s is not a GDELT code", c, parent(c))
		}
		codes = append(codes, code{Code: c, Label: cf[c], Goldstein: p.Goldstein, Quad: quad(c), Basis: "codefile"})
	}
	slices.SortFunc(codes, func(a, b code) int { return strings.Compare(a.Code, b.Code) })
	return codes, nil
}

// ploverField tidies a mode or context cell: trimmed, and a list such as
// "crime; corruption" written "crime;corruption".
func ploverField(s string) string {
	parts := strings.Split(s, ";")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ";")
}

// parsePlover reads CAMEO2PLOVER-2021.txt: "CODE: TYPE, mode, context # note"
// rows, "NN: TYPE" root headers, '#' comments and a closing "~~~~~" rule.
func parsePlover(data []byte) (rows map[string]mapping, headers map[string]string, err error) {
	rows = map[string]mapping{}
	headers = map[string]string{}
	err = lines(data, func(n int, s string) error {
		if strings.HasPrefix(s, "#") || strings.Trim(s, "~") == "" {
			return nil
		}
		if i := strings.Index(s, "#"); i >= 0 {
			s = s[:i]
		}
		c, rest, ok := strings.Cut(s, ":")
		c = strings.TrimSpace(c)
		if !ok || !isCode(c) {
			return fmt.Errorf("CAMEO2PLOVER: want CODE: TYPE, mode, context; got %q", s)
		}
		f := strings.Split(rest, ",")
		typ := strings.TrimSpace(f[0])
		if typ == "" || strings.ToUpper(typ) != typ || strings.ContainsAny(typ, " \t") {
			return fmt.Errorf("CAMEO2PLOVER: code %s: bad event type %q", c, typ)
		}
		if len(c) == 2 {
			if len(f) != 1 {
				return fmt.Errorf("CAMEO2PLOVER: root header %s has fields after the type", c)
			}
			if _, seen := headers[c]; !seen {
				headers[c] = typ
			}
			return nil
		}
		if len(f) != 3 {
			return fmt.Errorf("CAMEO2PLOVER: code %s: want 3 comma-separated fields, got %d", c, len(f))
		}
		m := mapping{Code: c, Type: typ, Mode: ploverField(f[1]), Context: ploverField(f[2]), Basis: "plover"}
		if old, dup := rows[c]; dup && old != m {
			return fmt.Errorf("CAMEO2PLOVER: code %s mapped twice, differently", c)
		}
		rows[c] = m
		return nil
	})
	return rows, headers, err
}

// supplement maps the roots PLOVER leaves out. The PLOVER manual drops
// CAMEO 01 (statements) and 02 (appeals) as "comments"; dyad still needs a
// type on every event. Appeals are weaker requests, and 02x mirrors 10x
// code for code (0211 ↔ 1011 …), so 02x takes its 10x twin's mapping.
// Statements have no PLOVER counterpart: they get the type STATEMENT,
// which is dyad's, not PLOVER's, so exports can tell them apart.
func supplement(c string, rows map[string]mapping) (mapping, bool) {
	switch c[:2] {
	case "01":
		return mapping{Code: c, Type: "STATEMENT", Basis: "dyad:not-in-plover"}, true
	case "02":
		if len(c) == 2 {
			return mapping{Code: c, Type: "REQUEST", Basis: "dyad:as-10"}, true
		}
		twin := "10" + c[2:]
		if m, ok := rows[twin]; ok {
			return mapping{Code: c, Type: m.Type, Mode: m.Mode, Context: m.Context, Basis: "dyad:as-" + twin}, true
		}
	}
	return mapping{}, false
}

func buildPlover(codes []code, data []byte) ([]mapping, error) {
	rows, headers, err := parsePlover(data)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, c := range codes {
		known[c.Code] = true
	}
	var unknown []string
	for c := range rows {
		if !known[c] {
			unknown = append(unknown, c)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, fmt.Errorf("CAMEO2PLOVER maps codes that are not CAMEO codes: %v", unknown)
	}
	done := map[string]mapping{}
	var out []mapping
	// codes is sorted, so a parent is always resolved before its children.
	for _, c := range codes {
		m, ok := supplement(c.Code, rows)
		switch {
		case ok:
		case rows[c.Code].Type != "":
			m = rows[c.Code]
		case len(c.Code) == 2 && headers[c.Code] != "":
			m = mapping{Code: c.Code, Type: headers[c.Code], Basis: "plover:root"}
		default:
			p, found := done[parent(c.Code)]
			if !found {
				return nil, fmt.Errorf("code %s: no PLOVER mapping for it or its parent", c.Code)
			}
			m = mapping{Code: c.Code, Type: p.Type, Mode: p.Mode, Context: p.Context, Basis: "parent:" + p.Code}
		}
		done[c.Code] = m
		out = append(out, m)
	}
	return out, nil
}

const header = "# Generated by ontology/internal/gencameo (go generate ./ontology). DO NOT EDIT.\n" +
	"# Sources and licenses: PROVENANCE.md in this folder.\n"

func formatCodes(codes []code) []byte {
	var b bytes.Buffer
	b.WriteString("# CAMEO event codes.\n" + header +
		"# Labels and Goldstein values: GDELT CAMEO lookup files (cite the GDELT Project);\n" +
		"# codefile labels: text_to_CAMEO, MIT License, Copyright (c) 2014 Philip Schrodt.\n" +
		"# code<TAB>label<TAB>Goldstein<TAB>QuadClass<TAB>basis\n" +
		"# basis: gdelt = label and Goldstein from the GDELT lookup files;\n" +
		"#        codefile = label from CAMEO_codefile.txt (ICEWS addition), Goldstein of the parent code.\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d\t%s\n", c.Code, c.Label, c.Goldstein, c.Quad, c.Basis)
	}
	return b.Bytes()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func formatPlover(maps []mapping) []byte {
	var b bytes.Buffer
	b.WriteString("# CAMEO code -> PLOVER event type, mode, context.\n" + header +
		"# Adapted from CAMEO2PLOVER-2021.txt (PLOVER, Open Event Data Alliance), licensed CC BY-SA 4.0;\n" +
		"# this adaptation is licensed CC BY-SA 4.0 too (changes: see PROVENANCE.md).\n" +
		"# code<TAB>type<TAB>mode<TAB>context<TAB>basis   (\"-\" = none; a context list is ';'-separated)\n" +
		"# basis: plover = row of CAMEO2PLOVER-2021.txt; plover:root = its root header;\n" +
		"#        parent:CODE = not in the table, inherited from CODE;\n" +
		"#        dyad:as-CODE = appeal (02x) mapped like its demand twin (10x); dyad:not-in-plover = statement (01x).\n")
	for _, m := range maps {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", m.Code, m.Type, dash(m.Mode), dash(m.Context), m.Basis)
	}
	return b.Bytes()
}
