//go:build !unix

package regular

// nonblock: other systems have no FIFOs that block on open in a folder.
const nonblock = 0
