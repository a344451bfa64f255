package main

import (
	"fmt"
	"strings"

	"econcalc/cmd/internal/input"
)

// Villages of one name lie in different towns (甲镇 新村, 乙镇 新村). A
// registry of a county tells them apart by its 乡镇 column, which poverty
// reads no figure from: ignored, it would merge them into one village. A
// village name under two towns is refused instead.

// townWords mark a column naming a village's town.
var townWords = []string{"乡镇", "街道", "镇", "乡", "town"}

// townColumn is the ignored column that names the villages' towns, or -1.
func townColumn(in *input.Source, c householdColumns) int {
	for _, i := range c.ignored {
		if containsAny(headerName(in.Header[i]), townWords) {
			return i
		}
	}
	return -1
}

// townSeen is the town a village was first met in, and where.
type townSeen struct {
	town string
	at   input.Pos
}

// addInTown reads one household of a registry with a town column (add),
// and refuses a village met before in another town. Only such registries
// pay for the look.
func (g *registryReader) addInTown(p *registryPart, rec *input.Row) error {
	if err := g.add(p, rec); err != nil {
		return err
	}
	town := rec.Text(g.town)
	if town == "" {
		return nil // a total row, or a town filled down from above
	}
	if kind, _, err := g.opts.totals.rowLabel(rec, g.cols.id, g.cols.village, g.first); err != nil || kind != dataRow {
		return err
	}
	if p.towns == nil {
		p.towns = map[string]townSeen{}
	}
	village := rec.Text(g.cols.village)
	seen, ok := p.towns[village]
	if !ok {
		p.towns[village] = townSeen{town, rec.Pos()}
		return nil
	}
	if seen.town != town {
		return rec.Errorf(g.town, "%s", townsMessage(village, town, seen.town, "in an earlier row")) // its line may be counted only later
	}
	return nil
}

func townsMessage(village, town, before, where string) string {
	return fmt.Sprintf("village %s is in %s here but in %s %s: two villages of one name would be counted as one; tell them apart in the village column (%s)",
		input.QuoteCell(village), input.QuoteCell(town), input.QuoteCell(before), where, strings.TrimSpace(town)+village)
}

// adder is how the registry's rows are read: add, or addInTown for a
// registry with a town column, chosen once at the header.
func (g *registryReader) adder(in *input.Source) func(*registryPart, *input.Row) error {
	if g.town = townColumn(in, g.cols); g.town >= 0 {
		g.townHeader = in.Header[g.town]
		return g.addInTown
	}
	return g.add
}

// mergeTowns joins a part's villages' towns into all's, refusing a village
// met in two towns by parts read apart: the first such household of the
// part.
func (g *registryReader) mergeTowns(all, part map[string]townSeen) (map[string]townSeen, error) {
	if all == nil {
		return part, nil
	}
	var clash *input.DataError
	for village, s := range part { // the clash reported is the earliest, whatever the map's order
		first, ok := all[village]
		switch {
		case !ok:
			all[village] = s
		case first.town != s.town && (clash == nil || s.at.Line() < clash.Line):
			clash = &input.DataError{File: s.at.File(), Line: s.at.Line(), Column: g.townHeader, Msg: townsMessage(village, s.town, first.town, "at "+first.at.String())}
		}
	}
	if clash != nil {
		return all, clash
	}
	return all, nil
}
