//go:build unix

package actor

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used. The load budget is held
// in CPU time, which other processes on a busy machine do not inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
