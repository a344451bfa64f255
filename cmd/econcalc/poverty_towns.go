package main

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"econcalc/cmd/internal/input"
)

// Villages of one name lie in different towns (甲镇 新村, 乙镇 新村). A
// registry of a county tells them apart by its 乡镇 column, which poverty
// reads no figure from: ignored, it would merge them into one village. A
// village name under two towns is refused instead.

// townNames are the names of a column naming a village's town: the name
// itself, after a note in brackets (乡（镇）, 乡镇（街道）), or 所属 before
// it (所属乡镇), or 名称 or 名 after it (乡镇名称, 镇名). A header holding
// 乡 or 镇 among other words names no town: 是否城乡低保户, 参加城乡居民医保,
// 乡镇审核意见, 是否城镇户口, hometown.
var townNames = []string{"乡镇", "镇", "乡", "街道", "街道办事处", "镇街", "town", "township"}

// townNote is a note in brackets: 乡（镇）, 乡镇（街道）名称.
var townNote = regexp.MustCompile(`[(（\[【][^)）\]】]*[)）\]】]`)

// isTownHeader reports a header that names the villages' towns.
func isTownHeader(header string) bool {
	h := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' || r == '-' {
			return -1
		}
		return r
	}, strings.ToLower(townNote.ReplaceAllString(header, "")))
	h = strings.TrimPrefix(h, "所属")
	if n, ok := strings.CutSuffix(h, "名称"); ok {
		h = n
	} else if n, ok := strings.CutSuffix(h, "name"); ok {
		h = n
	} else if n, ok := strings.CutSuffix(h, "名"); ok && n != "" {
		h = n
	}
	// 乡镇/街道, 乡镇、街道, 乡镇街道: either town name
	for _, part := range strings.FieldsFunc(h, func(r rune) bool { return strings.ContainsRune("/、,，|或", r) }) {
		if !slices.Contains(townNames, part) && part != "乡镇街道" {
			return false
		}
	}
	return h != ""
}

// townColumns are the ignored columns that name the villages' towns: all
// of them (乡镇 and 街道), each checked.
func townColumns(in *input.Source, c householdColumns) []int {
	var towns []int
	for _, i := range c.ignored {
		if isTownHeader(in.Header[i]) {
			towns = append(towns, i)
		}
	}
	return towns
}

// townSeen is the town a village was first met in, and where, in one
// town column.
type townSeen struct {
	town   string
	at     input.Pos
	header string // the town column's
	k      int    // which town column: 0 for the first
}

// townKey is a village in one town column: the village's name alone in
// the first, the common case, so that no key is built for it.
func townKey(village string, k int) string {
	if k == 0 {
		return village
	}
	return village + "\x00" + strconv.Itoa(k)
}

// addInTown reads one household of a registry with town columns (add), and
// refuses a village met before in another town of one of them. Only such
// registries pay for the look.
func (g *registryReader) addInTown(p *registryPart, rec *input.Row, towns []int, headers []string) error {
	if err := g.add(p, rec); err != nil {
		return err
	}
	checked := false
	for k, col := range towns {
		town := rec.Text(col)
		if town == "" {
			continue // a total row, or a town filled down from above
		}
		if !checked {
			if kind, _, err := g.opts.totals.rowLabel(rec, g.cols.id, g.cols.village, g.first); err != nil || kind != dataRow {
				return err
			}
			checked = true
		}
		if p.towns == nil {
			p.towns = map[string]townSeen{}
		}
		village := rec.Text(g.cols.village)
		key := townKey(village, k)
		seen, ok := p.towns[key]
		if !ok {
			p.towns[key] = townSeen{town, rec.Pos(), headers[k], k}
			continue
		}
		if seen.town != town {
			return rec.Errorf(col, "%s", townsMessage(village, town, seen.town, "in an earlier row")) // its line may be counted only later
		}
	}
	return nil
}

func townsMessage(village, town, before, where string) string {
	return fmt.Sprintf("village %s is in %s here but in %s %s: two villages of one name would be counted as one; tell them apart in the village column (%s)",
		input.QuoteCell(village), input.QuoteCell(town), input.QuoteCell(before), where, strings.TrimSpace(town)+village)
}

// adder is how the registry's rows are read: add, or addInTown for a
// registry with town columns, chosen once at the header.
func (g *registryReader) adder(in *input.Source) func(*registryPart, *input.Row) error {
	towns := townColumns(in, g.cols)
	if len(towns) == 0 {
		g.town = -1
		return g.add
	}
	headers := make([]string, len(towns))
	for k, col := range towns {
		headers[k] = in.Header[col]
	}
	g.town, g.townHeader = towns[0], headers[0]
	return func(p *registryPart, rec *input.Row) error { return g.addInTown(p, rec, towns, headers) }
}

// mergeTowns joins a part's villages' towns into all's, refusing a village
// met in two towns by parts read apart: the first such household of the
// part.
func (g *registryReader) mergeTowns(all, part map[string]townSeen) (map[string]townSeen, error) {
	if all == nil {
		return part, nil
	}
	var clash *input.DataError
	clashK := 0
	for key, s := range part { // the clash reported is the earliest, whatever the map's order
		first, ok := all[key]
		switch {
		case !ok:
			all[key] = s
		case first.town != s.town && (clash == nil || s.at.Line() < clash.Line || s.at.Line() == clash.Line && s.k < clashK):
			village, _, _ := strings.Cut(key, "\x00")
			clashK = s.k
			clash = &input.DataError{File: s.at.File(), Line: s.at.Line(), Column: s.header, Msg: townsMessage(village, s.town, first.town, "at "+first.at.String())}
		}
	}
	if clash != nil {
		return all, clash
	}
	return all, nil
}
