package petrarch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/dict"
)

// ImportConfig says what to import and where to.
type ImportConfig struct {
	ActorFiles []string
	AgentFiles []string
	// OutDir is the user dictionary folder; tables go to OutDir/actors/.
	OutDir string
	// Options steer the conversion of the actor files.
	Options Options
}

// Imported is one table written.
type Imported struct {
	*Result
	Output string // the file written, OutDir/actors/NAME.txt
}

// Import converts the dictionaries, writes one table per input file into
// OutDir/actors/ (a name made from the input's: PETR.Validate.actors.txt
// -> petr-validate-actors.txt; existing files of that name are replaced)
// and checks that the folder loads as dyad loads user dictionaries. The
// lines not converted are in each Result; the error is for what stopped
// the import (a file not read or not written, or tables dyad cannot load).
func Import(ctx context.Context, cfg ImportConfig) ([]Imported, error) {
	if len(cfg.ActorFiles)+len(cfg.AgentFiles) == 0 {
		return nil, errors.New("no dictionary files to import")
	}
	if cfg.OutDir == "" {
		cfg.OutDir = "."
	}
	dir := filepath.Join(cfg.OutDir, actor.Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var results []*Result
	var paths []string
	for _, p := range cfg.ActorFiles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		res, err := ConvertActors(filepath.Base(p), data, cfg.Options)
		if err != nil {
			return nil, err
		}
		results, paths = append(results, res), append(paths, p)
	}
	for _, p := range cfg.AgentFiles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		results, paths = append(results, ConvertAgents(filepath.Base(p), data)), append(paths, p)
	}
	dedupe(results)
	out := make([]Imported, len(results))
	used := map[string]bool{}
	for i, r := range results {
		out[i] = Imported{Result: r, Output: filepath.Join(dir, outName(paths[i], used))}
	}
	// Write, then load as the engine will. dedupe leaves nothing the
	// loader refuses as far as this package knows its rules; should the
	// loader refuse a line all the same, the line is left out and
	// reported, and the tables are written again.
	for round := 0; ; round++ {
		lineOf := make([][]int, len(out))
		for i, o := range out {
			text, index := table(o.Result, paths[i])
			lineOf[i] = index
			if err := os.WriteFile(o.Output, text, 0o644); err != nil {
				return out, err
			}
		}
		err := actor.Check(cfg.OutDir)
		if err == nil {
			return out, nil
		}
		var list dict.ErrorList
		if !errors.As(err, &list) || round == 3 {
			return out, fmt.Errorf("the converted tables do not load (please report this importer bug):\n%w", err)
		}
		drop := make([]map[int]string, len(out))
		for _, e := range list {
			i := slices.IndexFunc(out, func(o Imported) bool { return samePath(o.Output, e.File) })
			if i < 0 || e.Line < 1 || e.Line > len(lineOf[i]) || lineOf[i][e.Line-1] < 0 {
				return out, fmt.Errorf("the converted tables do not load (please report this importer bug):\n%w", err)
			}
			if drop[i] == nil {
				drop[i] = map[int]string{}
			}
			drop[i][lineOf[i][e.Line-1]] = e.Msg
		}
		for i, d := range drop {
			if d == nil {
				continue
			}
			r := out[i].Result
			kept := r.Lines[:0]
			for j, l := range r.Lines {
				msg, bad := d[j]
				if !bad {
					kept = append(kept, l)
					continue
				}
				for _, src := range slices.Compact(slices.Sorted(slices.Values(l.Src))) {
					r.skip(src, "dyad's loader refuses the converted line: %s", msg)
				}
			}
			r.Lines = kept
			r.count()
		}
	}
}

// samePath reports whether a loader position's file names path.
func samePath(path, file string) bool {
	return filepath.Clean(path) == filepath.Clean(file)
}

// outName makes a table name from an input path: lower case, runs of
// other characters as "-", ".txt" at the end, "-2", "-3" … when taken.
func outName(path string, used map[string]bool) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	stem := b.String()
	if stem == "" {
		stem = "petrarch"
	}
	name := stem + ".txt"
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d.txt", stem, i)
	}
	used[name] = true
	return name
}

// Table writes a converted file as a dyad table: a header naming the
// source, then each line with its source comment above it.
func Table(res *Result, source string) []byte {
	b, _ := table(res, source)
	return b
}

// table is Table that also says, per output line, which of res.Lines it
// holds (-1 for comments).
func table(res *Result, source string) ([]byte, []int) {
	var b bytes.Buffer
	var index []int
	comment := func(s string) {
		b.WriteString("# " + strings.ReplaceAll(s, "\n", " ") + "\n")
		index = append(index, -1)
	}
	comment(fmt.Sprintf("Converted by dyad dict import-petrarch from %s.", filepath.Base(source)))
	comment(fmt.Sprintf("%d of %d lines converted as they were, %d with a loss, %d not converted.",
		res.Converted, res.Read, res.LossyLines, res.SkippedLines))
	comment("Each entry follows a comment giving its source line and PETRARCH codes.")
	comment("CODE\tKIND\tphrases\t[FROM\tTO]")
	for i, l := range res.Lines {
		if l.Comment != "" {
			comment(l.Comment)
		}
		b.WriteString(l.String())
		b.WriteByte('\n')
		index = append(index, i)
	}
	return b.Bytes(), index
}
