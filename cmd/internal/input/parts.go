package input

import "sync"

// InParts runs do over parts of 0 … n−1, part k from n·k/parts to
// n·(k+1)/parts, each in its own goroutine, and waits for them all. A panic
// in a part is raised again in the caller once every part has ended, so
// that it is reported as an internal error instead of the process dying
// with a stack trace.
func InParts(n, parts int, do func(k, from, to int)) {
	panics := make([]any, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[k] = recover() }()
			do(k, n*k/parts, n*(k+1)/parts)
		}()
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}
