//go:build unix

package regular

import "syscall"

// nonblock keeps opening a FIFO that has no writer from blocking.
const nonblock = syscall.O_NONBLOCK
