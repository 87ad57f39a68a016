package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTablesUpToDate regenerates the tables from ../shared/reference and
// compares them with the committed ones, so an edit by hand or a changed
// generator cannot slip through.
func TestTablesUpToDate(t *testing.T) {
	ref := filepath.Join("..", "..", "..", "..", "shared", "reference")
	if _, err := os.Stat(ref); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not found (../shared is absent): cannot regenerate", ref)
	}
	out := t.TempDir()
	if err := run(ref, out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"codes.txt", "plover.txt"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join("..", "..", "..", "data", "cameo", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, committed) {
			t.Errorf("data/cameo/%s is stale: run go generate ./ontology", name)
		}
	}
}

func TestParsePlover(t *testing.T) {
	src := "# header\n03: AGREE\n0312: AGREE,  ,   military # note\n" +
		"1121: ACCUSE, allege, crime; corruption # two contexts\n" +
		"08: CONCEDE\n08: RETREAT\n175: ASSAULT, x , y # a\n175: ASSAULT, x, y # b\n~~~~~\n"
	rows, headers, err := parsePlover([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := rows["0312"]; got != (mapping{Code: "0312", Type: "AGREE", Context: "military", Basis: "plover"}) {
		t.Errorf("0312 = %+v", got)
	}
	if got := rows["1121"]; got.Mode != "allege" || got.Context != "crime;corruption" {
		t.Errorf("1121 = %+v", got)
	}
	if headers["08"] != "CONCEDE" || headers["03"] != "AGREE" {
		t.Errorf("headers = %v, want the first header of each root", headers)
	}
	_, _, err = parsePlover([]byte("175: ASSAULT, x, y\n175: COERCE, x, y\n031 AGREE\n"))
	if err == nil || !strings.Contains(err.Error(), "mapped twice") || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %v, want a conflict on 175 and a bad line 3", err)
	}
}
