package loader

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
)

const childEnv = "DYAD_LOADER_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		if err := crashChild(path); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashInput is a run's worth of articles: stories, exact and near copies
// of them, and French articles, with events on dates that merge.
func crashInput() []dyad.Article {
	var arts []dyad.Article
	for i := range 1500 {
		day := fmt.Sprintf("2024-05-%02d", 1+i%20)
		text := story(uint64(i/4), 9)
		switch i % 4 {
		case 1:
			text = strings.ToUpper(text) // exact copy of the one before
		case 2:
			text = "Headline\n" + strings.Join(strings.Split(text, "\n")[:2], "\n") // near copy
		}
		if i%10 == 7 {
			text = french + fmt.Sprintf(" Numéro %d.", i)
		}
		arts = append(arts, dyad.Article{ID: fmt.Sprint("art", i), Outlet: fmt.Sprint("outlet", i%7), Published: day, Text: text})
	}
	return arts
}

func crashChild(path string) error {
	s, err := openChildStore(path)
	if err != nil {
		return err
	}
	defer s.Close()
	l, err := New(Config{Store: s, BatchSize: 25})
	if err != nil {
		return err
	}
	slow := func(a dyad.Article) (*dyad.Doc, error) {
		time.Sleep(300 * time.Microsecond) // give the parent time to kill mid-run
		return codeOne(a)
	}
	_, err = l.Load(context.Background(), runner(slow), items(crashInput()...))
	return err
}

// TestCrashResume kills an ingest child with SIGKILL several times at
// random points, restarts it, and checks that the final store equals one
// made by a run that was never interrupted.
func TestCrashResume(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	refPath, path := filepath.Join(dir, "ref.db"), filepath.Join(dir, "crash.db")
	ref := openStore(t, refPath)
	l, err := New(Config{Store: ref, BatchSize: 25})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Load(context.Background(), runner(codeOne), items(crashInput()...)); err != nil {
		t.Fatal(err)
	}
	want, _ := ref.Counts(context.Background())
	wantEvents := eventRows(t, ref)
	ref.Close()
	if want.Articles != 1500 || want.Coded == 0 || want.NearCopies == 0 || want.ExactCopies == 0 || want.NotEnglish == 0 {
		t.Fatalf("reference counts %+v do not exercise every path", want)
	}

	kills := 0
	for _, at := range []int{150, 600, 1100} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if n := countArticles(path); n >= at {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		// Commits come every 25 articles: wait a little longer so the kill
		// lands at a different point of the next batch each time.
		time.Sleep(time.Duration(1+3*kills) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			kills++
		} else {
			t.Logf("child ended before the kill: %v", err)
		}
		t.Logf("killed at %d stored articles", countArticles(path))
	}
	if kills == 0 {
		t.Fatal("no child was killed mid-run")
	}
	for range 2 { // finish, then once more: nothing may change
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+path)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("resumed child: %v\n%s", err, out)
		}
		s := openStore(t, path)
		got, _ := s.Counts(context.Background())
		gotEvents := eventRows(t, s)
		s.Close()
		if got != want {
			t.Errorf("after crashes\n got %+v\nwant %+v", got, want)
		}
		if gotEvents != wantEvents {
			t.Errorf("events differ from the uninterrupted run")
		}
	}
}

func openChildStore(path string) (dyad.Store, error) { return sqliteOpen(path) }

func countArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	s, err := sqliteOpen(path)
	if err != nil {
		return 0
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		return 0
	}
	return c.Articles
}

func eventRows(t *testing.T, s dyad.Store) string {
	var b strings.Builder
	err := s.Events(context.Background(), func(e dyad.StoredEvent) error {
		fmt.Fprintf(&b, "%s %s %d %d %d\n", e.Event.ArticleID, e.Event.Date, e.NumArticles, e.NumSources, e.NumMentions)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
