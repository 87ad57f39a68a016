package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's log and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeLoadsSamplesAndStops(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr}
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, env, []string{"--db", db, "--addr", "127.0.0.1:0", "--token", ""}) }()
	addr := regexp.MustCompile(`url=(http://127\.0\.0\.1:\d+/)`)
	var base string
	for deadline := time.Now().Add(60 * time.Second); base == ""; {
		if m := addr.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
	}
	log := stderr.String()
	if !strings.Contains(log, "the store was empty: loaded the embedded sample articles") || !strings.Contains(log, "articles=20") {
		t.Errorf("no sample-loading line in the log:\n%s", log)
	}
	res, err := http.Get(base + "api/meta")
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Counts map[string]int `json:"counts"`
	}
	json.NewDecoder(res.Body).Decode(&meta)
	res.Body.Close()
	if meta.Counts["articles"] != 20 {
		t.Errorf("counts %v, want 20 articles", meta.Counts)
	}
	res, err = http.Post(base+"api/articles", "application/json", strings.NewReader(`{"id":"x","text":"Text."}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("POST without a configured token: %d, want 403", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	// A second start finds the store filled and loads nothing.
	stderr = syncBuffer{}
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() { done <- runServe(ctx2, env, []string{"--db", db, "--addr", "127.0.0.1:0"}) }()
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), "listening"); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("second start:\n%s", stderr.String())
		}
	}
	cancel2()
	<-done
	if strings.Contains(stderr.String(), "loaded the embedded sample") {
		t.Errorf("samples loaded into a filled store:\n%s", stderr.String())
	}
}

func TestServeFlags(t *testing.T) {
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
	for _, args := range [][]string{{"extra"}, {"--max-body", "10"}, {"--workers", "0"}} {
		if _, ok := runServe(context.Background(), env, args).(usageError); !ok {
			t.Errorf("%v: want a usage error", args)
		}
	}
}
