package report

// WriteError is the result that could not be written: stdout, a chart, a
// temporary file for long output. It is the environment failing (a full
// disk, a closed device), neither bad data nor bad usage, and has an exit
// status of its own.
type WriteError struct {
	What string // "the output", "the chart to out.svg"
	Err  error
}

func (e *WriteError) Error() string { return "cannot write " + e.What + ": " + e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }
