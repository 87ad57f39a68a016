package dict

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseReportsEveryBadLine(t *testing.T) {
	src := "# header\n\nalpha\tA\nbad line\n  beta\tB  # trailing\n\xff\xfe\ngamma\n"
	var got []string
	err := Parse("data/x.txt", []byte(src), func(l Line) error {
		f := l.Fields()
		if len(f) != 2 {
			return l.Errorf("want 2 tab-separated fields, got %d", len(f))
		}
		got = append(got, l.Pos()+"="+f[0]+"|"+f[1])
		return nil
	})
	want := []string{"data/x.txt:3=alpha|A", "data/x.txt:5=beta|B"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("entries = %v, want %v", got, want)
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want ErrorList", err)
	}
	wantErr := "data/x.txt:4: want 2 tab-separated fields, got 1\n" +
		"data/x.txt:6: invalid UTF-8\n" +
		"data/x.txt:7: want 2 tab-separated fields, got 1"
	if list.Error() != wantErr {
		t.Errorf("errors =\n%s\nwant\n%s", list.Error(), wantErr)
	}
}

func TestReadDirSortedAndCollects(t *testing.T) {
	fsys := fstest.MapFS{
		"d/b.txt":     {Data: []byte("two\n")},
		"d/a.txt":     {Data: []byte("one\nbad\n")},
		"d/sub/c.txt": {Data: []byte("three\n")},
		"d/skip.md":   {Data: []byte("ignored\n")},
	}
	var order []string
	err := ReadDir(fsys, "d", ".txt", "data/", func(l Line) error {
		if l.Text == "bad" {
			return errors.New("not allowed")
		}
		order = append(order, l.Text)
		return nil
	})
	if got := strings.Join(order, ","); got != "one,two,three" {
		t.Errorf("order = %s", got)
	}
	if err == nil || err.Error() != "data/d/a.txt:2: not allowed" {
		t.Errorf("err = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("a\tb # c\n#x\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Parse("f", data, func(l Line) error {
			if l.Num < 1 || l.Text == "" {
				t.Fatalf("bad line %+v", l)
			}
			return nil
		})
	})
}
