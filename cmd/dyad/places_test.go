package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestPlacesCommand runs `dyad places` on a file (through runPlaces: the
// command table in main.go is the lead's to extend).
func TestPlacesCommand(t *testing.T) {
	dir := t.TempDir()
	text := "KARACHI, June 2 (Reuters) - Floods hit Hyderabad on Sunday.\nIslamabad said relief teams had left for Sindh province."
	p := writeTemp(t, dir, "floods.txt", text)
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	if err := runPlaces(context.Background(), env, []string{"--published", "2024-06-02", p}); err != nil {
		t.Fatalf("%v; stderr %s", err, errb.String())
	}
	rows := jsonLines(t, out.String())
	var got []string
	for _, r := range rows {
		got = append(got, r["text"].(string)+"="+r["name"].(string)+"/"+r["country"].(string)+"/"+r["kind"].(string)+"/"+r["cue"].(string))
	}
	want := "KARACHI=Karachi/PAK/city/dateline; Hyderabad=Hyderabad/PAK/city/at; Sindh=Sindh/PAK/admin1/from"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("places:\n got %s\nwant %s", g, want)
	}
	if len(rows) > 0 {
		r := rows[1]
		if r["article_id"] != "floods" || r["start"].(float64) != float64(strings.Index(text, "Hyderabad")) ||
			r["admin1"] != "Sindh" || r["rule"] == "" || r["lat"].(float64) < 25 || r["lat"].(float64) > 26 {
			t.Errorf("Hyderabad line: %v", r)
		}
	}
}
