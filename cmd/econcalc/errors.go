package main

import (
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
	"errors"
	"fmt"
)

// Exit statuses, mapped from errors in run alone.
const (
	exitOK       = 0
	exitData     = 1 // bad input data: a located message, nothing on stdout
	exitUsage    = 2 // bad usage: unknown flag, missing or contradictory options
	exitInternal = 3 // a bug: a panic turned into a message
	exitOutput   = 4 // the result could not be written: a full disk, a closed device
)

// usageError is a wrong invocation; its message says what to type instead.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// internalError is econcalc failing its own checks: a bug, never the
// input's fault. Reconciliation checks report one rather than print figures
// that lost rows.
type internalError struct{ msg string }

func (e *internalError) Error() string { return "internal error: " + e.msg }

// reconcile checks that a command accounted for every row it read.
func reconcile(what string, read, counted int) error {
	if read != counted {
		return &internalError{fmt.Sprintf("%s: %d rows read but %d counted", what, read, counted)}
	}
	return nil
}

func exitStatus(err error) int {
	var de *input.DataError
	var ie *internalError
	var we *report.WriteError
	switch {
	case errors.As(err, &we):
		return exitOutput
	case errors.As(err, &de):
		return exitData
	case errors.As(err, &ie):
		return exitInternal
	}
	return exitUsage // usageError, input.UsageError, report.UsageError and the parser's own
}
