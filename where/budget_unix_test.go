//go:build unix

package where

import (
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/dyadproject/dyad/data"
)

// cpuTime is the CPU time this process has used (user + system, all
// threads, so the garbage collector's work counts too).
func cpuTime(t *testing.T) time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		t.Fatal(err)
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

// TestLoadBudget holds loading the gazetteer to 150 ms of CPU time, the
// best of three loads (about 70 ms on an idle 2-core machine). CPU time,
// not wall time, so that a busy machine does not fail it.
func TestLoadBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	var cpu, wall []time.Duration
	var g *Gazetteer
	for range 3 {
		c0, w0 := cpuTime(t), time.Now()
		var err error
		if g, err = Load(data.FS, data.Prefix); err != nil {
			t.Fatal(err)
		}
		cpu = append(cpu, cpuTime(t)-c0)
		wall = append(wall, time.Since(w0))
	}
	slices.Sort(cpu)
	t.Logf("load: %v CPU (best of %v; wall %v); %d entries, %d name keys, %d postings",
		cpu[0], cpu, wall, g.Len(), len(g.index), len(g.posts))
	if cpu[0] > 150*time.Millisecond {
		t.Errorf("loading the gazetteer took %v of CPU, budget 150ms", cpu[0])
	}
}
