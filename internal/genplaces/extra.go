package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad/where"
)

// extra holds the hand-made changes of extra.tsv.
type extra struct {
	drop      map[int]bool            // cities left out
	keep      map[int]bool            // cities kept below the population threshold
	alt       map[int][]string        // alternates added to a city
	dropAlt   map[string]bool         // alternate keys removed everywhere
	dropAltOf map[int]map[string]bool // alternate keys removed from one city
	keepAlt   map[int]map[string]bool // alternate keys kept though another town bears them
	adminAlt  map[string][]string     // alternates added to an admin1 division ("US.CA")
	common    map[string]bool         // name keys added to common.txt
	notCommon map[string]bool         // name keys removed from common.txt
}

// readExtra parses extra.tsv: DIRECTIVE<TAB>TARGET<TAB>VALUE[<TAB>note].
//
//	drop       geonameid   reason
//	keep       geonameid   reason
//	alt        geonameid   Name|Name
//	dropalt    geonameid|* Name|Name
//	keepalt    geonameid   Name|Name
//	admin1alt  CC.code     Name|Name
//	common     Name        reason
//	notcommon  Name        reason
func readExtra(rd io.Reader) (*extra, error) {
	ex := &extra{
		drop: map[int]bool{}, keep: map[int]bool{}, alt: map[int][]string{}, dropAlt: map[string]bool{},
		dropAltOf: map[int]map[string]bool{}, keepAlt: map[int]map[string]bool{}, adminAlt: map[string][]string{}, common: map[string]bool{},
		notCommon: map[string]bool{},
	}
	var errs []error
	sc := bufio.NewScanner(rd)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) < 3 || f[1] == "" || f[2] == "" {
			errs = append(errs, fmt.Errorf("extra.tsv:%d: want DIRECTIVE, TARGET and VALUE separated by tabs", n))
			continue
		}
		id := func() (int, bool) {
			v, err := strconv.Atoi(f[1])
			if err != nil || v <= 0 {
				errs = append(errs, fmt.Errorf("extra.tsv:%d: bad geonameid %q", n, f[1]))
				return 0, false
			}
			return v, true
		}
		names := strings.Split(f[2], "|")
		switch f[0] {
		case "drop":
			if v, ok := id(); ok {
				ex.drop[v] = true
			}
		case "keep":
			if v, ok := id(); ok {
				ex.keep[v] = true
			}
		case "alt":
			if v, ok := id(); ok {
				ex.alt[v] = append(ex.alt[v], names...)
			}
		case "dropalt":
			if f[1] == "*" {
				for _, a := range names {
					ex.dropAlt[where.Key(a)] = true
				}
			} else if v, ok := id(); ok {
				if ex.dropAltOf[v] == nil {
					ex.dropAltOf[v] = map[string]bool{}
				}
				for _, a := range names {
					ex.dropAltOf[v][where.Key(a)] = true
				}
			}
		case "keepalt":
			if v, ok := id(); ok {
				if ex.keepAlt[v] == nil {
					ex.keepAlt[v] = map[string]bool{}
				}
				for _, a := range names {
					ex.keepAlt[v][where.Key(a)] = true
				}
			}
		case "admin1alt":
			if cc, code, ok := strings.Cut(f[1], "."); !ok || len(cc) != 2 || code == "" {
				errs = append(errs, fmt.Errorf("extra.tsv:%d: bad admin1 code %q (want CC.code)", n, f[1]))
				continue
			}
			ex.adminAlt[f[1]] = append(ex.adminAlt[f[1]], names...)
		case "common":
			ex.common[where.Key(f[1])] = true
		case "notcommon":
			ex.notCommon[where.Key(f[1])] = true
		default:
			errs = append(errs, fmt.Errorf("extra.tsv:%d: unknown directive %q", n, f[0]))
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return ex, errors.Join(errs...)
}
