package main

import "econcalc/cmd/internal/input"

// projectLines remember where each project was first listed, by category
// and name, so that one listed again is warned about: a row copied twice
// is counted twice, while two projects of one name in a category (two
// villages' 道路硬化) may be real.
type projectLines map[[2]string]input.Pos

func (s projectLines) see(e *env, p project, at input.Pos) {
	key := [2]string{p.category, p.name}
	first, seen := s[key]
	if !seen {
		s[key] = at
		return
	}
	where := ""
	if p.category != "" {
		where = " in " + input.QuoteCell(p.category)
	}
	e.warnf("%s: project %s%s is listed again (first on line %d): both are counted; take one out if it is a copy",
		at, input.QuoteCell(p.name), where, first.Line())
}
