// Command econcalc computes economic indicators from CSV: growth rates,
// implied bases, investment against plan, dividends and remaining poverty,
// exactly, by calendar, and with GB18030 input understood.
//
// This package is the shell: main calls run, which parses the arguments
// (app.go, flags.go), runs one command and maps its error to an exit status
// (errors.go). Each command has one file of its own (growth.go, poverty.go,
// …) that turns flags into options, asks package input for rows, folds
// them with package calc and hands a report to package report. Data flows
// one way: input → calc → report.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	collectLater()
	// With SIGPIPE caught, a write to a closed pipe returns EPIPE instead of
	// killing the process, and run treats it as a quiet success (| head).
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
