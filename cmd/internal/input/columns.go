package input

import (
	"fmt"
	"strings"
)

// Column names an input column: its canonical English name, the other
// names users write for it (Chinese headers among them), and the flag that
// names it outright.
type Column struct {
	Key     string
	Aliases []string
	Flag    string
}

// find returns the index of a required column.
func (s *Source) Find(spec Column, override string) (int, error) {
	i, err := s.FindOptional(spec, override)
	if err == nil && i < 0 {
		names := append([]string{spec.Key}, spec.Aliases...)
		err = &DataError{File: s.first, Line: 1, Msg: fmt.Sprintf(
			"no %q column (looked for %s; name yours with --%s); the header has: %s",
			spec.Key, strings.Join(names, ", "), spec.Flag, strings.Join(s.Header, ", "))}
	}
	return i, err
}

// findOptional returns the index of a column, or -1 when the header has none
// of its names. A column named by its flag must exist.
func (s *Source) FindOptional(spec Column, override string) (int, error) {
	if override != "" {
		return s.Named(override)
	}
	for _, name := range append([]string{spec.Key}, spec.Aliases...) {
		if i := s.Index(name); i >= 0 {
			return i, nil
		}
	}
	return -1, nil
}

// named returns the index of a column the user named.
func (s *Source) Named(name string) (int, error) {
	if i := s.Index(name); i >= 0 {
		return i, nil
	}
	return -1, &DataError{File: s.first, Line: 1, Column: strings.TrimSpace(name),
		Msg: "not found; the header has: " + strings.Join(s.Header, ", ")}
}

func (s *Source) Index(name string) int {
	key := strings.ToLower(strings.TrimSpace(name))
	for i, k := range s.keys {
		if k == key {
			return i
		}
	}
	return -1
}
