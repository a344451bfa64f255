package main

import (
	"fmt"
	"strings"
)

// columnSpec names an input column: its canonical English name, the other
// names users write for it (Chinese headers among them), and the flag that
// names it outright.
type columnSpec struct {
	key     string
	aliases []string
	flag    string
}

// find returns the index of a required column.
func (in *input) find(spec columnSpec, override string) (int, error) {
	i, err := in.findOptional(spec, override)
	if err == nil && i < 0 {
		names := append([]string{spec.key}, spec.aliases...)
		err = &dataError{file: in.firstIn, line: 1, msg: fmt.Sprintf(
			"no %q column (looked for %s; name yours with --%s); the header has: %s",
			spec.key, strings.Join(names, ", "), spec.flag, strings.Join(in.header, ", "))}
	}
	return i, err
}

// findOptional returns the index of a column, or -1 when the header has none
// of its names. A column named by its flag must exist.
func (in *input) findOptional(spec columnSpec, override string) (int, error) {
	if override != "" {
		return in.named(override)
	}
	for _, name := range append([]string{spec.key}, spec.aliases...) {
		if i := in.index(name); i >= 0 {
			return i, nil
		}
	}
	return -1, nil
}

// named returns the index of a column the user named.
func (in *input) named(name string) (int, error) {
	if i := in.index(name); i >= 0 {
		return i, nil
	}
	return -1, &dataError{file: in.firstIn, line: 1, column: strings.TrimSpace(name),
		msg: "not found; the header has: " + strings.Join(in.header, ", ")}
}

func (in *input) index(name string) int {
	key := strings.ToLower(strings.TrimSpace(name))
	for i, k := range in.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// splitNames flattens repeated and comma-separated column names.
func splitNames(values []string) []string {
	var names []string
	for _, v := range values {
		for _, n := range strings.Split(v, ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}
