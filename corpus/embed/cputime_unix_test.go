//go:build unix

package embed

import (
	"syscall"
	"time"
)

// cpuTime is the process's user plus system CPU time, the measure that
// stays meaningful when other processes share the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
