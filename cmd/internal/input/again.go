package input

// Again is the source for a second reading of rows already read and
// checked (a command that reads its input twice, as dividend does, to keep
// no row in memory): its ids are not checked again, so that the second
// Fold spends no time and no memory on a filter of them. The command reads
// only the columns before upTo the second time: where the plain scanner
// reads, rows are split only that far, and their text and widths, which
// the first reading checked, are not checked again (as the second look for
// repeated ids does). Read in order, rows are whole, as the first time.
func (s *Source) Again(upTo int) *Source {
	again := *s
	again.unique = nil
	again.upTo, again.again = upTo, true
	return &again
}
