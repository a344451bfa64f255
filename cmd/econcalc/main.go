// Command econcalc computes economic indicators from CSV: growth rates,
// implied bases, investment against plan, dividends and remaining poverty,
// exactly, by calendar, and with GB18030 input understood.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// With SIGPIPE caught, a write to a closed pipe returns EPIPE instead of
	// killing the process, and run treats it as a quiet success (| head).
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
